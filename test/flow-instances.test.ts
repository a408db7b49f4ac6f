import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SETTINGS } from './support/flow-helpers.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PERSONS = 300;
const smtp = new SmtpSink();
let db: TestDatabase;
const apps: TestApp[] = [];

const start = async () => {
  const app = await startTestApp({ DATABASE_URL: db.url, CLOCK: 'manual', SMTP_URL: smtp.url });
  apps.push(app);
  return app;
};

beforeAll(async () => {
  await smtp.start();
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await db.drop();
  await smtp.stop();
});

describe('flows on two instances sharing one database, and across a restart', () => {
  it('sends every step once per participant: no duplicate step or message, also after both instances restart mid-flow', async () => {
    const a = await start();
    const b = await start();
    expect((await a.call('POST', '/api/templates', { key: 'een', name: 'Een', channel: 'email', subject: 'Een {{ person.first_name }}', body: '<p>1</p>' })).status).toBe(201);
    expect((await a.call('POST', '/api/templates', { key: 'twee', name: 'Twee', channel: 'email', subject: 'Twee {{ person.first_name }}', body: '<p>2</p>' })).status).toBe(201);
    const flow = await a.call('POST', '/api/flows', { source: `flow "Gedeeld" {\n${SETTINGS}  trigger manual\n  send email "een"\n  wait 1 days\n  send email "twee"\n}\n` });
    expect((await b.call('POST', `/api/flows/${flow.body.id}/start`)).body.status).toBe('running');
    const ids: string[] = [];
    for (let i = 0; i < PERSONS; i++) ids.push((await (i % 2 ? a : b).call('POST', '/api/persons', { firstName: `P${i}`, email: `p${i}@example.nl` })).body.id);
    const half = PERSONS / 2;
    expect((await a.call('POST', `/api/flows/${flow.body.id}/participants`, { personIds: ids.slice(0, half) })).body.enrolled).toBe(half);
    expect((await b.call('POST', `/api/flows/${flow.body.id}/participants`, { personIds: ids.slice(half) })).body.enrolled).toBe(half);
    // Both advance at once: each runs due work, and the other's pollers claim from the same queue.
    await Promise.all([a.call('POST', '/api/clock/advance', { by: 'PT0S' }), b.call('POST', '/api/clock/advance', { by: 'PT0S' })]);
    expect(smtp.received.filter((m) => m.subject?.startsWith('Een'))).toHaveLength(PERSONS);

    await a.close();
    await b.close();
    const c = await start();
    expect((await c.call('POST', '/api/clock/advance', { by: 'P1D' })).status).toBe(200);
    expect(smtp.received.filter((m) => m.subject?.startsWith('Twee'))).toHaveLength(PERSONS);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(2 * PERSONS);
    const perPerson = new Map<string, number>();
    for (const mail of smtp.received) for (const to of mail.to) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    expect([...perPerson.values()].every((n) => n === 2)).toBe(true);
    const stats = (await c.call('GET', `/api/flows/${flow.body.id}/stats`)).body;
    expect(stats).toMatchObject({ enrolled: PERSONS, byStatus: { completed: PERSONS }, messages: { sent: 2 * PERSONS } });
  }, 120_000);
});
