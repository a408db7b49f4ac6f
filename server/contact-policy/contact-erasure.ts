import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeletionListeners } from '../records/deletion-listeners.js';

/** A deleted person's contact history goes with it. */
@Injectable()
export class ContactErasure implements OnModuleInit {
  constructor(private readonly deletions: DeletionListeners) {}

  onModuleInit(): void {
    this.deletions.listen('person', async (em, personId) => {
      await em.getConnection().execute(`delete from "contact_decision" where "person_id" = ?`, [personId], 'run', em.getTransactionContext());
    });
  }
}
