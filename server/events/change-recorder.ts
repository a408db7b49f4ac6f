import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import type { RowInsert } from '../records/record-rows.js';
import { ChangeEvent, type ChangeKind, type Changes } from './change-event.entity.js';

export interface ChangeEventInput {
  entity: string;
  entityId: string;
  kind: ChangeKind;
  changes?: Changes;
  data?: Record<string, unknown>;
  actor?: string;
}

const COLUMNS = [
  { name: 'entity', type: 'varchar' }, { name: 'entity_id', type: 'varchar' }, { name: 'kind', type: 'varchar' }, { name: 'changes', type: 'jsonb' },
  { name: 'data', type: 'jsonb' }, { name: 'actor', type: 'varchar' }, { name: 'at', type: 'timestamptz' }, { name: 'processed_at', type: 'timestamptz' },
  { name: 'attempts', type: 'int' },
];

/** Writes change events into the caller's unit of work, so they commit with the change itself. */
@Injectable()
export class ChangeRecorder {
  constructor(private readonly clock: Clock) {}

  /** Whether a change of this kind was recorded for the record before (e.g. a task that expired once). */
  async hasRecorded(em: EntityManager, entity: string, entityId: string, kind: string): Promise<boolean> {
    return (await em.count(ChangeEvent, { entity, entityId, kind })) > 0;
  }

  record(em: EntityManager, input: ChangeEventInput): ChangeEvent {
    const event = em.create(ChangeEvent, {
      entity: input.entity,
      entityId: input.entityId,
      kind: input.kind,
      changes: input.changes ?? {},
      data: input.data ?? null,
      actor: input.actor ?? 'system',
      at: this.clock.now(),
      processedAt: null,
      attempts: 0,
    });
    em.persist(event);
    return event;
  }

  /**
   * A change event as a row to insert at once, in the caller's transaction, without the unit of
   * work (a record's update written as plain rows inserts it in its own statement).
   */
  row(input: ChangeEventInput): RowInsert {
    const params = [input.entity, input.entityId, input.kind, JSON.stringify(input.changes ?? {}), input.data ? JSON.stringify(input.data) : null, input.actor ?? 'system', this.clock.now().toISOString(), null, 0];
    return { table: 'change_event', columns: COLUMNS, params };
  }
}
