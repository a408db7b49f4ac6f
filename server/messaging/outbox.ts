import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { JobScheduler } from '../scheduling/job-scheduler.js';
import { Message, type Channel } from './message.entity.js';
import { domainOf, messageIdFor } from './message-id.js';

export const DELIVER_JOB = 'message.deliver';

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
}

export interface Enqueued {
  message: Message;
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
    private readonly jobs: JobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(em: EntityManager, outgoing: OutgoingMessage): Promise<Enqueued> {
    const now = this.clock.now();
    const from = outgoing.from ?? (outgoing.channel === 'email' ? this.config.mailFrom : null);
    const missing = outgoing.to ? null : outgoing.channel === 'email' ? 'no e-mail address' : 'no mobile number';
    const columns: [string, unknown][] = [
      ['channel', outgoing.channel],
      ['key', outgoing.key],
      ['message_id', messageIdFor(outgoing.key, domainOf(from ?? this.config.mailFrom))],
      ['to', outgoing.to ?? null],
      ['from', from],
      ['reply_to', outgoing.replyTo ?? null],
      ['subject', outgoing.subject ?? null],
      ['body', outgoing.body],
      ['headers', JSON.stringify(outgoing.headers ?? {})],
      ['segments', outgoing.segments ?? null],
      ['status', missing ? 'failed' : 'queued'],
      ['attempts', 0],
      ['error', missing],
      ['person_id', outgoing.personId ?? null],
      ['workflow_id', outgoing.workflowId ?? null],
      ['flow_id', outgoing.flowId ?? null],
      ['created_at', now],
    ];
    const sql = `insert into "message" (${columns.map(([c]) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict ("key") do nothing returning "id"`;
    const rows = await em.getConnection().execute<{ id: string }[]>(sql, columns.map(([, v]) => v), 'all', em.getTransactionContext());
    const created = rows.length > 0;
    const message = await em.findOneOrFail(Message, { key: outgoing.key });
    if (created && message.status === 'queued') {
      this.jobs.schedule(em, { kind: DELIVER_JOB, dueAt: now, payload: { messageId: String(message.id) }, cancelKey: `message:${message.id}`, maxAttempts: 6 });
    }
    return { message, created };
  }
}
