import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { type ClaimedJob, JobRunner } from '../scheduling/job-runner.js';
import { EmailTransport, type SendResult } from './email-transport.js';
import type { Deliverable } from './deliverable.js';
import { DELIVER_JOB } from './outbox.js';
import { SmsTransport } from './sms-transport.js';
import { sqlArray } from '../common/sql-array.js';
import { normalAddress, SuppressionList } from '../suppressions/suppression-list.js';
import { isPermanentFailure } from './send-failure.js';

/** How many messages are handed to the transports at once. */
export const DELIVERY_CONCURRENCY = 20;

/**
 * Delivers queued messages (the `message.deliver` jobs of one claim, sent concurrently). Each
 * message is marked sent in the job's transaction: if the process dies after the transport
 * accepted it but before that commit, the job runs again and resends it with the same
 * Message-ID, never as a different message. Every try is kept as a delivery attempt (time, outcome, error).
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
    this.runner.registerBatch(DELIVER_JOB, (jobs, context) => this.deliver(jobs, context));
  }

  async deliver(jobs: ClaimedJob[], { em, now }: { em: EntityManager; now: Date }): Promise<Map<string, { retry: string } | undefined>> {
    const outcomes = new Map<string, { retry: string } | undefined>();
    // A job whose payload names no message (a poisoned job) fails alone: in the batch's query it
    // would fail every delivery claimed with it.
    const jobOf = new Map<string, ClaimedJob>();
    for (const job of jobs) {
      const id = String(job.payload.messageId ?? '');
      if (/^\d{1,18}$/.test(id)) jobOf.set(id, job);
      else outcomes.set(job.id, { retry: `no message to deliver: messageId ${JSON.stringify(job.payload.messageId)}` });
    }
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    const rows = await connection.execute<MessageRow[]>(
      `select "id", "channel", "to", "from", "reply_to", "subject", "body", "headers", "message_id", "attachments", "participant_id" from "message" where "id" = any(?::bigint[]) and "status" = 'queued'`,
      [sqlArray(jobOf.keys())], 'all', tx);
    const messages: Deliverable[] = rows.map((r: MessageRow) => ({
      id: String(r.id), channel: r.channel, to: r.to, from: r.from, replyTo: r.reply_to, subject: r.subject, body: r.body,
      headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers, messageId: r.message_id,
    }));
    const participantOf = new Map<string, string | null>(rows.map((r: MessageRow): [string, string | null] => [String(r.id), r.participant_id == null ? null : String(r.participant_id)]));
    const deliverable = await this.withoutSuppressed(em, messages, participantOf, now);
    await this.loadAttachments(em, deliverable, rows.filter((r: MessageRow) => deliverable.some((m) => m.id === String(r.id))));
    const sent = new Map<string, string[]>();
    await forEachConcurrently(deliverable, DELIVERY_CONCURRENCY, async (message) => {
      const job = jobOf.get(String(message.id))!;
      let result: SendResult;
      try {
        result = message.channel === 'email' ? await this.email.send(message) : await this.sms.send(message);
      } catch (error) {
        const reason = (error as Error).message ?? String(error);
        // A permanent refusal (5xx) will not change on a retry: the message fails at once.
        const permanent = message.channel === 'email' && isPermanentFailure(error);
        const last = permanent || job.attempt >= job.maxAttempts;
        if (!last) outcomes.set(job.id, { retry: reason });
        await connection.execute(`update "message" set "attempts" = "attempts" + 1, "error" = ?, "status" = ? where "id" = ?`, [reason, last ? 'failed' : 'queued', message.id], 'run', tx);
        await connection.execute(`insert into "delivery_attempt" ("message_id", "at", "outcome", "error") values (?, ?, 'failed', ?)`, [message.id, now, reason], 'run', tx);
        if (permanent && message.to) await this.suppressions.suppress(em, message.to, 'hard_bounce');
        if (last) await dropParticipants(em, [participantOf.get(message.id)], 'failed delivery', now);
        return;
      }
      sent.set(result.transport, [...(sent.get(result.transport) ?? []), String(message.id)]);
    });
    for (const [transport, ids] of sent) {
      await connection.execute(
        `update "message" set "status" = 'sent', "sent_at" = ?, "transport" = ?, "error" = null, "attempts" = "attempts" + 1 where "id" = any(?::bigint[])`,
        [now, transport, sqlArray(ids)], 'run', tx);
      await connection.execute(
        `insert into "delivery_attempt" ("message_id", "at", "outcome", "transport") select "id", ?, 'sent', ? from unnest(?::bigint[]) as "id"`,
        [now, transport, sqlArray(ids)], 'run', tx);
    }
    return outcomes;
  }

  /**
   * E-mail to a suppressed address is not sent, transactional mail included (it would bounce
   * again): the message is recorded as `suppressed` with the reason and its participant drops out.
   */
  private async withoutSuppressed(em: EntityManager, messages: Deliverable[], participantOf: Map<string, string | null>, now: Date): Promise<Deliverable[]> {
    const reasons = await this.suppressions.reasons(em, messages.flatMap((m) => (m.channel === 'email' && m.to ? [m.to] : [])));
    if (reasons.size === 0) return messages;
    const reasonOf = (m: Deliverable) => (m.channel === 'email' && m.to ? reasons.get(normalAddress(m.to)) : undefined);
    const suppressed = messages.filter((m) => reasonOf(m));
    for (const message of suppressed) {
      await em.getConnection().execute(`update "message" set "status" = 'suppressed', "error" = ? where "id" = ?`,
        [`suppressed: ${reasonOf(message)}`, message.id], 'run', em.getTransactionContext());
    }
    await dropParticipants(em, suppressed.map((m) => participantOf.get(m.id)), 'suppressed', now);
    return messages.filter((m) => !reasonOf(m));
  }

  /** Attachments are read at delivery (a few e-mails at a time hold their files in memory, not the outbox). */
  private async loadAttachments(em: EntityManager, messages: Deliverable[], rows: MessageRow[]): Promise<void> {
    const idsOf = (row: MessageRow): string[] => (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments) ?? [];
    const wanted = [...new Set(rows.flatMap(idsOf))];
    if (wanted.length === 0) return;
    const files: { id: string; name: string; type: string; content: Buffer }[] = await em.getConnection().execute(
      `select "id", "name", "type", "content" from "stored_file" where "id" = any(?::bigint[])`, [sqlArray(wanted)], 'all', em.getTransactionContext());
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

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
