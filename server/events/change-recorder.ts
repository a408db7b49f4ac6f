import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { executeBound } from '../common/bound-sql.js';
import { ChangeEvent, type ChangeKind, type Changes } from './change-event.entity.js';

export interface ChangeEventInput {
  entity: string;
  entityId: string;
  kind: ChangeKind;
  changes?: Changes;
  data?: Record<string, unknown>;
  actor?: string;
}

const INSERT = `insert into "change_event" ("entity", "entity_id", "kind", "changes", "data", "actor", "at", "processed_at", "attempts")
  values (?, ?, ?, ?, ?, ?, ?, null, 0)`;

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
   * Writes a change event at once, in the caller's transaction, without the unit of work: for a
   * write that makes no entities (a record's update as plain rows). What `record` persisted before
   * is written at the next flush, after it.
   */
  async insert(em: EntityManager, input: ChangeEventInput): Promise<void> {
    await executeBound(em, INSERT, [input.entity, input.entityId, input.kind, JSON.stringify(input.changes ?? {}), input.data ? JSON.stringify(input.data) : null, input.actor ?? 'system', this.clock.now().toISOString()]);
  }
}
