import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeletionListeners } from '../records/deletion-listeners.js';

/** A deleted person's change events (its field values, and the clicks, form answers and list changes naming it) go with it. */
@Injectable()
export class ChangeEventErasure implements OnModuleInit {
  constructor(private readonly deletions: DeletionListeners) {}

  onModuleInit(): void {
    this.deletions.listen('person', (em, personId) =>
      em
        .getConnection()
        .execute(`delete from "change_event" where ("entity" = 'person' and "entity_id" = ?) or "data"->>'person_id' = ?`, [personId, personId], 'run', em.getTransactionContext())
        .then(() => undefined),
    );
  }
}
