import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { documentsUsing, renameAuthor, rewriteDocuments } from '../language/dsl-references.js';
import { RenameListeners, type Rename, type RuleUsage } from '../records/rename-listeners.js';
import { FlowTriggerIndex } from './engine/flow-trigger-index.js';
import { Flow, FlowVersion } from './flow.entity.js';

/** Rewrites flows that name a renamed template, selection, form, flow, … (a new version each), and names them on delete. */
@Injectable()
export class FlowRenames implements OnModuleInit {
  constructor(
    private readonly listeners: RenameListeners,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.listen((em, rename) => this.rewrite(em, rename), (em, reference) => this.usages(em, reference));
  }

  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<RuleUsage[]> {
    return (await documentsUsing(em, Flow, reference)).map((flow) => ({ kind: 'flow', id: String(flow.id), name: flow.name }));
  }

  async rewrite(em: EntityManager, rename: Rename): Promise<void> {
    const rewritten = await rewriteDocuments(em, Flow, rename, (flow, source) => {
      const now = this.clock.now();
      flow.source = source;
      flow.version += 1;
      flow.updatedAt = now;
      em.create(FlowVersion, { flow, version: flow.version, source, author: renameAuthor(rename), createdAt: now });
    });
    // A trigger may name what was renamed (a form, a selection).
    if (rewritten > 0) await FlowTriggerIndex.announce(em);
  }
}
