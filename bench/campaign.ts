/**
 * Campaign scale, end to end: the built service (a child process) on a fresh PostgreSQL database,
 * a running flow whose first step sends an e-mail, and one call enrolling a selection of N members
 * (`POST /api/flows/:id/participants {selectionId}`); timed from the call until the SMTP server
 * has received the first e-mail of every participant (each recipient checked for exactly one).
 * Beside it, in the same run, a raw nodemailer pool in a process of its own sends the same N
 * rendered e-mails to the same SMTP server. Prints both times, the ratio and the service's peak RSS.
 *   npm run bench:campaign [-- --full] [-- --members 100000] [-- --show-mail]
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { callService, ServiceFleet } from '../test/support/burst.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { CAMPAIGN_TEMPLATE } from './support/campaign-mail.js';
import { CountingSmtp } from './support/counting-smtp.js';
import { sizeOption } from './support/options.js';
import { checkSameSize, fmt, ratio } from './support/stats.js';
import { reportResult } from './support/report.js';

const MEMBERS = sizeOption('members', 100_000, 1_000_000);
const here = dirname(fileURLToPath(import.meta.url));

const FLOW = `flow "Campagne" {
  sender "Bench <bench@stroom.test>"
  reply_to "bench@stroom.test"
  trigger manual
  s1: send email "campagne"
  s2: wait 7 days
}
`;

/** N persons `c<n>@bench.test` (first name `P<n>`) in one static selection; answers the selection's id. */
async function seed(databaseUrl: string): Promise<string> {
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    await sql.query(`insert into "person" ("first_name", "last_name", "email", "unsubscribed", "interests", "extra", "created_at", "updated_at")
      select 'P' || g, 'Campagne', 'c' || g || '@bench.test', false, '[]', '{}', now(), now() from generate_series(0, $1::int - 1) g`, [MEMBERS]);
    const selection = await sql.query(`insert into "selection" ("name", "created_at", "updated_at") values ('Campagne', now(), now()) returning "id"`);
    const id = String(selection.rows[0].id);
    await sql.query(`insert into "selection_member" ("selection_id", "person_id", "added_at") select $1, "id", now() from "person" where "email" like '%@bench.test'`, [id]);
    await sql.query(`analyze`);
    return id;
  } finally {
    await sql.end();
  }
}

function rawSender(smtpUrl: string, prefix: string, count: number, base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'support/raw-sender.js'), smtpUrl, prefix, String(count), base], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`raw sender exited with ${code}`))));
  });
}

async function untilReceived(smtp: CountingSmtp, count: number, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (smtp.received < count) {
    if (performance.now() - started > timeoutMs) throw new Error(`only ${smtp.received} of ${count} e-mails arrived in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The peak resident set of a process, from /proc (Linux), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? NaN) / 1024;
}

const smtp = await new CountingSmtp().start();
const fleet = new ServiceFleet();
const db = await createTestDatabase();
try {
  const { process: service, url } = await fleet.start({ DATABASE_URL: db.url, SMTP_URL: smtp.url, MAIL_FROM: 'Bench <bench@stroom.test>', LOG_LEVEL: 'warn' });
  const selectionId = await seed(db.url);
  const template = await callService(url, 'POST', '/api/templates', CAMPAIGN_TEMPLATE);
  if (template.status !== 201) throw new Error(`template: ${template.status} ${JSON.stringify(template.body)}`);
  const flow = await callService(url, 'POST', '/api/flows', { source: FLOW });
  if (flow.status !== 201) throw new Error(`flow: ${flow.status} ${JSON.stringify(flow.body)}`);
  const started = await callService(url, 'POST', `/api/flows/${flow.body.id}/start`);
  if (started.body?.status !== 'running') throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);

  // Warm-up of both senders (connections, JIT), to recipients outside the counted ones.
  smtp.expect('w', 1_000);
  await rawSender(smtp.url, 'w', 1_000, url);

  smtp.expect('r', MEMBERS);
  const rawSeconds = await rawSender(smtp.url, 'r', MEMBERS, url);
  const raw = { ...smtp.report(), bytes: smtp.bytes, sample: smtp.sample };
  if (raw.missing || raw.duplicates) throw new Error(`raw nodemailer: ${raw.missing} missing, ${raw.duplicates} duplicates`);

  smtp.expect('c', MEMBERS);
  const t0 = performance.now();
  const wallStart = Date.now();
  const enrol = await callService(url, 'POST', `/api/flows/${flow.body.id}/participants`, { selectionId });
  const enrolSeconds = (performance.now() - t0) / 1000;
  if (enrol.status !== 200 && enrol.status !== 201) throw new Error(`enrol: ${enrol.status} ${JSON.stringify(enrol.body)}`);
  if (enrol.body.enrolled !== MEMBERS) throw new Error(`enrolled ${enrol.body.enrolled} of ${MEMBERS}; refused: ${JSON.stringify(enrol.body.refused?.slice(0, 5))} (${enrol.body.refused?.length})`);
  await untilReceived(smtp, MEMBERS, Math.max(600_000, MEMBERS * 5));
  const stroomSeconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1_000)); // a late copy would arrive now
  const stroom = { ...smtp.report(), bytes: smtp.bytes, sample: smtp.sample };
  const rss = await peakRssMb(service.child.pid!);
  const timeline = await db.query(`select extract(epoch from min("created_at")) * 1000 as "first_written", extract(epoch from max("created_at")) * 1000 as "last_written",
    extract(epoch from min("sent_at")) * 1000 as "first_sent" from "message"`);
  const at = (ms: unknown) => fmt((Number(ms) - wallStart) / 1000, 1);
  // Written to the outbox and sent, per 10 s after the call: shows which part the time goes to.
  const buckets = await db.query(`select "bucket", sum("written")::int as "written", sum("sent")::int as "sent" from (
      select floor((extract(epoch from "created_at") * 1000 - $1) / 10000)::int as "bucket", 1 as "written", 0 as "sent" from "message"
      union all select floor((extract(epoch from "sent_at") * 1000 - $1) / 10000)::int, 0, 1 from "message" where "sent_at" is not null) as "t"
    group by "bucket" order by "bucket"`, [wallStart]);
  if (stroom.missing || stroom.duplicates) throw new Error(`Stroom: ${stroom.missing} missing, ${stroom.duplicates} duplicates`);

  console.log(`members: ${fmt(MEMBERS)}; every recipient got exactly one e-mail (duplicates: ${stroom.duplicates}, other: ${smtp.other})`);
  console.log(`bytes per e-mail at the SMTP server: raw ${fmt(raw.bytes / MEMBERS)}, Stroom ${fmt(stroom.bytes / MEMBERS)}`);
  checkSameSize(raw.bytes, stroom.bytes, ' (see --show-mail)');
  if (process.argv.includes('--show-mail')) console.log(`--- raw's first e-mail:\n${raw.sample}\n--- Stroom's first e-mail:\n${stroom.sample}`);
  console.log(`raw nodemailer pool (own process):          ${fmt(rawSeconds, 1)} s (${fmt(MEMBERS / rawSeconds)} e-mails/s)`);
  console.log(`Stroom enrol + step engine + outbox + SMTP: ${fmt(stroomSeconds, 1)} s (${fmt(MEMBERS / stroomSeconds)} e-mails/s); the enrolment call answered after ${fmt(enrolSeconds, 1)} s`);
  console.log(`after the call: first e-mail written to the outbox at ${at(timeline[0]!.first_written)} s, first sent at ${at(timeline[0]!.first_sent)} s, last written at ${at(timeline[0]!.last_written)} s`);
  console.log(`per 10 s after the call, written/sent: ${buckets.map((b) => `${b.bucket * 10}s ${fmt(b.written)}/${fmt(b.sent)}`).join(', ')}`);
  console.log(`service peak RSS: ${fmt(rss)} MB${MEMBERS >= 1_000_000 ? ' (target < 500 MB)' : ''}`);
  console.log(`ratio: ${ratio(rawSeconds, stroomSeconds)} (raw nodemailer time / Stroom time; target >= 0.5x)`);
  reportResult({ key: 'campaign', figure: `campaign: a selection of ${fmt(MEMBERS)} enrolled with one call until every first e-mail reached SMTP, vs raw nodemailer sending them`, value: `${fmt(stroomSeconds, 1)} s`, baseline: `${fmt(rawSeconds, 1)} s`, ratio: rawSeconds / stroomSeconds, target: '>= 0.5x, 0 duplicates', met: rawSeconds / stroomSeconds >= 0.5 && stroom.duplicates === 0 });
  if (MEMBERS >= 1_000_000) reportResult({ key: 'campaign.rss', figure: `campaign of ${fmt(MEMBERS)}: the service's peak RSS`, value: `${fmt(rss)} MB`, baseline: '500 MB', ratio: rss / 500, target: '< 1.0x (< 500 MB)', met: rss < 500 });
} finally {
  await fleet.stopAll('SIGTERM');
  await smtp.stop();
  await db.drop();
}
