import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { TrackedVisits } from './tracked-visits.js';
import { ApiClickAnswers, ApiOpenAnswers, ApiUnsubscribeAnswers, ApiUnsubscribePageAnswers } from './tracking-openapi.js';

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
  constructor(private readonly visits: TrackedVisits) {}

  @Get('l/:token')
  @ApiOperation({ summary: 'A tracked link (no credentials): records link.clicked and redirects (302) to the original address' })
  @ApiClickAnswers()
  async click(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.visits.use(token, 'link');
    if (!found?.url) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze link bestaat niet (meer).</p>'));
      return;
    }
    res.redirect(302, found.url);
  }

  @Get('o/:token')
  @ApiOperation({ summary: 'The open pixel (no credentials): records email.opened once' })
  @ApiOpenAnswers()
  async open(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.visits.use(token, 'open');
    res.status(200).set({ 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' }).send(PIXEL);
  }

  @Get('u/:token')
  @ApiOperation({ summary: 'The unsubscribe page (no credentials): asks for confirmation' })
  @ApiUnsubscribePageAnswers()
  async confirm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    if (!(await this.visits.unsubscribeToken(token))) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze afmeldlink bestaat niet (meer).</p>'));
      return;
    }
    res.type('html').send(page('Afmelden', `<p>Wilt u geen e-mails meer van ons ontvangen?</p><form method="post" action="/u/${token}"><button type="submit">Afmelden</button></form>`));
  }

  /** Also the RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`); the body is not needed. */
  @Post('u/:token')
  @ApiOperation({ summary: 'Unsubscribe (no credentials), also the one-click POST of RFC 8058' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ required: false, schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } } })
  @ApiUnsubscribeAnswers()
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    if (!(await this.visits.unsubscribe(token))) {
      res.status(404).type('html').send(page('Link niet gevonden', '<p>Deze afmeldlink bestaat niet (meer).</p>'));
      return;
    }
    res.type('html').send(page('Afgemeld', '<p>U bent afgemeld en ontvangt geen marketing-e-mails meer.</p>'));
  }
}
