import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { DeletionListeners } from '../records/deletion-listeners.js';

/** A deleted person's messages go with it; those not yet sent are never sent (their delivery jobs are cancelled). */
@Injectable()
export class MessageErasure implements OnModuleInit {
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
       where "status" = 'pending' and "cancel_key" in (select 'message:' || "id" from "message" where "person_id" = ?)`,
      [this.clock.now(), personId], 'run', tx);
    await connection.execute(`delete from "message" where "person_id" = ?`, [personId], 'run', tx);
  }
}
