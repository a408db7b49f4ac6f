import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import { RecordFacts } from '../facts/record-facts.js';
import type { RecordChange } from '../events/record-change.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import { findMessage } from '../messaging/message-lookup.js';
import { SuppressionList } from './suppression-list.js';

interface FeedbackData {
  messageId?: string;
  address?: string;
  kind?: 'hard' | 'soft';
  person_id?: string;
}

/**
 * What `email.bounced` and `email.complained` events do, wherever they come from (a provider's
 * webhook through POST /api/events, or a report to the bounce listener): a hard bounce suppresses
 * the address, soft bounces do after SOFT_BOUNCE_LIMIT in a row, and a complaint suppresses the
 * address and unsubscribes the person.
 */
@Injectable()
export class EmailFeedback implements OnModuleInit {
  constructor(
    private readonly consumer: ChangeEventConsumer,
    private readonly suppressions: SuppressionList,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
    private readonly facts: RecordFacts,
  ) {}

  onModuleInit(): void {
    this.consumer.register('suppressions', (event, em) => this.handle(event, em));
  }

  async handle(event: RecordChange, em: EntityManager): Promise<void> {
    if (event.entity !== 'email' || (event.kind !== 'bounced' && event.kind !== 'complained')) return;
    const data = (event.data ?? {}) as FeedbackData;
    const messageTo = data.messageId ? (await findMessage(em, data.messageId))?.to : undefined;
    const address = data.address ?? messageTo ?? (data.person_id ? await emailOf(em, String(data.person_id)) : undefined);
    if (address) {
      if (event.kind === 'complained') await this.suppressions.suppress(em, address, 'complaint');
      else if (data.kind === 'soft') await this.suppressions.softBounce(em, address);
      else await this.suppressions.suppress(em, address, 'hard_bounce');
    }
    if (event.kind === 'complained' && data.person_id) await this.unsubscribe(em, String(data.person_id));
  }

  /** Recorded as a change of the person, so flows end its participations as they do for an unsubscribe link. */
  private async unsubscribe(em: EntityManager, personId: string): Promise<void> {
    const changed = await em.getConnection().execute<unknown[]>(
      `update "person" set "unsubscribed" = true, "updated_at" = ? where "id" = ? and "unsubscribed" = false returning "id"`,
      [this.clock.now(), personId], 'all', em.getTransactionContext());
    if (changed.length === 0) return;
    this.facts.forgetBatch(em);
    this.recorder.record(em, { entity: 'person', entityId: personId, kind: 'updated', changes: { unsubscribed: { from: false, to: true } } });
  }
}

async function emailOf(em: EntityManager, personId: string): Promise<string | undefined> {
  const rows = await em.getConnection().execute<{ email: string | null }[]>(`select "email" from "person" where "id" = ?`, [personId], 'all', em.getTransactionContext());
  return rows[0]?.email ?? undefined;
}
