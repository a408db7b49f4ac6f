import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { insertJobsFromRows, type SqlPart } from '../scheduling/job-rows.js';
import type { HandOff } from '../scheduling/hand-off.js';
import { insertFromJson, sharedColumns } from '../common/json-rows.js';
import { Message, type Channel } from './message.entity.js';
import { domainOf, messageIdFor } from './message-id.js';
import { asCtes, executeBound, executeTogether } from '../common/bound-sql.js';

export const DELIVER_JOB = 'message.deliver';
/** Delivery attempts before a message is parked as failed (30 s … 8 min of back-off in between). */
export const DELIVERY_ATTEMPTS = 6;
/** Messages per statement in `enqueueMany`. */
const ENQUEUE_CHUNK = 1000;
/** A delivery job per message just inserted as queued (`inserted`), in the same statement; leased to a run of this instance with `leasedUntil`. */
function deliveryJobs(now: Date, leasedUntil?: Date): SqlPart {
  return insertJobsFromRows({
    from: 'inserted', where: `"status" = 'queued'`, kind: DELIVER_JOB, payload: `json_build_object('messageId', "id"::text)::jsonb`,
    dueAt: now, cancelKeyPrefix: 'message:', keyColumn: '"id"', maxAttempts: DELIVERY_ATTEMPTS, now, ...(leasedUntil ? { leasedUntil } : {}),
  });
}

export interface OutgoingMessage {
  channel: Channel;
  key: string;
  to: string | null | undefined;
  from?: string | null;
  replyTo?: string | null;
  subject?: string | null;
  body: string;
  headers?: Record<string, string>;
  segments?: number | null;
  personId?: string | null;
  workflowId?: string | null;
  flowId?: string | null;
  participantId?: string | null;
  stepId?: string | null;
  /** Stored file ids, attached at delivery. */
  attachments?: string[];
  /** Counted by the contact policy (a flow's message to its participant, unless marked transactional). */
  marketing?: boolean;
  /** Why the contact policy held it back first. */
  policyNote?: string | null;
  /** Why this message can never be sent (its text could not be rendered): it is recorded as failed with it. */
  failure?: string | null;
  /** Rows written with the message by `enqueueMany`'s companion statement (e.g. its tracking tokens), as JSON. */
  companion?: readonly unknown[];
}

/**
 * Rows written with each new message in `enqueueMany`'s statement: a data-modifying statement over
 * "inserted" (the new messages: "id", "key", "person_id", "flow_id", "participant_id", "step_id",
 * "created_at") and "companions" ("key", and "rows": the message's `companion` as a jsonb array).
 */
export interface MessageCompanion {
  sql: string;
}

/**
 * The messages (the JSON rows parameter, then the base record of what they share), their delivery
 * jobs, and the companion rows, in one statement; answers the delivery jobs when they are leased.
 */
function enqueueManySql(columns: readonly string[], jobsSql: string, companion: MessageCompanion | undefined, leased: boolean, alongside?: string): string {
  return `with ${alongside ? `${alongside}, ` : ''}"input" as (select ?::jsonb as "rows"),
    inserted as (
      ${insertFromJson('message', columns, { base: true, rows: `(select "rows" from "input")` })}
      on conflict ("key") do nothing returning "id", "status", "key", "person_id", "flow_id", "participant_id", "step_id", "created_at"
    ), job as (${jobsSql}${leased ? ` returning "id", "payload"->>'messageId' as "message_id"` : ''})${companion ? `,
    "companions" as (select r->>'key' as "key", r->'companion' as "rows" from jsonb_array_elements((select "rows" from "input")) r where r->'companion' is not null),
    "companion" as (${companion.sql})` : ''}
    ${leased ? 'select "id", "message_id" from job' : 'select count(*) from inserted'}`;
}

export interface Enqueued {
  id: string;
  status: Message['status'];
  /** False when a message with this key was decided before: nothing new was queued. */
  created: boolean;
}

/**
 * Writes a message into the caller's transaction, with its delivery job. The key is unique:
 * `insert … on conflict do nothing` makes a second decision for the same key a no-op (it waits
 * for a concurrent one to commit), so a message is never decided twice.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(em: EntityManager, outgoing: OutgoingMessage): Promise<Enqueued> {
    const now = this.clock.now();
    const columns = this.columns(outgoing, now);
    const jobs = deliveryJobs(now);
    // One round trip: the message, and its delivery job when it is new and deliverable.
    const sql = `with inserted as (
        insert into "message" (${columns.map(([c]) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})
        on conflict ("key") do nothing returning "id", "status"
      ), job as (${jobs.sql})
      select "id", "status" from inserted`;
    const params = [...columns.map(([, v]) => v), ...jobs.params];
    const connection = em.getConnection();
    const inserted = await connection.execute<{ id: string; status: Message['status'] }[]>(sql, params, 'all', em.getTransactionContext());
    if (inserted[0]) return { id: String(inserted[0].id), status: inserted[0].status, created: true };
    const existing = await connection.execute<{ id: string; status: Message['status'] }[]>(`select "id", "status" from "message" where "key" = ?`, [outgoing.key], 'all', em.getTransactionContext());
    return { id: String(existing[0]!.id), status: existing[0]!.status, created: false };
  }

  /**
   * Many messages in one statement (a batch of flow steps); a key decided before is skipped, as in
   * `enqueue`. With a companion, the rows each new message carries (`companion`) are written by the
   * same statement (a message decided before gets none). With a hand-off (a claim's handler), the
   * delivery jobs are written leased to a run that starts when the claim commits, while a run slot
   * is free.
   */
  async enqueueMany(em: EntityManager, messages: readonly OutgoingMessage[], companion?: MessageCompanion, handOff?: HandOff): Promise<void> {
    await this.write(em, messages, companion, handOff, []);
  }

  /**
   * `enqueueMany`, with other writes of the caller's decision (cancels, timed jobs) in the same
   * statement: one round trip for all (see executeTogether for what the parts may do).
   */
  async enqueueManyWith(em: EntityManager, messages: readonly OutgoingMessage[], alongside: readonly SqlPart[]): Promise<void> {
    if (messages.length === 0) await executeTogether(em, alongside);
    else await this.write(em, messages, undefined, undefined, alongside);
  }

  private async write(em: EntityManager, messages: readonly OutgoingMessage[], companion: MessageCompanion | undefined, handOff: HandOff | undefined, alongside: readonly SqlPart[]): Promise<void> {
    if (messages.length === 0) return;
    const now = this.clock.now();
    const names = this.columns(messages[0]!, now).map(([c]) => c);
    for (let i = 0; i < messages.length;) {
      const lease = handOff?.lease(DELIVER_JOB);
      const chunk = messages.slice(i, i + Math.min(ENQUEUE_CHUNK, lease?.room ?? ENQUEUE_CHUNK));
      // The other writes go with the first chunk.
      const parts = i === 0 && alongside.length > 0 ? asCtes(alongside) : undefined;
      i += chunk.length;
      const jobs = deliveryJobs(now, lease?.lockedUntil);
      const sql = enqueueManySql(names, jobs.sql, companion, lease !== undefined, parts?.sql);
      const { shared, rows } = sharedColumns(chunk.map((m) => {
        const row = Object.fromEntries(this.columns(m, now, { json: true }));
        if (companion && m.companion?.length) row.companion = m.companion;
        return row;
      }));
      const result = await executeBound<{ id: string; message_id: string }>(em, sql, [...(parts?.params ?? []), JSON.stringify(rows), JSON.stringify(shared), ...jobs.params]);
      lease?.add(result.rows.map((row) => ({
        id: String(row.id), kind: DELIVER_JOB, payload: { messageId: String(row.message_id) }, dueAt: now, attempt: 1, maxAttempts: DELIVERY_ATTEMPTS,
      })));
    }
  }

  /** The message's columns and values; jsonb values as text for a `values` list, as they are for `insertFromJson`. */
  private columns(outgoing: OutgoingMessage, now: Date, { json = false } = {}): [string, unknown][] {
    const jsonb = (value: unknown) => (json ? value : JSON.stringify(value));
    const from = outgoing.from ?? (outgoing.channel === 'email' ? this.config.mailFrom : null);
    const missing = outgoing.failure ?? (outgoing.to ? null : outgoing.channel === 'email' ? 'no e-mail address' : 'no mobile number');
    return [
      ['channel', outgoing.channel],
      ['key', outgoing.key],
      ['message_id', messageIdFor(outgoing.key, domainOf(from ?? this.config.mailFrom))],
      ['to', outgoing.to ?? null],
      ['from', from],
      ['reply_to', outgoing.replyTo ?? null],
      ['subject', outgoing.subject ?? null],
      ['body', outgoing.body],
      ['headers', jsonb(outgoing.headers ?? {})],
      ['segments', outgoing.segments ?? null],
      ['status', missing ? 'failed' : 'queued'],
      ['attempts', 0],
      ['error', missing],
      ['person_id', outgoing.personId ?? null],
      ['workflow_id', outgoing.workflowId ?? null],
      ['flow_id', outgoing.flowId ?? null],
      ['participant_id', outgoing.participantId ?? null],
      ['step_id', outgoing.stepId ?? null],
      ['attachments', jsonb(outgoing.attachments ?? [])],
      ['marketing', outgoing.marketing ?? false],
      ['policy_note', outgoing.policyNote ?? null],
      ['created_at', now],
    ];
  }
}
