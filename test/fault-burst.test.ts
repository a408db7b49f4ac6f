import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliveryReport, messageCounts, queueBurst, ServiceFleet, until } from './support/burst.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** Messages per burst; CI runs this size, `npm run bench:faults` the long version. */
const BURST = 2000;

const smtp = new SmtpSink();
const fleet = new ServiceFleet();
let db: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  await smtp.start();
  db = await createTestDatabase();
  env = { DATABASE_URL: db.url, SMTP_URL: smtp.url };
});
afterAll(async () => {
  await fleet.stopAll();
  await smtp.stop();
  await db?.drop();
});

describe('a burst of messages under faults (service processes, real clock, real SMTP)', () => {
  it(`kill -9 in the middle of a ${BURST}-message burst: after a restart every message is delivered, never as two different messages`, async () => {
    const first = await fleet.start(env);
    smtp.onAccept = () => {
      if (smtp.received.length < BURST / 4) return;
      smtp.onAccept = undefined;
      first.process.child.kill('SIGKILL');
    };
    const recipients = await queueBurst(db.url, BURST, 'crash');
    expect(await first.process.exited).toBeNull();
    expect((await messageCounts(db.url, 'crash')).sent ?? 0).toBeLessThan(BURST);

    await fleet.start(env);
    await until('every message sent', async () => (await messageCounts(db.url, 'crash')).sent === BURST, 60_000);
    const report = await deliveryReport(db.url, smtp.received, recipients);
    expect(report).toMatchObject({ delivered: BURST, duplicates: 0, foreign: 0 });
    // Only what SMTP had accepted but was not yet recorded as sent goes again (one claim at most).
    expect(report.resent).toBeLessThanOrEqual(500);
  }, 90_000);

  it(`two instances sharing the database drain one ${BURST}-message burst without a duplicate`, async () => {
    // The instance restarted above, and a second one beside it.
    await fleet.start(env);
    const recipients = await queueBurst(db.url, BURST, 'shared');
    await until('every message sent', async () => (await messageCounts(db.url, 'shared')).sent === BURST, 60_000);
    expect(await deliveryReport(db.url, smtp.received, recipients)).toEqual({ delivered: BURST, resent: 0, duplicates: 0, foreign: 0 });
    expect(fleet.size).toBe(2);
    expect(await fleet.stopAll('SIGTERM')).toEqual([0, 0]);
  }, 90_000);
});
