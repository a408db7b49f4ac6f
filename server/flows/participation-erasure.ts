import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { DeletionListeners } from '../records/deletion-listeners.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';

/**
 * A deleted person leaves every flow: its participations go (by the foreign key's cascade), their
 * pending step jobs (cancel key `flow:<flow>:p:<participant>`, see participantJobKey) are cancelled
 * here, and its refusals and date-trigger records go too.
 */
@Injectable()
export class ParticipationErasure implements OnModuleInit {
  constructor(
    private readonly deletions: DeletionListeners,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.deletions.listen('person', (em, personId) => this.erase(em, personId));
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    await this.jobs.cancelKeysSelectedBy(em, `select 'flow:' || "flow_id" || ':p:' || "id" from "participant" where "person_id" = ?`, [personId]);
    for (const table of ['flow_refusal', 'flow_date_enrolment']) {
      await em.getConnection().execute(`delete from "${table}" where "person_id" = ?`, [personId], 'run', em.getTransactionContext());
    }
  }
}
