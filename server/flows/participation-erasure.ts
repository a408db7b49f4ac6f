import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { DeletionListeners } from '../records/deletion-listeners.js';

/**
 * A deleted person leaves every flow: its participations go (by the foreign key's cascade), their
 * pending step jobs (cancel key `flow:<flow>:p:<participant>`, see participantJobKey) are cancelled
 * here, and its refusals go too.
 */
@Injectable()
export class ParticipationErasure implements OnModuleInit {
  constructor(
    private readonly deletions: DeletionListeners,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.deletions.listen('person', (em, personId) => this.erase(em, personId));
  }

  async erase(em: EntityManager, personId: string): Promise<void> {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute(
      `update "job" set "status" = 'cancelled', "finished_at" = ?
       where "status" = 'pending' and "cancel_key" in (select 'flow:' || "flow_id" || ':p:' || "id" from "participant" where "person_id" = ?)`,
      [this.clock.now(), personId], 'run', tx);
    await connection.execute(`delete from "flow_refusal" where "person_id" = ?`, [personId], 'run', tx);
  }
}
