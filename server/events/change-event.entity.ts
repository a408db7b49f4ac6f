import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

import type { ChangeKind, Changes, RecordChange } from './record-change.js';

export type { ChangeKind, Changes };

/**
 * A change or behaviour event, written in the same transaction as the change.
 * Ids are not commit-ordered: consumers claim unprocessed rows instead of reading "after id N".
 */
@Entity()
@Index({ properties: ['entity', 'entityId'] })
@Index({ name: 'change_event_person_id', expression: `create index "change_event_person_id" on "change_event" (("data"->>'person_id'))` })
@Index({ name: 'change_event_unprocessed', expression: 'create index "change_event_unprocessed" on "change_event" ("id") where "processed_at" is null' })
export class ChangeEvent implements RecordChange {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** snake_case entity name: person, quote_request, form, … */
  @Property({ type: 'string' })
  entity!: string;

  @Property({ type: 'string' })
  entityId!: string;

  /** created, updated, deleted, or a behaviour such as submitted, clicked, added. */
  @Property({ type: 'string' })
  kind!: ChangeKind;

  @Property({ type: 'json' })
  changes: Changes = {};

  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null;

  @Property({ type: 'string', nullable: true })
  actor?: string | null;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'datetime', nullable: true })
  processedAt?: Date | null;

  /** Failed handling attempts; after the last one the event is parked (processed, with its error). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
