import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeletionListeners } from '../records/deletion-listeners.js';

/** A deleted person's tracked links, pixels and unsubscribe addresses stop working: their tokens go. */
@Injectable()
export class TrackingErasure implements OnModuleInit {
  constructor(private readonly deletions: DeletionListeners) {}

  onModuleInit(): void {
    this.deletions.listen('person', (em, personId) => em.getConnection().execute(`delete from "tracking_token" where "person_id" = ?`, [personId], 'run', em.getTransactionContext()).then(() => undefined));
  }
}
