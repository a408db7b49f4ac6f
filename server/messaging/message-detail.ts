import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../common/errors.js';
import { RecordNames } from '../records/record-names.js';
import { DeliveryAttempt } from './delivery-attempt.entity.js';
import { Message } from './message.entity.js';
import { messageJson, nextAttempts } from './messages.query.js';
import { RECORD_ID } from '../common/validation.js';

/** The header lines a message was (or will be) sent with, in the order a mail client shows them. */
export function sentHeaders(m: Message): { name: string; value: string }[] {
  const lines: [string, string | null | undefined][] =
    m.channel === 'email'
      ? [['From', m.from], ['To', m.to], ['Reply-To', m.replyTo], ['Subject', m.subject], ['Message-ID', m.messageId], ...Object.entries(m.headers ?? {})]
      : [['From', m.from], ['To', m.to]];
  return lines.filter((line): line is [string, string] => typeof line[1] === 'string' && line[1] !== '').map(([name, value]) => ({ name, value }));
}

/** `GET /api/messages/:id`: one message with its headers, every delivery attempt, and the rule or flow and person behind it. */
@Injectable()
export class MessageDetailQuery {
  constructor(
    private readonly em: EntityManager,
    private readonly names: RecordNames,
  ) {}

  async get(id: string) {
    const em = this.em.fork();
    const message = RECORD_ID.test(id) ? await em.findOne(Message, { id }) : null;
    if (!message) throw new NotFoundError(`No message with id ${JSON.stringify(id)}`, { code: 'record.not_found', params: { entity: 'message', id } });
    const [attempts, person, workflow, flow, next] = await Promise.all([
      em.find(DeliveryAttempt, { message: id }, { orderBy: { at: 'asc', id: 'asc' } }),
      this.names.of(em, 'person', message.personId),
      this.names.of(em, 'workflow', message.workflowId),
      this.names.of(em, 'flow', message.flowId),
      message.status === 'queued' ? nextAttempts(em, [message]) : new Map<string, Date>(),
    ]);
    return {
      ...messageJson(message, next.get(`message:${message.id}`) ?? null),
      stepId: message.stepId ?? null,
      headers: sentHeaders(message),
      deliveryAttempts: attempts.map((a) => ({ at: a.at.toISOString(), outcome: a.outcome, error: a.error ?? null, transport: a.transport ?? null })),
      person: person ? { id: person.id, name: person.name, email: person.email ?? null } : null,
      workflow,
      flow,
    };
  }
}
