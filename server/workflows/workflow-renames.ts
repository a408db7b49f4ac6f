import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { documentsUsing, renameAuthor, rewriteDocuments } from '../language/dsl-references.js';
import { RenameListeners, type Rename, type RuleUsage } from '../records/rename-listeners.js';
import { Workflow, WorkflowVersion } from './workflow.entity.js';
import { WorkflowsService } from './workflows.service.js';

/** Rewrites workflows that name a renamed template, status, task type, … (a new version each), and names them on delete. */
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

  async usages(em: EntityManager, reference: Omit<Rename, 'to'>): Promise<RuleUsage[]> {
    return (await documentsUsing(em, Workflow, reference)).map((workflow) => ({
      kind: 'workflow', id: String(workflow.id), name: workflow.name, ...(workflow.settingKey ? { settingKey: workflow.settingKey } : {}),
    }));
  }

  async rewrite(em: EntityManager, rename: Rename): Promise<void> {
    const count = await rewriteDocuments(em, Workflow, rename, (workflow, source) => {
      const now = this.clock.now();
      workflow.source = source;
      workflow.version += 1;
      workflow.updatedAt = now;
      em.create(WorkflowVersion, { workflow, version: workflow.version, source, author: renameAuthor(rename), createdAt: now });
    });
    if (count > 0) await this.workflows.announce(em);
  }
}
