import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callService, deliveryReport, queueBurst, ServiceFleet } from './support/burst.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const BURST = 300;
const fleet = new ServiceFleet();
const sinks: SmtpSink[] = [];
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await fleet.stopAll();
  for (const sink of sinks) await sink.stop().catch(() => undefined);
  await db?.drop();
});

interface MessageJson { status: string; attempts: number; error: string | null; nextAttemptAt: string | null; key: string }

describe('SMTP down (service process, manual clock, real SMTP server)', () => {
  it('keeps every message queued with its attempts, next attempt and last error, backing off, and delivers all once SMTP is back', async () => {
    const smtp = await new SmtpSink().start();
    sinks.push(smtp);
    const { url } = await fleet.start({ DATABASE_URL: db.url, SMTP_URL: smtp.url, CLOCK: 'manual' });
    const port = smtp.port;
    await smtp.stop();

    const advance = async (by: string) => new Date((await callService(url, 'POST', '/api/clock/advance', { by })).body.now).getTime();
    const messages = async () => (await callService(url, 'GET', '/api/messages?limit=1000')).body.items as MessageJson[];
    const t0 = new Date((await callService(url, 'GET', '/api/clock')).body.now);
    const recipients = await queueBurst(db.url, BURST, 'down', t0);

    // Attempt 1 at t0 fails; the next is due 30 s later, then 1 min after attempt 2: back-off.
    let now = await advance('PT0S');
    let items = await messages();
    expect(items).toHaveLength(BURST);
    for (const m of items) {
      expect(m).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: new Date(now + 30_000).toISOString() });
      expect(m.error).toMatch(/ECONNREFUSED/);
    }
    now = await advance('PT30S');
    items = await messages();
    expect(items.every((m) => m.status === 'queued' && m.attempts === 2 && m.nextAttemptAt === new Date(now + 60_000).toISOString())).toBe(true);
    expect((await callService(url, 'GET', '/api/messages?status=sent')).body.total).toBe(0);

    const back = await new SmtpSink().start(port);
    sinks.push(back);
    await advance('PT1M');
    items = await messages();
    expect(items.every((m) => m.status === 'sent' && m.attempts === 3 && m.error === null && m.nextAttemptAt === null)).toBe(true);
    expect(await deliveryReport(db.url, back.received, recipients)).toEqual({ delivered: BURST, resent: 0, duplicates: 0, foreign: 0 });
  }, 90_000);
});
