import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { callService, deliveryReport, ServiceFleet, until } from './support/burst.js';
import { PrivatePostgres } from './support/private-postgres.js';
import { freePort } from './support/service-process.js';
import { SmtpSink } from './support/smtp-sink.js';

const smtp = new SmtpSink();
const fleet = new ServiceFleet();
const writers: { stop(): Promise<void> }[] = [];
let cluster: PrivatePostgres | undefined;
beforeAll(async () => {
  await smtp.start();
  cluster = PrivatePostgres.create(await freePort());
});
afterAll(async () => {
  await Promise.all(writers.map((w) => w.stop()));
  await fleet.stopAll();
  cluster?.destroy();
  await smtp.stop();
});

async function rows<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Answer {
  status: number | string;
  email: string;
  asked: number;
  at: number;
}

/** Creates persons one after another until stopped, noting each answer. */
function writer(url: string, prefix: string, answers: Answer[]) {
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      const email = `${prefix}-${i}@example.nl`;
      const asked = Date.now();
      const status = await callService(url, 'POST', '/api/persons', { firstName: `${prefix}${i}`, email }).then((r) => r.status, (e: Error) => e.message);
      answers.push({ status, email, asked, at: Date.now() });
      if (status !== 201) await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { stop: () => ((stopped = true), done) };
}

describe('PostgreSQL restarted under load (private cluster, service process, real clock)', () => {
  it('the service recovers by itself and no change event is lost: every created person gets its welcome e-mail once', async () => {
    const databaseUrl = cluster!.createDatabase('stroom');
    const service = await fleet.start({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url });
    const url = service.url;
    expect((await callService(url, 'POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: '<p>Hallo</p>' })).status).toBe(201);
    expect((await callService(url, 'POST', '/api/workflows', { source: 'workflow "Welkom" {\n  on person created\n  send email "welkom" to person\n}' })).status).toBe(201);

    const answers: Answer[] = [];
    writers.push(writer(url, 'a', answers), writer(url, 'b', answers));
    const created = () => answers.filter((a) => a.status === 201).length;
    await until('writes before the restart', () => created() >= 30, 30_000);
    await until('the first welcome e-mails', () => smtp.received.length > 0, 30_000);

    cluster!.stop('fast');
    const down = Date.now();
    const askedWhileDown = () => answers.filter((a) => a.asked > down);
    await until('writes refused while the database is down', () => askedWhileDown().length >= 4, 10_000, 20);
    const refused = askedWhileDown().map((a) => a.status);
    expect(refused).toEqual(refused.map(() => 503));
    expect((await fetch(`${url}/api/health`)).status).toBe(503);
    cluster!.start();
    const up = Date.now();
    await until('writes succeeding again', () => answers.some((a) => a.at > up && a.status === 201), 30_000, 20);
    const before = created();
    await until('writes after the restart', () => created() >= before + 30, 30_000);
    await Promise.all(writers.map((w) => w.stop()));

    // The same process, never restarted, answers and catches up with every event committed.
    expect(fleet.size).toBe(1);
    expect(service.process.child.exitCode).toBeNull();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const persons = (await rows<{ email: string }>(databaseUrl, `select "email" from "person"`)).map((p) => p.email);
    for (const a of answers.filter((x) => x.status === 201)) expect(persons).toContain(a.email);
    await until('every change event handled', async () => Number((await rows<{ n: string }>(databaseUrl, `select count(*) as n from "change_event" where "processed_at" is null`))[0]!.n) === 0, 60_000, 250);
    const created_events = await rows<{ entity_id: string; attempts: number }>(databaseUrl, `select "entity_id", "attempts" from "change_event" where "entity" = 'person' and "kind" = 'created'`);
    expect(created_events).toHaveLength(persons.length);
    await until('every welcome e-mail sent', async () => Number((await rows<{ n: string }>(databaseUrl, `select count(*) as n from "message" where "status" = 'sent'`))[0]!.n) === persons.length, 60_000, 250);
    // A delivery claim cut off by the restart after SMTP accepted is sent again, with the same Message-ID.
    expect(await deliveryReport(databaseUrl, smtp.received, persons)).toMatchObject({ delivered: persons.length, duplicates: 0, foreign: 0 });

    // Restarted again while idle: the pooled connections it ends are dropped, not fatal.
    cluster!.stop('fast');
    cluster!.start();
    await until('a write after the idle restart', async () => (await callService(url, 'POST', '/api/persons', { firstName: 'Idle', email: 'idle@example.nl' })).status === 201, 30_000);
    expect(service.process.child.exitCode).toBeNull();
  }, 150_000);
});
