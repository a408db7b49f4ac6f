import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { renameReferences } from '@stroom/dsl';
import { Clock } from '../clock/clock.js';
import { RenameListeners, type Rename } from '../records/rename-listeners.js';
import { Workflow, WorkflowVersion } from './workflow.entity.js';
import { WorkflowsService } from './workflows.service.js';
import { containsPattern } from '../common/like.js';

/** Rewrites workflows that name a renamed template, status, task type, … (a new version each). */
@Injectable()
export class WorkflowRenames implements OnModuleInit {
  constructor(
    private readonly listeners: RenameListeners,
    private readonly workflows: WorkflowsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.listen((em, rename) => this.rewrite(em, rename), (em, reference) => this.usages(em, reference));
  }

  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<string[]> {
    const candidates = await em.find(Workflow, { source: { $like: containsPattern(reference.from) } });
    return candidates
      .filter((row) => renameReferences(row.source, reference.kind, reference.from, `${reference.from}\u0001`, reference.statusKind ? { statusKind: reference.statusKind } : {}).changed > 0)
      .map((row) => `workflow "${row.name}"`);
  }

  async rewrite(em: EntityManager, rename: Rename): Promise<void> {
    const candidates = await em.find(Workflow, { source: { $like: containsPattern(rename.from) } });
    let touched = false;
    for (const workflow of candidates) {
      const result = renameReferences(workflow.source, rename.kind, rename.from, rename.to, rename.statusKind ? { statusKind: rename.statusKind } : {});
      if (result.changed === 0) continue;
      const now = this.clock.now();
      workflow.source = result.source;
      workflow.version += 1;
      workflow.updatedAt = now;
      em.create(WorkflowVersion, { workflow, version: workflow.version, source: result.source, author: `rename: ${rename.kind} "${rename.from}" → "${rename.to}"`, createdAt: now });
      touched = true;
    }
    if (touched) await this.workflows.announce(em);
  }
}
