import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { TrackingToken, type TrackingKind } from './tracking-token.entity.js';
import { newToken, trackHtml } from './tracked-email.js';

/** Who and what a tracked e-mail is about. */
export interface TrackedMail {
  personId: string;
  flowId: string | null;
  participantId: string | null;
  stepId: string | null;
  messageKey: string;
}

export interface Tracking {
  /** For the template's `{{ unsubscribe_url }}`. */
  unsubscribeUrl: string;
  /** Rewrites the rendered body's links, adds the pixel; answers the body and the List-Unsubscribe headers. */
  finish(html: string): { body: string; headers: Record<string, string> };
}

/**
 * Marketing e-mails: tracked links (`/l/<token>`), an open pixel (`/o/<token>`) and an unsubscribe
 * address (`/u/<token>`, also one-click per RFC 8058). Tokens are written in the caller's
 * transaction, together with the message they belong to.
 */
@Injectable()
export class TrackingService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  begin(em: EntityManager, mail: TrackedMail): Tracking {
    const unsubscribeUrl = this.url('u', this.token(em, mail, 'unsubscribe'));
    return {
      unsubscribeUrl,
      finish: (html) => {
        const pixel = this.url('o', this.token(em, mail, 'open'));
        const body = trackHtml(html, (url) => this.url('l', this.token(em, mail, 'link', url)), pixel, new Set([unsubscribeUrl]));
        return { body, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
      },
    };
  }

  private token(em: EntityManager, mail: TrackedMail, kind: TrackingKind, url?: string): string {
    const token = newToken();
    em.create(TrackingToken, { token, kind, url: url ?? null, ...mail, usedAt: null, createdAt: this.clock.now() });
    return token;
  }

  private url(path: 'l' | 'o' | 'u', token: string): string {
    return `${this.config.publicUrl}/${path}/${token}`;
  }
}
