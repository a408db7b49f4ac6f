import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { Person } from '../crm/persons/person.entity.js';
import { Flow } from './flow.entity.js';

/** What a participant on a `wait for` step is waiting for (the step's event, resolved). */
export type AwaitedEvent =
  | { kind: 'link_clicked'; step?: string }
  | { kind: 'email_opened'; step?: string }
  | { kind: 'form_submitted'; form: string }
  | { kind: 'webhook'; key: string };

/** What a webhook step got, by the step's label: the HTTP status (0 when no answer came). */
export type WebhookAnswers = Record<string, { status: number; at: string }>;

export const PARTICIPANT_STATUSES = ['queued', 'active', 'completed', 'completed_success', 'dropout', 'cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export interface ParticipantNote {
  at: string;
  stepId: string;
  message: string;
}

/** A person's walk through a flow, on stable step ids. At most one live (queued or active) per person and flow. */
@Entity()
@Index({ properties: ['flow', 'status'] })
@Index({ name: 'participant_live_unique', expression: `create unique index "participant_live_unique" on "participant" ("flow_id", "person_id") where "status" in ('queued', 'active')` })
export class Participant {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne({ entity: () => Flow, ref: true, deleteRule: 'cascade' })
  flow!: Ref<Flow>;

  @ManyToOne({ entity: () => Person, ref: true, deleteRule: 'cascade', index: true })
  person!: Ref<Person>;

  @Property({ type: 'string' })
  status: ParticipantStatus = 'active';

  @Property({ type: 'string', nullable: true })
  stepId?: string | null;

  /** Why it dropped out or was cancelled. */
  @Property({ type: 'string', nullable: true })
  reason?: string | null;

  /** Bumped whenever a step job is scheduled for it: an older job finds a different number and does nothing. */
  @Property({ type: 'integer' })
  seq: number = 0;

  /** The distinct steps it has entered, in order: what the flow's diagram counts as "reached" per step. */
  @Property({ type: 'json', defaultRaw: `'[]'` })
  path: string[] = [];

  /** Steps entered so far; numbers the idempotency keys of the messages it is sent. */
  @Property({ type: 'integer' })
  visits: number = 0;

  /** On a wait: the absolute time it ends (a wait for an action: its time-out). */
  @Property({ type: 'datetime', nullable: true })
  waitUntil?: Date | null;

  @Property({ type: 'json', nullable: true })
  waitingFor?: AwaitedEvent | null;

  /** When a success criterion was met (the participant then completes with success). */
  @Property({ type: 'datetime', nullable: true })
  successAt?: Date | null;

  /** The branch it was given at each random split it passed (`stepId → branch name`, or `holdout`). */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  experiments: Record<string, string> = {};
  /** The answers of the webhook steps it passed, for splits on `webhook.<label>.status`. */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  webhooks: WebhookAnswers = {};

  /** What went wrong on the way without stopping the participant (a failed script), newest last. */
  @Property({ type: 'json', defaultRaw: `'[]'` })
  notes: ParticipantNote[] = [];

  @Property({ type: 'datetime' })
  enrolledAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A person refused at enrolment: no participant, only a count per reason. */
@Entity()
@Index({ properties: ['flow', 'reason'] })
@Index({ properties: ['personId'] })
export class FlowRefusal {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne({ entity: () => Flow, ref: true, deleteRule: 'cascade' })
  flow!: Ref<Flow>;

  @Property({ type: 'string' })
  personId!: string;

  @Property({ type: 'string' })
  reason!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
