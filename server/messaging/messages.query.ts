import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Message } from './message.entity.js';
import type { OutboxQuery } from './messages-input.js';
import { escapeLike } from '../common/like.js';
import { pendingDueTimes } from '../scheduling/job-scheduler.js';

/** `nextAttemptAt`: when a queued message's delivery is tried next (its pending delivery job), else null. */
export function messageJson(m: Message, nextAttemptAt: Date | null = null) {
  return {
    id: String(m.id),
    channel: m.channel,
    to: m.to ?? null,
    from: m.from ?? null,
    replyTo: m.replyTo ?? null,
    subject: m.subject ?? null,
    body: m.body,
    status: m.status,
    key: m.key,
    messageId: m.messageId,
    attempts: m.attempts,
    segments: m.segments ?? null,
    transport: m.transport ?? null,
    personId: m.personId ?? null,
    workflowId: m.workflowId ?? null,
    flowId: m.flowId ?? null,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    error: m.error ?? null,
    marketing: m.marketing,
    policyNote: m.policyNote ?? null,
    nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
  };
}

/** `GET /api/messages`: the outbox, newest first, filtered by recipient, status, rule or flow. */
@Injectable()
export class MessagesQuery {
  constructor(private readonly em: EntityManager) {}

  async list(q: OutboxQuery) {
    const where: FilterQuery<Message> = {};
    if (q.to) where.to = { $ilike: escapeLike(q.to) };
    if (q.status) where.status = q.status;
    if (q.channel) where.channel = q.channel;
    if (q.rule ?? q.workflowId) where.workflowId = q.rule ?? q.workflowId;
    if (q.flow ?? q.flowId) where.flowId = q.flow ?? q.flowId;
    if (q.personId) where.personId = q.personId;
    if (q.key) where.key = q.key;
    const em = this.em.fork();
    const [rows, total] = await em.findAndCount(Message, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: q.limit, offset: q.offset });
    const next = await nextAttempts(em, rows.filter((m) => m.status === 'queued'));
    return { items: rows.map((m) => messageJson(m, next.get(`message:${m.id}`) ?? null)), total };
  }
}

/** The due times of the pending delivery jobs (cancel key `message:<id>`) of queued messages. */
export function nextAttempts(em: EntityManager, queued: Message[]): Promise<Map<string, Date>> {
  return pendingDueTimes(em, queued.map((m) => `message:${m.id}`));
}
