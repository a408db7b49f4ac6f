import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** `running`: leased by an instance that runs it outside the claiming transaction, until `lockedUntil`. */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * A piece of timed work (a delayed send, a reminder, a wait, a delivery). Due work is claimed with
 * `FOR UPDATE SKIP LOCKED`, so several instances share it and none runs it twice.
 */
@Entity()
@Index({ name: 'job_pending_due', expression: 'create index "job_pending_due" on "job" ("due_at", "id") where "status" = \'pending\'' })
@Index({ name: 'job_cancel_key', expression: 'create index "job_cancel_key" on "job" ("cancel_key" text_pattern_ops) where "status" = \'pending\'' })
// Pending work about one record (`payload.entity` + `payload.entityId`), e.g. a workflow's sends for a quote request.
@Index({ name: 'job_pending_record', expression: 'create index "job_pending_record" on "job" (("payload"->>\'entity\'), ("payload"->>\'entityId\')) where "status" = \'pending\'' })
@Index({ name: 'job_pending_kind_due', expression: 'create index "job_pending_kind_due" on "job" ("kind", "due_at", "id") where "status" = \'pending\'' })
export class Job {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** Which handler runs it: `message.deliver`, `workflow.send`, … */
  @Property({ type: 'string' })
  kind!: string;

  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  /** Due times are inclusive: work due at t runs when the clock reaches t. */
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'string' })
  status: JobStatus = 'pending';

  /** Groups jobs for cancelling, e.g. `wf:12:quote_request:7:`; cancel by this key or a prefix of it. */
  @Property({ type: 'string', nullable: true })
  cancelKey?: string | null;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'integer' })
  maxAttempts: number = 5;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt?: Date | null;

  /** A `running` job's lease (real time): past it, the run is taken to be lost and the job is due again. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
