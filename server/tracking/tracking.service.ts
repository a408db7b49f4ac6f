import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { TrackingToken, type TrackingKind } from './tracking-token.entity.js';
import { newToken, trackHtml } from './tracked-email.js';
import type { MessageCompanion } from '../messaging/outbox.js';

/** A tracked address of one e-mail: its token, its kind and (a link's) original address, as [token, kind, url]. */
export type TrackedAddress = [token: string, kind: TrackingKind, url: string | null];

export interface Tracking {
  /** For the template's `{{ unsubscribe_url }}`. */
  unsubscribeUrl: string;
  /** Rewrites the rendered body's links, adds the pixel; answers the body, the List-Unsubscribe headers and the tracked addresses to write with the message. */
  finish(html: string): { body: string; headers: Record<string, string>; tokens: TrackedAddress[] };
}

/**
 * The tracked addresses of each new message, written by the message's own statement (its
 * `companion` in `Outbox.enqueueMany`): a token row stands for the message's person, flow,
 * participant and step.
 */
export const TRACKING_TOKENS: MessageCompanion = {
  sql: `insert into "tracking_token" ("token", "kind", "url", "person_id", "flow_id", "participant_id", "step_id", "message_key", "created_at")
    select t->>0, t->>1, t->>2, i."person_id", i."flow_id", i."participant_id", i."step_id", i."key", i."created_at"
    from "inserted" i join "companions" c on c."key" = i."key" cross join jsonb_array_elements(c."rows") t`,
};

/**
 * Marketing e-mails: tracked links (`/l/<token>`), an open pixel (`/o/<token>`) and an unsubscribe
 * address (`/u/<token>`, also one-click per RFC 8058). The tokens are written with their message, in
 * its statement (`TRACKING_TOKENS`).
 */
@Injectable()
export class TrackingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  begin(): Tracking {
    const tokens: TrackedAddress[] = [];
    const token = (kind: TrackingKind, url?: string): string => {
      const address: TrackedAddress = [newToken(), kind, url ?? null];
      tokens.push(address);
      return address[0];
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

  private url(path: 'l' | 'o' | 'u', token: string): string {
    return `${this.config.publicUrl}/${path}/${token}`;
  }
}
