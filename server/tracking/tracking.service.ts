import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { TrackingToken, type TrackingKind } from './tracking-token.entity.js';
import { newToken, trackHtml } from './tracked-email.js';
import { insertFromJson } from '../common/json-rows.js';
import { executeBound } from '../common/bound-sql.js';

/** Who and what a tracked e-mail is about. */
export interface TrackedMail {
  personId: string;
  flowId: string | null;
  participantId: string | null;
  stepId: string | null;
  messageKey: string;
}

/** A token row, written with `save` in the same transaction as its message. */
export interface TokenRow extends TrackedMail {
  token: string;
  kind: TrackingKind;
  url: string | null;
  createdAt: Date;
}

export interface Tracking {
  /** For the template's `{{ unsubscribe_url }}`. */
  unsubscribeUrl: string;
  /** Rewrites the rendered body's links, adds the pixel; answers the body, the List-Unsubscribe headers and the tokens to save. */
  finish(html: string): { body: string; headers: Record<string, string>; tokens: TokenRow[] };
}

const INSERT_TOKENS = insertFromJson('tracking_token', ['token', 'kind', 'url', 'person_id', 'flow_id', 'participant_id', 'step_id', 'message_key', 'created_at']);
const SAVE_CHUNK = 2000;

/**
 * Marketing e-mails: tracked links (`/l/<token>`), an open pixel (`/o/<token>`) and an unsubscribe
 * address (`/u/<token>`, also one-click per RFC 8058). The caller saves the tokens in the
 * transaction that queues their message (many at once for a batch of flow steps).
 */
@Injectable()
export class TrackingService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  begin(mail: TrackedMail): Tracking {
    const tokens: TokenRow[] = [];
    const token = (kind: TrackingKind, url?: string): string => {
      const row: TokenRow = { ...mail, token: newToken(), kind, url: url ?? null, createdAt: this.clock.now() };
      tokens.push(row);
      return row.token;
    };
    const unsubscribeUrl = this.url('u', token('unsubscribe'));
    return {
      unsubscribeUrl,
      finish: (html) => {
        const pixel = this.url('o', token('open'));
        const body = trackHtml(html, (url) => this.url('l', token('link', url)), pixel, new Set([unsubscribeUrl]));
        return { body, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }, tokens };
      },
    };
  }

  /** Whether a participant has used (opened, clicked) one of its tracked addresses of these kinds, in one step's e-mail or any. */
  async participantUsed(em: EntityManager, participantId: string, kinds: readonly TrackingKind[], stepId?: string): Promise<boolean> {
    const where: Record<string, unknown> = { participantId, kind: { $in: [...kinds] }, usedAt: { $ne: null } };
    if (stepId) where.stepId = stepId;
    return (await em.count(TrackingToken, where)) > 0;
  }

  async save(em: EntityManager, rows: readonly TokenRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += SAVE_CHUNK) {
      const chunk = rows.slice(i, i + SAVE_CHUNK).map((r) => ({
        token: r.token, kind: r.kind, url: r.url, person_id: r.personId, flow_id: r.flowId, participant_id: r.participantId, step_id: r.stepId, message_key: r.messageKey, created_at: r.createdAt,
      }));
      await executeBound(em, INSERT_TOKENS, [JSON.stringify(chunk)]);
    }
  }

  private url(path: 'l' | 'o' | 'u', token: string): string {
    return `${this.config.publicUrl}/${path}/${token}`;
  }
}
