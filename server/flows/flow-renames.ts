import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { renameReferences } from '@stroom/dsl';
import { Clock } from '../clock/clock.js';
import { RenameListeners, type Rename } from '../records/rename-listeners.js';
import { Flow, FlowVersion } from './flow.entity.js';
import { containsPattern } from '../common/like.js';

/** Rewrites flows that name a renamed template, selection, form, flow, … (a new version each). */
@Injectable()
export class FlowRenames implements OnModuleInit {
  constructor(
    private readonly listeners: RenameListeners,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.listen((em, rename) => this.rewrite(em, rename), (em, reference) => this.usages(em, reference));
  }

  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<string[]> {
    const candidates = await em.find(Flow, { source: { $like: containsPattern(reference.from) } });
    return candidates
      .filter((row) => renameReferences(row.source, reference.kind, reference.from, `${reference.from}\u0001`, reference.statusKind ? { statusKind: reference.statusKind } : {}).changed > 0)
      .map((row) => `flow "${row.name}"`);
  }

  async rewrite(em: EntityManager, rename: Rename): Promise<void> {
    const candidates = await em.find(Flow, { source: { $like: containsPattern(rename.from) } });
    for (const flow of candidates) {
      const result = renameReferences(flow.source, rename.kind, rename.from, rename.to, rename.statusKind ? { statusKind: rename.statusKind } : {});
      if (result.changed === 0) continue;
      const now = this.clock.now();
      flow.source = result.source;
      flow.version += 1;
      flow.updatedAt = now;
      em.create(FlowVersion, { flow, version: flow.version, source: result.source, author: `rename: ${rename.kind} "${rename.from}" → "${rename.to}"`, createdAt: now });
    }
  }
}
