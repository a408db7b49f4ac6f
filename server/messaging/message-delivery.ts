import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { type ClaimedJob, JobRunner } from '../scheduling/job-runner.js';
import type { DetachedBatchWrites } from '../scheduling/detached-runs.js';
import { EmailTransport, type SendResult } from './email-transport.js';
import type { Deliverable } from './deliverable.js';
import { DELIVER_JOB } from './outbox.js';
import { SmsTransport } from './sms-transport.js';
import { sqlArray } from '../common/sql-array.js';
import { normalAddress, SuppressionList } from '../suppressions/suppression-list.js';
import { isPermanentFailure } from './send-failure.js';
import { RECORD_ID } from '../common/validation.js';

/** How many messages one delivery run takes (fewer, larger runs: each costs a claim, a lease and a commit), how many runs go at once, and how many of a run's messages are with the transports at once. */
export const DELIVERY_BATCH = 500;
export const DELIVERY_RUNS = 6;
export const DELIVERY_CONCURRENCY = 20;
/** A run's lease; renewed while it goes on, so only a stopped instance's deliveries wait this long to be taken again. */
export const DELIVERY_LEASE_MS = 15_000;

interface Failure {
  message: Deliverable;
  job: ClaimedJob;
  reason: string;
  permanent: boolean;
}

/**
 * Delivers queued messages: the `message.deliver` jobs of a run, sent concurrently. No transaction
 * or connection is held while the transports talk to SMTP or the SMS gateway (a silent server
 * must not hold up the rest of the service): the messages are read, sent, and then recorded as sent
 * in one short transaction with the jobs' completion. If the process dies after the transport
 * accepted a message but before that commit, the job runs again once its lease has run out and
 * resends it with the same Message-ID, never as a different message. Every try is kept as a
 * delivery attempt (time, outcome, error).
 */
@Injectable()
export class MessageDelivery implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly email: EmailTransport,
    private readonly sms: SmsTransport,
    private readonly suppressions: SuppressionList,
  ) {}

  onModuleInit(): void {
    this.runner.registerDetachedBatch(DELIVER_JOB, (jobs, context) => this.deliver(jobs, context), {
      lane: 'delivery', batchSize: DELIVERY_BATCH, concurrency: DELIVERY_RUNS, leaseMs: DELIVERY_LEASE_MS, renew: true,
      onParked: (em, jobs, now) => this.lost(em, jobs, now),
    });
  }

  async deliver(jobs: ClaimedJob[], { em, now }: { em: EntityManager; now: Date }): Promise<DetachedBatchWrites> {
    const outcomes = new Map<string, { retry: string } | undefined>();
    // A job whose payload names no message (a poisoned job) fails alone: in the run's query it
    // would fail every delivery claimed with it.
    const jobOf = new Map<string, ClaimedJob>();
    for (const job of jobs) {
      const id = messageIdOf(job);
      if (id) jobOf.set(id, job);
      else outcomes.set(job.id, { retry: `no message to deliver: messageId ${JSON.stringify(job.payload.messageId)}` });
    }
    // By id alone, the status checked here: with no statistics yet (a new database's first campaign,
    // or the embedded one, which never gathers them) the planner took "status" = 'queued' for the
    // rarer condition and read every queued message of the outbox for each run.
    const rows = (await em.getConnection().execute<MessageRow[]>(
      `select "id", "status", "channel", "to", "from", "reply_to", "subject", "body", "headers", "message_id", "attachments", "participant_id" from "message" where "id" = any(?::bigint[])`,
      [sqlArray(jobOf.keys())], 'all')).filter((row: MessageRow) => row.status === 'queued');
    const messages: Deliverable[] = rows.map((r: MessageRow) => ({
      id: String(r.id), channel: r.channel, to: r.to, from: r.from, replyTo: r.reply_to, subject: r.subject, body: r.body,
      headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers, messageId: r.message_id,
    }));
    const participantOf = new Map<string, string | null>(rows.map((r: MessageRow): [string, string | null] => [String(r.id), r.participant_id == null ? null : String(r.participant_id)]));
    const suppressedFor = await this.suppressedReasons(em, messages);
    const deliverable = messages.filter((m) => !suppressedFor.has(m.id));
    await this.loadAttachments(em, deliverable, rows.filter((r: MessageRow) => !suppressedFor.has(String(r.id))));
    const sent = new Map<string, string[]>();
    const failures: Failure[] = [];
    await forEachConcurrently(deliverable, DELIVERY_CONCURRENCY, async (message) => {
      const job = jobOf.get(String(message.id))!;
      try {
        const result: SendResult = message.channel === 'email' ? await this.email.send(message) : await this.sms.send(message);
        const ids = sent.get(result.transport);
        if (ids) ids.push(String(message.id));
        else sent.set(result.transport, [String(message.id)]);
      } catch (error) {
        // A permanent refusal (5xx) will not change on a retry: the message fails at once.
        failures.push({ message, job, reason: (error as Error).message ?? String(error), permanent: message.channel === 'email' && isPermanentFailure(error) });
      }
    });

    return async (tx, owned) => {
      const ours = (messageId: string) => owned.has(jobOf.get(messageId)!.id);
      await this.recordSuppressed(tx, [...suppressedFor].filter(([id]) => ours(id)), participantOf, now);
      for (const { message, job, reason, permanent } of failures.filter((f) => ours(f.message.id))) {
        const last = permanent || job.attempt >= job.maxAttempts;
        if (!last) outcomes.set(job.id, { retry: reason });
        await execute(tx, `update "message" set "attempts" = "attempts" + 1, "error" = ?, "status" = ? where "id" = ?`, [reason, last ? 'failed' : 'queued', message.id]);
        await execute(tx, `insert into "delivery_attempt" ("message_id", "at", "outcome", "error") values (?, ?, 'failed', ?)`, [message.id, now, reason]);
        if (permanent && message.to) await this.suppressions.suppress(tx, message.to, 'hard_bounce');
        if (last) await dropParticipants(tx, [participantOf.get(message.id)], 'failed delivery', now);
      }
      for (const [transport, all] of sent) {
        const ids = all.filter(ours);
        if (ids.length === 0) continue;
        // One statement: the messages sent and an attempt for each.
        await execute(tx, `with "sent" as (
            update "message" set "status" = 'sent', "sent_at" = ?, "transport" = ?, "error" = null, "attempts" = "attempts" + 1 where "id" = any(?::bigint[]) returning "id"
          ) insert into "delivery_attempt" ("message_id", "at", "outcome", "transport") select "id", ?, 'sent', ? from "sent"`,
          [now, transport, sqlArray(ids), now, transport]);
      }
      return outcomes;
    };
  }

  /**
   * A delivery whose last attempt's lease ran out (its instance stopped each time): the message
   * fails with the reason and its participant drops out, as after any last failed attempt.
   */
  private async lost(em: EntityManager, jobs: ClaimedJob[], now: Date): Promise<void> {
    const ids = jobs.flatMap((job) => messageIdOf(job) ?? []);
    if (ids.length === 0) return;
    const failed: { id: string; participant_id: string | null }[] = await em.getConnection().execute(
      `update "message" set "status" = 'failed', "error" = 'its delivery did not finish within its lease on the last attempt (its instance stopped)'
        where "id" = any(?::bigint[]) and "status" = 'queued' returning "id", "participant_id"`, [sqlArray(ids)], 'all', em.getTransactionContext());
    await dropParticipants(em, failed.map((row) => (row.participant_id == null ? null : String(row.participant_id))), 'failed delivery', now);
  }

  /** The e-mails to a suppressed address, by message id, with the reason: they are not sent, transactional mail included (it would bounce again). */
  private async suppressedReasons(em: EntityManager, messages: Deliverable[]): Promise<Map<string, string>> {
    const reasons = await this.suppressions.reasons(em, messages.flatMap((m) => (m.channel === 'email' && m.to ? [m.to] : [])));
    const suppressed = new Map<string, string>();
    if (reasons.size === 0) return suppressed;
    for (const m of messages) {
      const reason = m.channel === 'email' && m.to ? reasons.get(normalAddress(m.to)) : undefined;
      if (reason) suppressed.set(m.id, reason);
    }
    return suppressed;
  }

  /** Such a message is recorded as `suppressed` with the reason and its participant drops out. */
  private async recordSuppressed(em: EntityManager, suppressed: [string, string][], participantOf: Map<string, string | null>, now: Date): Promise<void> {
    for (const [id, reason] of suppressed) {
      await execute(em, `update "message" set "status" = 'suppressed', "error" = ? where "id" = ? and "status" = 'queued'`, [`suppressed: ${reason}`, id]);
    }
    await dropParticipants(em, suppressed.map(([id]) => participantOf.get(id)), 'suppressed', now);
  }

  /** Attachments are read at delivery (a few e-mails at a time hold their files in memory, not the outbox). */
  private async loadAttachments(em: EntityManager, messages: Deliverable[], rows: MessageRow[]): Promise<void> {
    const idsOf = (row: MessageRow): string[] => (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments) ?? [];
    const wanted = [...new Set(rows.flatMap(idsOf))];
    if (wanted.length === 0) return;
    const files: { id: string; name: string; type: string; content: Buffer }[] = await em.getConnection().execute(
      `select "id", "name", "type", "content" from "stored_file" where "id" = any(?::bigint[])`, [sqlArray(wanted)], 'all');
    const byId = new Map(files.map((f) => [String(f.id), f]));
    messages.forEach((message, i) => {
      const ids = idsOf(rows[i]!);
      if (ids.length === 0) return;
      message.attachments = ids.flatMap((id) => {
        const file = byId.get(id);
        return file ? [{ filename: file.name, contentType: file.type, content: file.content }] : [];
      });
    });
  }
}

interface MessageRow {
  id: string;
  status: string;
  channel: Deliverable['channel'];
  to: string | null;
  from: string | null;
  reply_to: string | null;
  subject: string | null;
  body: string;
  headers: Record<string, string> | string;
  message_id: string;
  attachments: string[] | string | null;
  participant_id: string | null;
}

/** Ends the flow participations the messages were sent for, if they are still live. */
async function dropParticipants(em: EntityManager, ids: (string | null | undefined)[], reason: string, now: Date): Promise<void> {
  const live = ids.filter((id): id is string => !!id);
  if (live.length === 0) return;
  await em.getConnection().execute(
    `update "participant" set "status" = 'dropout', "reason" = ?, "wait_until" = null, "waiting_for" = null, "updated_at" = ? where "id" = any(?::bigint[]) and "status" in ('queued', 'active')`,
    [reason, now, sqlArray(live)], 'run', em.getTransactionContext());
}

/** The message a delivery job is for, or undefined when its payload names none (a poisoned job). */
function messageIdOf(job: ClaimedJob): string | undefined {
  const id = String(job.payload.messageId ?? '');
  return RECORD_ID.test(id) ? id : undefined;
}

async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  await em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
}

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
