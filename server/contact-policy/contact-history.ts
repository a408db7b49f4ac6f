import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { BaseRecord } from '../records/base-record.js';
import type { RecordService } from '../records/record.service.js';
import { MarketingLedger } from '../messaging/marketing-ledger.js';
import { ContactDecision } from './contact-policy.entity.js';

export interface ContactHistoryItem {
  at: string;
  channel: 'email' | 'sms';
  status: 'sent' | 'deferred' | 'skipped';
  messageId?: string;
  flowId?: string;
  workflowId?: string;
  reason?: string;
  /** A deferral: the moment the message was put off to. */
  until?: string;
  /** A sent message: whether the contact policy counts it (a flow's message) or it is transactional. */
  marketing?: boolean;
}

/** How many of each kind the history shows, newest first. */
const HISTORY_LIMIT = 500;

/** `GET /api/persons/:id/contact-history`: the messages a person was sent, and those the contact policy deferred or skipped. */
@Injectable()
export class ContactHistory {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: MarketingLedger,
    @Inject(PERSON_RECORDS) private readonly persons: RecordService<BaseRecord>,
  ) {}

  async of(personId: string): Promise<{ items: ContactHistoryItem[] }> {
    await this.persons.get(personId);
    const em = this.em.fork();
    const [messages, decisions] = await Promise.all([
      this.ledger.ofPerson(em, personId, HISTORY_LIMIT),
      em.find(ContactDecision, { personId }, { orderBy: { at: 'desc', id: 'desc' }, limit: HISTORY_LIMIT }),
    ]);
    const items: ContactHistoryItem[] = [
      ...messages.filter((m) => m.status === 'sent').map((m): ContactHistoryItem => ({
        at: (m.sentAt ?? m.createdAt).toISOString(), channel: m.channel, status: 'sent', messageId: m.id, marketing: m.marketing,
        ...(m.flowId ? { flowId: m.flowId } : {}), ...(m.workflowId ? { workflowId: m.workflowId } : {}), ...(m.policyNote ? { reason: m.policyNote } : {}),
      })),
      ...decisions.map((d): ContactHistoryItem => ({
        at: d.at.toISOString(), channel: d.channel, status: d.status, reason: d.reason,
        ...(d.flowId ? { flowId: d.flowId } : {}), ...(d.until ? { until: d.until.toISOString() } : {}),
      })),
    ];
    return { items: items.sort((a, b) => b.at.localeCompare(a.at)) };
  }
}
