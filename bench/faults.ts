/**
 * Fault scenarios at full size, with service processes (dist/server/main.js), a real PostgreSQL
 * and a real SMTP server; the short versions run in CI as test/fault-*.test.ts. Prints per scenario
 * the messages, duplicates, resends, time to recover and delivery rates before and after.
 *   npm run bench:faults [-- --messages 10000 --smtp-down 45]
 */
import pg from 'pg';
import { callService, deliveryReport, messageCounts, queueBurst, ServiceFleet, until, type DeliveryReport } from '../test/support/burst.js';
import { PrivatePostgres } from '../test/support/private-postgres.js';
import { freePort } from '../test/support/service-process.js';
import { SmtpSink } from '../test/support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database.js';

const option = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const COUNT = option('messages', 10_000);
const SMTP_DOWN_SECONDS = option('smtp-down', 45);
const TIMEOUT = 600_000;

const fleet = new ServiceFleet();
const databases: TestDatabase[] = [];
let cluster: PrivatePostgres | undefined;

/** An SMTP sink that notes when each message arrived. */
async function timedSink(port = 0): Promise<{ sink: SmtpSink; times: number[] }> {
  const sink = await new SmtpSink().start(port);
  const times: number[] = [];
  sink.onAccept = () => void times.push(Date.now());
  return { sink, times };
}

const rate = (times: number[], from: number, to: number) => {
  const n = times.filter((t) => t >= from && t <= to).length;
  return to > from ? Math.round(n / ((to - from) / 1000)) : 0;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const summary = (r: DeliveryReport) => `delivered ${r.delivered}, duplicates (a second, different message) ${r.duplicates}, resent with the same Message-ID ${r.resent}, unknown Message-IDs ${r.foreign}`;

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

async function killMidBurst(): Promise<void> {
  const db = await database();
  const { sink, times } = await timedSink();
  try {
    const env = { DATABASE_URL: db.url, SMTP_URL: sink.url };
    const first = await fleet.start(env);
    const started = Date.now();
    let killedAt = 0;
    sink.onAccept = () => {
      times.push(Date.now());
      if (!killedAt && times.length >= COUNT / 2) {
        killedAt = Date.now();
        first.process.child.kill('SIGKILL');
      }
    };
    const recipients = await queueBurst(db.url, COUNT, 'crash');
    await first.process.exited;
    const sentBefore = (await messageCounts(db.url, 'crash')).sent ?? 0;
    const restarted = await fleet.start(env);
    const healthyAt = Date.now();
    await until('every message sent', async () => (await messageCounts(db.url, 'crash')).sent === COUNT, TIMEOUT, 200);
    const doneAt = Date.now();
    const firstAfter = times.find((t) => t > killedAt) ?? doneAt;
    const report = await deliveryReport(db.url, sink.received, recipients);
    console.log(`\n1. kill -9 of the only instance half-way through a burst of ${COUNT} e-mails, then a restart`);
    console.log(`   killed after ${times.filter((t) => t <= killedAt).length} accepted by SMTP (${sentBefore} recorded as sent)`);
    console.log(`   ${summary(report)}`);
    console.log(`   restart to healthy: ${seconds(healthyAt - killedAt)} after the kill; first delivery after the kill: ${seconds(firstAfter - killedAt)}`);
    console.log(`   delivery rate before the kill: ${rate(times, started, killedAt)} e-mails/s; after the restart: ${rate(times, firstAfter, doneAt)} e-mails/s`);
    await fleet.stop(restarted.process);
  } finally {
    await sink.stop();
  }
}

async function twoInstances(): Promise<void> {
  const db = await database();
  const { sink, times } = await timedSink();
  try {
    const env = { DATABASE_URL: db.url, SMTP_URL: sink.url };
    await fleet.start(env);
    await fleet.start(env);
    const started = Date.now();
    const recipients = await queueBurst(db.url, COUNT, 'shared');
    await until('every message sent', async () => (await messageCounts(db.url, 'shared')).sent === COUNT, TIMEOUT, 200);
    const doneAt = Date.now();
    console.log(`\n2. two instances sharing one database drain a burst of ${COUNT} e-mails`);
    console.log(`   ${summary(await deliveryReport(db.url, sink.received, recipients))}`);
    console.log(`   delivery rate: ${rate(times, started, doneAt)} e-mails/s (${seconds(doneAt - started)} for all, writing the burst included)`);
    await fleet.stopAll('SIGTERM');
  } finally {
    await sink.stop();
  }
}

async function smtpDown(): Promise<void> {
  const db = await database();
  const size = Math.min(COUNT, 2000);
  let { sink, times } = await timedSink();
  const port = sink.port;
  try {
    const service = await fleet.start({ DATABASE_URL: db.url, SMTP_URL: sink.url });
    await sink.stop();
    const recipients = await queueBurst(db.url, size, 'down');
    await new Promise((r) => setTimeout(r, SMTP_DOWN_SECONDS * 1000));
    const waiting = (await callService(service.url, 'GET', '/api/messages?status=queued&limit=1')).body;
    const sample = waiting.items[0];
    ({ sink, times } = await timedSink(port));
    const backAt = Date.now();
    await until('every message sent', async () => (await messageCounts(db.url, 'down')).sent === size, TIMEOUT, 200);
    const doneAt = Date.now();
    console.log(`\n3. SMTP down for ${SMTP_DOWN_SECONDS} s while a burst of ${size} e-mails is due (real clock, back-off 30 s, 1 min, 2 min, …)`);
    console.log(`   while down: ${waiting.total} queued; e.g. attempts ${sample?.attempts}, next attempt ${sample?.nextAttemptAt}, last error "${sample?.error}"`);
    console.log(`   ${summary(await deliveryReport(db.url, sink.received, recipients))}`);
    console.log(`   after SMTP came back: first delivery ${seconds((times[0] ?? doneAt) - backAt)}, all delivered ${seconds(doneAt - backAt)} (each waits for its next attempt)`);
    await fleet.stop(service.process);
  } finally {
    await sink.stop();
  }
}

async function postgresRestart(): Promise<void> {
  cluster = PrivatePostgres.create(await freePort());
  const { sink } = await timedSink();
  try {
    const databaseUrl = cluster.createDatabase('stroom');
    const service = await fleet.start({ DATABASE_URL: databaseUrl, SMTP_URL: sink.url });
    await callService(service.url, 'POST', '/api/templates', { key: 'welkom', name: 'Welkom', channel: 'email', subject: 'Welkom {{ person.first_name }}', body: '<p>Hallo</p>' });
    await callService(service.url, 'POST', '/api/workflows', { source: 'workflow "Welkom" {\n  on person created\n  send email "welkom" to person\n}' });
    const answers: { status: number | string; at: number }[] = [];
    let stopped = false;
    const writers = Array.from({ length: 4 }, (_, w) => (async () => {
      for (let i = 0; !stopped; i++) {
        const status = await callService(service.url, 'POST', '/api/persons', { firstName: `W${w}`, email: `w${w}-${i}@example.nl` }).then((r) => r.status, (e: Error) => e.message);
        answers.push({ status, at: Date.now() });
        if (status !== 201) await new Promise((r) => setTimeout(r, 50));
      }
    })());
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    const downAt = Date.now();
    cluster.stop('fast');
    await new Promise((r) => setTimeout(r, 5_000));
    cluster.start();
    const upAt = Date.now();
    await until('a write after the restart', () => answers.some((a) => a.at > upAt && a.status === 201), TIMEOUT, 20);
    const recoveredAt = answers.find((a) => a.at > upAt && a.status === 201)!.at;
    await new Promise((r) => setTimeout(r, 10_000));
    stopped = true;
    await Promise.all(writers);
    const endAt = Date.now();
    const query = async (text: string) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    };
    await until('every change event handled', async () => Number((await query(`select count(*) as n from "change_event" where "processed_at" is null`))[0].n) === 0, TIMEOUT, 500);
    const persons = (await query(`select "email" from "person"`)).map((p) => p.email as string);
    await until('every welcome e-mail sent', async () => Number((await query(`select count(*) as n from "message" where "status" = 'sent'`))[0].n) === persons.length, TIMEOUT, 500);
    const ok = (from: number, to: number) => answers.filter((a) => a.status === 201 && a.at >= from && a.at < to).length;
    const statuses = new Map<string, number>();
    for (const a of answers.filter((x) => x.at >= downAt && x.at < recoveredAt)) statuses.set(String(a.status), (statuses.get(String(a.status)) ?? 0) + 1);
    const events = (await query(`select count(*) as n from "change_event" where "entity" = 'person' and "kind" = 'created'`))[0].n;
    console.log(`\n4. PostgreSQL stopped (fast) for 5 s and started again under load (4 writers creating persons; a workflow mails each new person)`);
    console.log(`   persons created: ${persons.length} (${ok(0, Infinity)} answered 201); their change events: ${events}, unhandled: 0; welcome e-mails: ${summary(await deliveryReport(databaseUrl, sink.received, persons))}`);
    console.log(`   answers while down: ${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}; the service process was never restarted (exit code ${service.process.child.exitCode})`);
    console.log(`   first write accepted ${seconds(recoveredAt - upAt)} after PostgreSQL was up again`);
    console.log(`   writes before: ${Math.round(ok(started, downAt) / ((downAt - started) / 1000))}/s; after: ${Math.round(ok(recoveredAt, endAt) / ((endAt - recoveredAt) / 1000))}/s`);
    await fleet.stop(service.process);
  } finally {
    await sink.stop();
  }
}

console.log(`Stroom fault bench — ${new Date().toISOString()} — ${COUNT} messages per burst`);
try {
  await killMidBurst();
  await twoInstances();
  await smtpDown();
  await postgresRestart();
} finally {
  await fleet.stopAll();
  cluster?.destroy();
  for (const db of databases) await db.drop();
}
