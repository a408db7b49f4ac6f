import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EntityManager } from '@mikro-orm/core';
import nodemailer from 'nodemailer';
import { Outbox } from '../server/messaging/outbox.js';
import { BounceListener } from '../server/suppressions/bounce-listener.js';
import { bounceFixture } from './support/bounce-fixtures.js';
import { flowHelpers } from './support/flow-helpers.js';
import { useTestApp } from './support/lifecycle.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
beforeAll(async () => {
  await smtp.start();
  smtp.refuse.set('gone@example.nl', 550);
  smtp.refuse.set('busy@example.nl', 451);
});
afterAll(async () => smtp.stop());
const context = useTestApp({ CLOCK: 'manual', BOUNCE_DOMAIN: 'bounces.stroom.test', BOUNCE_SMTP_PORT: '0', get SMTP_URL() { return smtp.url; } } as Record<string, string>);
const { call, advance, mailsTo, person, runningFlow, enrol, participant } = flowHelpers(context, smtp);

interface MessageJson { id: string; status: string; attempts: number; error: string | null; to: string; messageId: string; participantId: string | null }
const messagesTo = async (address: string) => (await call('GET', `/api/messages?to=${encodeURIComponent(address)}&limit=100`)).body.items as MessageJson[];
const suppressions = async () => (await call('GET', '/api/suppressions?limit=1000')).body as { items: { address: string; reason: string; createdAt: string }[]; total: number };
const reasonOf = async (address: string) => (await suppressions()).items.find((s) => s.address === address)?.reason;
let gone: string;
const FLOW = '  trigger manual\n  send email "nieuws"\n  wait 2 days\n  send email "nieuws"\n';

beforeAll(async () => {
  expect((await call('POST', '/api/templates', { key: 'nieuws', name: 'Nieuws', channel: 'email', subject: 'Nieuws voor {{ person.first_name }}', body: '<p>Hallo</p>' })).status).toBe(201);
});

describe('send-time bounces (real SMTP server answering 550 and 451)', () => {
  it('a permanent refusal (550) fails the message at once, suppresses the address and drops the participant out', async () => {
    const flowId = await runningFlow('Bounce hard', FLOW);
    gone = await person({ firstName: 'Gijs', email: 'Gone@example.nl' });
    await enrol(flowId, [gone]);
    await advance('PT0S');
    const [message] = await messagesTo('Gone@example.nl');
    expect(message).toMatchObject({ status: 'failed', attempts: 1 });
    expect(message!.error).toMatch(/550/);
    expect(await participant(flowId, gone)).toMatchObject({ status: 'dropout', reason: 'failed delivery' });
    expect(await reasonOf('gone@example.nl')).toBe('hard_bounce');
    // No retry: the job is done.
    await advance('PT30M');
    expect((await messagesTo('Gone@example.nl'))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('a temporary refusal (451) retries with back-off and fails after the last attempt; the address stays deliverable', async () => {
    const flowId = await runningFlow('Bounce soft', FLOW);
    const busy = await person({ firstName: 'Bas', email: 'busy@example.nl' });
    await enrol(flowId, [busy]);
    await advance('PT0S');
    expect((await messagesTo('busy@example.nl'))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await participant(flowId, busy)).toMatchObject({ status: 'active' });
    for (const step of ['PT30S', 'PT1M', 'PT2M', 'PT4M']) await advance(step);
    expect((await messagesTo('busy@example.nl'))[0]).toMatchObject({ status: 'queued', attempts: 5 });
    expect(await participant(flowId, busy)).toMatchObject({ status: 'active' });
    await advance('PT8M');
    const [message] = await messagesTo('busy@example.nl');
    expect(message).toMatchObject({ status: 'failed', attempts: 6 });
    expect(message!.error).toMatch(/451/);
    expect(await participant(flowId, busy)).toMatchObject({ status: 'dropout', reason: 'failed delivery' });
    expect(await reasonOf('busy@example.nl')).toBeUndefined();
  });
});

describe('the suppression list', () => {
  it('sends nothing to a suppressed address: flow mail and transactional mail are recorded as suppressed, the participant drops out', async () => {
    const flowId = await runningFlow('Na bounce', FLOW);
    await enrol(flowId, [gone]);
    const before = smtp.received.length;
    await context.app.app.get(EntityManager).fork().transactional((em) =>
      context.app.app.get(Outbox).enqueue(em, { channel: 'email', key: 'test:transactional-suppressed', to: 'GONE@example.nl', subject: 'Uw offerte', body: 'x', workflowId: '1' }));
    await advance('PT0S');
    const suppressed = (await messagesTo('gone@example.nl')).filter((m) => m.status === 'suppressed');
    expect(suppressed).toHaveLength(2);
    expect(suppressed.every((m) => m.error === 'suppressed: hard_bounce' && m.attempts === 0)).toBe(true);
    expect(await participant(flowId, gone)).toMatchObject({ status: 'dropout', reason: 'suppressed' });
    expect(smtp.received.length).toBe(before);
    expect((await call('GET', '/api/messages?status=suppressed')).body.total).toBe(2);
  });

  it('lists, adds and removes addresses (manual), and mail goes again once an administrator removes it', async () => {
    const added = await call('POST', '/api/suppressions', { address: 'Hand@Example.nl' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ address: 'hand@example.nl', reason: 'manual', createdAt: expect.any(String) });
    expect(await call('POST', '/api/suppressions', { address: 'hand@example.nl' })).toMatchObject({ status: 409, body: { code: 'suppression.exists' } });
    expect(await call('POST', '/api/suppressions', { address: 'geen adres' })).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/suppressions', { address: 'a@b.nl', reason: 'manual' })).toMatchObject({ status: 400 });
    const list = await suppressions();
    expect(list.total).toBe(2);
    expect(list.items.map((s) => [s.address, s.reason])).toEqual([['hand@example.nl', 'manual'], ['gone@example.nl', 'hard_bounce']]);
    expect((await call('GET', '/api/suppressions?address=hand')).body.total).toBe(1);

    const hand = await person({ firstName: 'Hans', email: 'hand@example.nl' });
    const flowId = await runningFlow('Handmatig', FLOW);
    await enrol(flowId, [hand]);
    await advance('PT0S');
    expect((await messagesTo('hand@example.nl'))[0]).toMatchObject({ status: 'suppressed', error: 'suppressed: manual' });

    expect((await call('DELETE', '/api/suppressions/HAND@example.nl')).status).toBe(204);
    expect(await call('DELETE', '/api/suppressions/hand@example.nl')).toMatchObject({ status: 404, body: { code: 'suppression.not_found' } });
    const again = await runningFlow('Weer mailen', FLOW);
    await enrol(again, [hand]);
    await advance('PT0S');
    expect(mailsTo('hand@example.nl')).toHaveLength(1);
    expect(await participant(again, hand)).toMatchObject({ status: 'active' });
  });
});

describe('bounce and complaint events (POST /api/events)', () => {
  it('a hard bounce by address suppresses it, also when no person has the address', async () => {
    const res = await call('POST', '/api/events', { type: 'email.bounced', data: { address: 'Niemand@example.nl', kind: 'hard', status: '5.1.1' } });
    expect(res.status).toBe(202);
    expect(res.body.personId).toBeNull();
    await advance('PT0S');
    expect(await reasonOf('niemand@example.nl')).toBe('hard_bounce');
  });

  it('a hard bounce naming only the person suppresses the person\'s address', async () => {
    const only = await person({ firstName: 'Otto', email: 'otto@example.nl' });
    expect((await call('POST', '/api/events', { type: 'email.bounced', personId: only, data: { kind: 'hard' } })).status).toBe(202);
    await advance('PT0S');
    expect(await reasonOf('otto@example.nl')).toBe('hard_bounce');
  });

  it('three soft bounces in a row suppress the address (soft_bounces); two do not', async () => {
    const flowId = await runningFlow('Zacht', FLOW);
    const soft = await person({ firstName: 'Sam', email: 'soft@example.nl' });
    await enrol(flowId, [soft]);
    await advance('PT0S');
    const [message] = await messagesTo('soft@example.nl');
    expect(message!.status).toBe('sent');
    for (let i = 1; i <= 3; i++) {
      const res = await call('POST', '/api/events', { type: 'email.bounced', data: { messageId: message!.messageId, kind: 'soft', status: '4.2.2' } });
      expect(res).toMatchObject({ status: 202, body: { personId: soft } });
      await advance('PT0S');
      expect(await reasonOf('soft@example.nl')).toBe(i < 3 ? undefined : 'soft_bounces');
    }
  });

  it('a complaint suppresses the address and unsubscribes the person, which ends the participation', async () => {
    const flowId = await runningFlow('Klacht', FLOW);
    const angry = await person({ firstName: 'Ada', email: 'ada@example.nl' });
    await enrol(flowId, [angry]);
    await advance('PT0S');
    const [message] = await messagesTo('ada@example.nl');
    expect((await call('POST', '/api/events', { type: 'email.complained', data: { messageId: message!.id } })).status).toBe(202);
    await advance('PT0S');
    expect(await reasonOf('ada@example.nl')).toBe('complaint');
    expect((await call('GET', `/api/persons/${angry}`)).body.unsubscribed).toBe(true);
    expect(await participant(flowId, angry)).toMatchObject({ status: 'dropout', reason: 'unsubscribed' });
  });

  it('gives every e-mail its own return path (VERP); a bounce naming its token finds the message', async () => {
    const flowId = await runningFlow('Retourpad', FLOW);
    const vera = await person({ firstName: 'Vera', email: 'vera@example.nl' });
    await enrol(flowId, [vera]);
    await advance('PT0S');
    const [mail] = mailsTo('vera@example.nl');
    const [message] = await messagesTo('vera@example.nl');
    const token = message!.messageId.slice(1, 41);
    expect(mail!.from).toBe(`bounce+${token}@bounces.stroom.test`);
    expect(mail!.raw).toMatch(/^From: .*info@energieloket\.example/m);
    const res = await call('POST', '/api/events', { type: 'email.bounced', data: { messageId: token, kind: 'hard', status: '5.1.1' } });
    expect(res.body.personId).toBe(vera);
    await advance('PT0S');
    expect(await reasonOf('vera@example.nl')).toBe('hard_bounce');
  });

  it('refuses a bounce without a kind, or naming neither message, address nor person', async () => {
    expect(await call('POST', '/api/events', { type: 'email.bounced', data: { address: 'x@example.nl' } })).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/events', { type: 'email.bounced', data: { kind: 'hard' } })).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/events', { type: 'email.complained', data: { address: 'geen adres' } })).toMatchObject({ status: 400 });
    expect(await call('POST', '/api/events', { type: 'link.clicked', data: {} })).toMatchObject({ status: 400 });
  });
});

describe('the bounce listener (BOUNCE_SMTP_PORT): DSN and ARF reports sent to the return path', () => {
  /** Sends a fixture report over SMTP to the listener, addressed to the return path of the message sent to `address`. */
  async function report(fixture: string, address: string): Promise<void> {
    const [message] = await messagesTo(address);
    const returnPath = `bounce+${message!.messageId.slice(1, 41)}@bounces.stroom.test`;
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: context.app.app.get(BounceListener).port!, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: '', to: returnPath }, raw: bounceFixture(fixture, { address, messageId: message!.messageId, returnPath }) });
    transport.close();
    await advance('PT0S');
  }

  async function sentTo(address: string, firstName: string): Promise<{ flowId: string; personId: string }> {
    const flowId = await runningFlow(`Rapport ${firstName}`, FLOW);
    const personId = await person({ firstName, email: address });
    await enrol(flowId, [personId]);
    await advance('PT0S');
    expect((await messagesTo(address))[0]!.status).toBe('sent');
    return { flowId, personId };
  }

  it('a Gmail DSN (5.1.1) and an Outlook NDR (5.1.10) suppress the address as a hard bounce', async () => {
    await sentTo('dsn-gmail@example.nl', 'Gerrit');
    await report('gmail-hard', 'dsn-gmail@example.nl');
    expect(await reasonOf('dsn-gmail@example.nl')).toBe('hard_bounce');
    await sentTo('dsn-outlook@example.nl', 'Olga');
    await report('outlook-hard', 'dsn-outlook@example.nl');
    expect(await reasonOf('dsn-outlook@example.nl')).toBe('hard_bounce');
  });

  it('a Postfix delay warning counts as a soft bounce (one does not suppress)', async () => {
    await sentTo('dsn-late@example.nl', 'Pieter');
    await report('postfix-delayed', 'dsn-late@example.nl');
    expect(await reasonOf('dsn-late@example.nl')).toBeUndefined();
    const events = (await call('GET', '/api/change-events?limit=1000')).body.items as { entity: string; kind: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.entity === 'email' && e.kind === 'bounced' && e.data.address === 'dsn-late@example.nl').map((e) => [e.data.kind, e.data.status])).toEqual([['soft', '4.4.1']]);
  });

  it('an ARF complaint suppresses the address and unsubscribes the person', async () => {
    const { flowId, personId } = await sentTo('arf@example.nl', 'Rita');
    await report('outlook-complaint', 'arf@example.nl');
    expect(await reasonOf('arf@example.nl')).toBe('complaint');
    expect((await call('GET', `/api/persons/${personId}`)).body.unsubscribed).toBe(true);
    expect(await participant(flowId, personId)).toMatchObject({ status: 'dropout', reason: 'unsubscribed' });
  });
});
