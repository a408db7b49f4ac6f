import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SETTINGS } from './support/flow-helpers.js';
import { freePort, spawnService, waitForHealth, type ServiceProcess } from './support/service-process.js';
import { SmtpSink } from './support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const TOKEN = 'policy-instances-token-0123456789';
/** Enough due steps that each instance claims its own batch (500 at most), holding other flows of the same people. */
const PERSONS = 250;
const FLOWS = 4;
const smtp = new SmtpSink();
let db: TestDatabase;
const services: ServiceProcess[] = [];

async function call(url: string, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function start(): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  services.push(spawnService({ PORT: String(port), DATABASE_URL: db.url, SMTP_URL: smtp.url, CLOCK: 'manual', ADMIN_API_TOKEN: TOKEN, SEED_DEMO: 'off' }));
  await waitForHealth(url, 60_000);
  return url;
}

beforeAll(async () => {
  await smtp.start();
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const service of services) {
    service.child.kill('SIGTERM');
    await service.exited;
  }
  await db.drop();
  await smtp.stop();
});

describe('the contact policy with two service processes on one database', () => {
  it('never lets both send the last message allowed: one e-mail per person in the window, the rest deferred', async () => {
    const a = await start();
    const b = await start();
    // One virtual time for both (an instance's clock catches up with the stored one when it advances).
    expect((await call(a, 'POST', '/api/clock/advance', { to: '2027-01-04T09:00:00Z' })).status).toBe(200);
    expect((await call(b, 'POST', '/api/clock/advance', { by: 'PT0S' })).body.now).toBe('2027-01-04T09:00:00.000Z');
    expect((await call(a, 'POST', '/api/templates', { key: 'aanbod', name: 'Aanbod', channel: 'email', subject: 'Aanbod', body: '<p>Aanbod</p>' })).status).toBe(201);
    expect((await call(b, 'PUT', '/api/contact-policy', { source: 'policy {\n  email at most 1 per 7 days\n}\n' })).status).toBe(200);
    const people: string[] = [];
    for (let i = 0; i < PERSONS; i += 25) {
      const created = await Promise.all(Array.from({ length: 25 }, (_, j) => call(j % 2 ? a : b, 'POST', '/api/persons', { firstName: `P${i + j}`, email: `p${i + j}@example.nl` })));
      people.push(...created.map((res) => String(res.body.id)));
    }
    for (let f = 0; f < FLOWS; f++) {
      const url = f % 2 ? a : b;
      const flow = await call(url, 'POST', '/api/flows', { source: `flow "Actie ${f}" {\n${SETTINGS}  trigger manual\n  wait 1 day\n  send email "aanbod"\n}\n` });
      expect((await call(url, 'POST', `/api/flows/${flow.body.id}/start`)).body.status).toBe('running');
      expect((await call(url, 'POST', `/api/flows/${flow.body.id}/participants`, { personIds: people })).body.enrolled).toBe(PERSONS);
    }
    expect((await call(a, 'POST', '/api/clock/advance', { by: 'PT0S' })).status).toBe(200);
    // Both run the sends due a day later at once, each claiming its own batch of flows: every
    // person has four flows on two instances competing for the one e-mail allowed.
    const tomorrow = { to: '2027-01-05T09:00:00Z' };
    const advanced = await Promise.all([call(a, 'POST', '/api/clock/advance', tomorrow), call(b, 'POST', '/api/clock/advance', tomorrow)]);
    expect(advanced.map((res) => res.status)).toEqual([200, 200]);
    const perPerson = new Map<string, number>();
    for (const mail of smtp.received) for (const to of mail.to) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
    expect(perPerson.size).toBe(PERSONS);
    expect([...perPerson.values()].filter((n) => n !== 1)).toEqual([]);
    for (const id of people.slice(0, 5)) {
      const items = (await call(a, 'GET', `/api/persons/${id}/contact-history`)).body.items as { status: string }[];
      expect(items.map((item) => item.status).sort()).toEqual(['deferred', 'deferred', 'deferred', 'sent']);
    }
  }, 180_000);
});
