import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { EntityManager } from '@mikro-orm/core';
import { Outbox, type OutgoingMessage } from '../server/messaging/outbox.js';
import { TRACKING_TOKENS, type TrackedAddress } from '../server/tracking/tracking.service.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
const smsRequests: { body: any }[] = [];
let smsFailures = 0;
const smsProvider: Server = createServer((req, res) => {
  let text = '';
  req.on('data', (c) => (text += c));
  req.on('end', () => {
    if (smsFailures > 0) {
      smsFailures--;
      res.writeHead(503).end();
      return;
    }
    smsRequests.push({ body: JSON.parse(text) });
    res.writeHead(202).end('{}');
  });
});

beforeAll(async () => {
  await smtp.start();
  await new Promise<void>((r) => smsProvider.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  await smtp.stop();
  await new Promise((r) => smsProvider.close(r));
});

// The app is built lazily so that it sees the SMTP and SMS ports.
const context = useTestApp({
  CLOCK: 'manual',
  MAIL_FROM: 'Stroom Test <noreply@stroom.test>',
  get SMTP_URL() { return smtp.url; },
  get SMS_PROVIDER_URL() { return `http://127.0.0.1:${(smsProvider.address() as { port: number }).port}/sms`; },
} as Record<string, string>);

async function enqueue(...messages: OutgoingMessage[]) {
  const outbox = context.app.app.get(Outbox);
  return context.app.app.get(EntityManager).fork().transactional(async (em) => {
    const results = [];
    for (const m of messages) results.push(await outbox.enqueue(em, m));
    return results;
  });
}

async function advance(by: string) {
  const res = await context.app.call('POST', '/api/clock/advance', { by });
  expect(res.status).toBe(200);
}

async function message(key: string) {
  const res = await context.app.call('GET', `/api/messages?key=${encodeURIComponent(key)}`);
  return res.body.items[0];
}

describe('outbox', () => {
  it('delivers an e-mail over SMTP with the Message-ID derived from its key', async () => {
    const [result] = await enqueue({ channel: 'email', key: 'test:1', to: 'anna@example.nl', subject: 'Welkom Anna', body: '<p>Hallo</p>', personId: '7', workflowId: '3' });
    expect(result!.created).toBe(true);
    expect((await message('test:1')).status).toBe('queued');
    await advance('PT1S');
    const sent = await message('test:1');
    expect(sent).toMatchObject({ status: 'sent', to: 'anna@example.nl', attempts: 1, transport: 'smtp', workflowId: '3', personId: '7' });
    const mail = smtp.received.find((m) => m.to.includes('anna@example.nl'))!;
    expect(mail.subject).toBe('Welkom Anna');
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.from).toBe('noreply@stroom.test');
  });

  it('never decides a message twice for one key', async () => {
    const before = smtp.received.length;
    const [first, second] = await enqueue(
      { channel: 'email', key: 'test:twice', to: 'twice@example.nl', subject: 'Een', body: 'x' },
      { channel: 'email', key: 'test:twice', to: 'twice@example.nl', subject: 'Een', body: 'x' },
    );
    const [third] = await enqueue({ channel: 'email', key: 'test:twice', to: 'twice@example.nl', subject: 'Een', body: 'x' });
    expect([first!.created, second!.created, third!.created]).toEqual([true, false, false]);
    await advance('PT1M');
    expect(smtp.received.length - before).toBe(1);
    expect((await context.app.call('GET', '/api/messages?to=twice@example.nl')).body.total).toBe(1);
  });

  it('writes many messages in one statement with what they share sent once, and each new one\'s tracking tokens with it', async () => {
    const outbox = context.app.app.get(Outbox);
    const tokens = (n: number): TrackedAddress[] => [[`open-${n}`, 'open', null], [`link-${n}`, 'link', `https://example.org/${n}`]];
    const batch = (keys: number[]): OutgoingMessage[] => keys.map((n) => ({
      channel: 'email', key: `many:${n}`, to: `many${n}@example.nl`, subject: `Hallo ${n}`, body: `<p>${n}</p>`, personId: String(100 + n), flowId: '9', participantId: String(200 + n), stepId: 's2',
      marketing: true, companion: tokens(n),
    }));
    const em = () => context.app.app.get(EntityManager).fork();
    await em().transactional((tx) => outbox.enqueueMany(tx, batch([1, 2, 3]), TRACKING_TOKENS));
    // A key decided before is skipped, and so are the tokens that came with it this time.
    await em().transactional((tx) => outbox.enqueueMany(tx, [...batch([3]).map((m) => ({ ...m, companion: [['again-3', 'open', null]] })), ...batch([4])], TRACKING_TOKENS));
    const rows = await em().getConnection().execute(`select "token", "kind", "url", "person_id", "flow_id", "participant_id", "step_id", "message_key" from "tracking_token" where "message_key" like 'many:%' order by "token"`);
    expect(rows).toEqual([1, 2, 3, 4].flatMap((n) => [
      { token: `link-${n}`, kind: 'link', url: `https://example.org/${n}`, person_id: String(100 + n), flow_id: '9', participant_id: String(200 + n), step_id: 's2', message_key: `many:${n}` },
      { token: `open-${n}`, kind: 'open', url: null, person_id: String(100 + n), flow_id: '9', participant_id: String(200 + n), step_id: 's2', message_key: `many:${n}` },
    ]).sort((a, b) => a.token.localeCompare(b.token)));
    const stored = await em().getConnection().execute(`select "key", "to", "subject", "from", "flow_id", "step_id", "marketing", "status" from "message" where "key" like 'many:%' order by "key"`);
    expect(stored).toEqual([1, 2, 3, 4].map((n) => ({ key: `many:${n}`, to: `many${n}@example.nl`, subject: `Hallo ${n}`, from: 'Stroom Test <noreply@stroom.test>', flow_id: '9', step_id: 's2', marketing: true, status: 'queued' })));
    await advance('PT1M');
    expect(smtp.received.filter((m) => /many\d@example.nl/.test(m.to.join(','))).length).toBe(4);
  });

  it('retries with back-off while SMTP refuses, and delivers once it accepts again', async () => {
    smtp.failNext = 2;
    await enqueue({ channel: 'email', key: 'test:retry', to: 'retry@example.nl', subject: 'Later', body: 'x' });
    await advance('PT1S');
    let m = await message('test:retry');
    expect(m).toMatchObject({ status: 'queued', attempts: 1 });
    expect(m.error).toMatch(/451/);
    await advance('PT1H');
    m = await message('test:retry');
    expect(m).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(smtp.received.filter((r) => r.to.includes('retry@example.nl'))).toHaveLength(1);
  });

  it('parks a message as failed with its reason after the last attempt', async () => {
    smtp.failNext = 100;
    await enqueue({ channel: 'email', key: 'test:dead', to: 'dead@example.nl', subject: 'Nooit', body: 'x' });
    await advance('P1D');
    smtp.failNext = 0;
    const m = await message('test:dead');
    expect(m).toMatchObject({ status: 'failed', attempts: 6 });
    expect(m.error).toMatch(/451/);
    const failed = await context.app.call('GET', '/api/messages?status=failed');
    expect(failed.body.items.map((i: { key: string }) => i.key)).toContain('test:dead');
  });

  it('parks a message without an address as failed at once', async () => {
    await enqueue({ channel: 'email', key: 'test:noaddress', to: null, subject: 'x', body: 'x' });
    expect(await message('test:noaddress')).toMatchObject({ status: 'failed', error: 'no e-mail address', attempts: 0 });
  });

  it('sends SMS through the HTTP provider, retrying its errors', async () => {
    smsFailures = 1;
    await enqueue({ channel: 'sms', key: 'test:sms', to: '+31612345678', from: 'Stroom', body: 'Hallo Anna', segments: 1 });
    await advance('PT1S');
    expect(await message('test:sms')).toMatchObject({ status: 'queued', error: 'SMS provider answered 503' });
    await advance('PT5M');
    expect(await message('test:sms')).toMatchObject({ status: 'sent', transport: 'http', segments: 1 });
    expect(smsRequests.map((r) => r.body)).toEqual([expect.objectContaining({ from: 'Stroom', to: '+31612345678', text: 'Hallo Anna' })]);
  });

  it('parks a poisoned delivery job with its reason and holds up none of the deliveries claimed with it', async () => {
    const now = new Date((await context.app.call('GET', '/api/clock')).body.now);
    await context.db.query(`insert into "job" ("kind", "payload", "due_at", "status", "attempts", "max_attempts", "created_at")
      values ('message.deliver', '{"messageId": "not-a-number"}', $1, 'pending', 0, 1, $1)`, [now]);
    const keys = ['test:poison:1', 'test:poison:2', 'test:poison:3'];
    await enqueue(...keys.map((key) => ({ channel: 'email' as const, key, to: `${key.replaceAll(':', '-')}@example.nl`, subject: 'Gewoon', body: 'x' })));
    await advance('PT1S');
    for (const key of keys) expect(await message(key)).toMatchObject({ status: 'sent', attempts: 1 });
    const [poisoned] = await context.db.query(`select "status", "last_error" from "job" where "payload"->>'messageId' = 'not-a-number'`);
    expect(poisoned).toEqual({ status: 'failed', last_error: expect.stringMatching(/not-a-number/) });
  });

  it('filters messages and refuses bad filters', async () => {
    expect((await context.app.call('GET', '/api/messages?rule=3')).body.items.map((m: { key: string }) => m.key)).toEqual(['test:1']);
    expect((await context.app.call('GET', '/api/messages?channel=sms')).body.total).toBe(1);
    expect((await context.app.call('GET', '/api/messages?status=lost')).status).toBe(400);
  });
});
