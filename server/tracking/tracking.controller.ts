import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/core';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { Clock } from '../clock/clock.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import type { BaseRecord } from '../records/base-record.js';
import { PERSON_RECORDS } from '../crm/persons/person-records.js';
import type { RecordService } from '../records/record.service.js';
import { TrackingToken, type TrackingKind } from './tracking-token.entity.js';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function page(title: string, content: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>`
    + `<body style="font-family:sans-serif;max-width:32rem;margin:4rem auto"><h1>${title}</h1>${content}</body></html>`;
}

/**
 * The public addresses in marketing e-mails: `/l/<token>` records `link.clicked` and
 * redirects, `/o/<token>` records `email.opened`, `/u/<token>` unsubscribes (GET asks, POST does,
 * also as the one-click POST of RFC 8058).
 */
@ApiTags('tracking')
@Public()
@Controller()
export class TrackingController {
  constructor(
    private readonly em: EntityManager,
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
    @Inject(PERSON_RECORDS) private readonly people: RecordService<BaseRecord>,
  ) {}

  @Get('l/:token')
  @ApiOperation({ summary: 'A tracked link (no credentials): records link.clicked and redirects (302) to the original address' })
  async click(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.use(token, 'link', 'link', 'clicked');
    if (!found?.url) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze link bestaat niet (meer).</p>'));
      return;
    }
    res.redirect(302, found.url);
  }

  @Get('o/:token')
  @ApiOperation({ summary: 'The open pixel (no credentials): records email.opened once' })
  async open(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.use(token, 'open', 'email', 'opened');
    res.status(200).set({ 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' }).send(PIXEL);
  }

  @Get('u/:token')
  @ApiOperation({ summary: 'The unsubscribe page (no credentials): asks for confirmation' })
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.em.fork().findOne(TrackingToken, { token, kind: 'unsubscribe' });
    if (!found) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze afmeldlink bestaat niet (meer).</p>'));
      return;
    }
    res.type('html').send(page('Afmelden', `<p>Wilt u geen e-mails meer van ons ontvangen?</p><form method="post" action="/u/${token}"><button type="submit">Afmelden</button></form>`));
  }

  /** Also the RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`); the body is not needed. */
  @Post('u/:token')
  @ApiOperation({ summary: 'Unsubscribe (no credentials), also the one-click POST of RFC 8058' })
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.em.fork().findOne(TrackingToken, { token, kind: 'unsubscribe' });
    if (!found) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze afmeldlink bestaat niet (meer).</p>'));
      return;
    }
    const person = await this.people.get(found.personId).catch(() => undefined);
    if (person && person.unsubscribed !== true) await this.people.update(found.personId, { unsubscribed: true });
    await this.em.fork().nativeUpdate(TrackingToken, { token, usedAt: null }, { usedAt: this.clock.now() });
    res.type('html').send(page('Afgemeld', '<p>U bent afgemeld en ontvangt geen marketing-e-mails meer.</p>'));
  }

  /** Marks the token used and records the behaviour event; a pixel loaded again records nothing new. */
  private async use(token: string, kind: TrackingKind, entity: string, event: string): Promise<TrackingToken | undefined> {
    if (!/^[A-Za-z0-9_-]{10,32}$/.test(token)) return undefined;
    return this.em.fork().transactional(async (em) => {
      const found = await em.findOne(TrackingToken, { token, kind });
      if (!found) return undefined;
      const first = !found.usedAt;
      if (first) found.usedAt = this.clock.now();
      if (first || kind === 'link') {
        this.recorder.record(em, {
          entity, entityId: found.personId, kind: event, actor: 'tracking',
          data: { person_id: found.personId, flow_id: found.flowId, participant_id: found.participantId, step_id: found.stepId, message_key: found.messageKey, url: found.url ?? null },
        });
      }
      return found;
    });
  }
}
