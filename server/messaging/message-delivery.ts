import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { type ClaimedJob, JobRunner } from '../scheduling/job-runner.js';
import { EmailTransport, type SendResult } from './email-transport.js';
import type { Deliverable } from './deliverable.js';
import { DELIVER_JOB } from './outbox.js';
import { SmsTransport } from './sms-transport.js';
import { sqlArray } from '../common/sql-array.js';

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
      `select "id", "channel", "to", "from", "reply_to", "subject", "body", "headers", "message_id", "attachments" from "message" where "id" = any(?::bigint[]) and "status" = 'queued'`,
      [sqlArray(jobOf.keys())], 'all', tx);
    const messages: Deliverable[] = rows.map((r: MessageRow) => ({
      id: String(r.id), channel: r.channel, to: r.to, from: r.from, replyTo: r.reply_to, subject: r.subject, body: r.body,
      headers: typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers, messageId: r.message_id,
    }));
    await this.loadAttachments(em, messages, rows);
    const sent = new Map<string, string[]>();
    await forEachConcurrently(messages, DELIVERY_CONCURRENCY, async (message) => {
      const job = jobOf.get(String(message.id))!;
      let result: SendResult;
      try {
        result = message.channel === 'email' ? await this.email.send(message) : await this.sms.send(message);
      } catch (error) {
        const reason = (error as Error).message ?? String(error);
        const last = job.attempt >= job.maxAttempts;
        if (!last) outcomes.set(job.id, { retry: reason });
        await connection.execute(`update "message" set "attempts" = "attempts" + 1, "error" = ?, "status" = ? where "id" = ?`, [reason, last ? 'failed' : 'queued', message.id], 'run', tx);
        await connection.execute(`insert into "delivery_attempt" ("message_id", "at", "outcome", "error") values (?, ?, 'failed', ?)`, [message.id, now, reason], 'run', tx);
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
}

async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
