import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { DeletionListeners } from '../records/deletion-listeners.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';

/** A deleted person's messages go with it; those not yet sent are never sent (their delivery jobs are cancelled). */
@Injectable()
export class MessageErasure implements OnModuleInit {
  constructor(
    private readonly deletions: DeletionListeners,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.deletions.listen('person', (em, personId) => this.erase(em, personId));
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await this.jobs.cancelKeysSelectedBy(em, `select 'message:' || "id" from "message" where "person_id" = ?`, [personId]);
    await em.getConnection().execute(`delete from "message" where "person_id" = ?`, [personId], 'run', em.getTransactionContext());
  }
}
