import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import { TrackingToken, type TrackingKind } from './tracking-token.entity.js';

const EVENT_OF: Record<TrackingKind, { entity: string; kind: string } | undefined> = {
  link: { entity: 'link', kind: 'clicked' },
  open: { entity: 'email', kind: 'opened' },
  unsubscribe: undefined,
};

/**
 * What a recipient does with a tracked e-mail: follows a link (`link.clicked`, every time), loads
 * the pixel (`email.opened`, once) or unsubscribes. The public addresses and the demo use these.
 */
@Injectable()
export class TrackedVisits {
  constructor(
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
  ) {}

  /** Marks the token used and records the behaviour event; a pixel loaded again records nothing new. */
  async use(token: string, kind: 'link' | 'open'): Promise<TrackingToken | undefined> {
    if (!/^[A-Za-z0-9_-]{10,32}$/.test(token)) return undefined;
    const event = EVENT_OF[kind]!;
    return this.em.fork().transactional(async (em) => {
      const found = await em.findOne(TrackingToken, { token, kind });
      if (!found) return undefined;
      const first = !found.usedAt;
      if (first) found.usedAt = this.clock.now();
      if (first || kind === 'link') {
        this.recorder.record(em, {
          entity: event.entity, entityId: found.personId, kind: event.kind, actor: 'tracking',
          data: { person_id: found.personId, flow_id: found.flowId, participant_id: found.participantId, step_id: found.stepId, message_key: found.messageKey, url: found.url ?? null },
        });
      }
      return found;
    });
  }

  async unsubscribeToken(token: string): Promise<TrackingToken | null> {
    return this.em.fork().findOne(TrackingToken, { token, kind: 'unsubscribe' });
  }

  /** Unsubscribes the token's person (a change of the person, so flows end their participations); false for an unknown token. */
  async unsubscribe(token: string): Promise<boolean> {
    const found = await this.unsubscribeToken(token);
    if (!found) return false;
    const person = await this.people.get(found.personId).catch(() => undefined);
    if (person && person.unsubscribed !== true) await this.people.update(found.personId, { unsubscribed: true });
    await this.em.fork().nativeUpdate(TrackingToken, { token, usedAt: null }, { usedAt: this.clock.now() });
    return true;
  }

  /** The tracked addresses of the e-mails one flow sent a person, oldest first. */
  async tokensOf(personId: string, flowId: string): Promise<{ token: string; kind: TrackingKind; stepId: string | null; url: string | null }[]> {
    const rows = await this.em.fork().find(TrackingToken, { personId, flowId }, { orderBy: { createdAt: 'asc', token: 'asc' } });
    return rows.map((row) => ({ token: row.token, kind: row.kind, stepId: row.stepId ?? null, url: row.url ?? null }));
  }
}
