/**
 * Flow engine throughput: N participants waiting on one instant (the end of a `wait`) are moved
 * through the wait and a `send email` step by the scheduler (claim, lock, re-check, render, outbox,
 * tracking, participant update, delivery over the log transport), beside a bare SQL batch loop
 * doing the same row writes (participant, message, tracking tokens, delivery job, job states, delivery attempt) in
 * batches of 1,000, on the same database, in one run. Prints both rates, the ratio and peak RSS.
 *   npm run bench:flows [-- --participants 100000] [--engine-first]
 */
import 'reflect-metadata';
import pg from 'pg';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config/config.js';
import { ClockAdvancer } from '../server/scheduling/clock-advancer.js';
import { FlowEditing } from '../server/flows/flow-editing.js';
import { FlowLifecycle } from '../server/flows/flow-lifecycle.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { reportResult } from './support/report.js';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(name) + 1] || fallback) || fallback;
const PARTICIPANTS = process.argv.includes('--participants') ? arg('--participants', 100_000) : 100_000;

const FLOW = `flow "Bench" {
  sender "Bench <bench@stroom.test>"
  reply_to "bench@stroom.test"
  trigger manual
  s1: wait 1 days
  s2: send email "bench"
}
`;

/** N persons, each a participant on the wait step whose job is due at `due`. */
async function fill(sql: pg.Client, flowId: string, due: Date, participantTable: string, jobTable: string): Promise<void> {
  const people = await sql.query(`insert into person (first_name, last_name, email, unsubscribed, interests, extra, created_at, updated_at)
    select 'P' || g, 'Bench', 'p' || g || '-' || $2 || '@bench.test', false, '[]', '{}', now(), now() from generate_series(1, $1) g returning id`, [PARTICIPANTS, participantTable]);
  const ids = people.rows.map((r: { id: string }) => r.id);
  await sql.query(`insert into ${participantTable} (flow_id, person_id, status, step_id, seq, visits, wait_until, notes, enrolled_at, updated_at)
    select $1, unnest($2::bigint[]), 'active', 's1', 1, 1, $3, '[]', $3::timestamptz - interval '1 day', now()`, [flowId, `{${ids.join(',')}}`, due]);
  await sql.query(`insert into ${jobTable} (kind, payload, due_at, status, cancel_key, attempts, max_attempts, created_at)
    select 'flow.step', json_build_object('participantId', id::text, 'seq', 1)::jsonb, $2, 'pending', 'flow:' || $1::text || ':p:' || id, 0, 5, now()
    from ${participantTable} where flow_id = $1::bigint`, [flowId, due]);
  await sql.query(`analyze ${participantTable}; analyze ${jobTable}; analyze person`);
}

/**
 * The same rows written by hand: claim 1,000 step jobs, end the wait, queue the message with its
 * three tracking tokens (open, the link, unsubscribe: what the engine writes for the bench's
 * template) and its delivery job, then deliver, recording the attempt.
 */
async function bareSql(url: string, due: Date, flowId: string): Promise<number> {
  const workers = await Promise.all([0, 1].map(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  const started = performance.now();
  await Promise.all(workers.map(async (client) => {
    for (;;) {
      await client.query('begin');
      const { rows } = await client.query(`select j.id, (j.payload->>'participantId')::bigint as pid from bare_job j
        where j.kind = 'flow.step' and j.status = 'pending' and j.due_at <= $1 order by j.due_at, j.id limit 1000 for update skip locked`, [due]);
      if (rows.length) {
        const pids = `{${rows.map((r) => r.pid).join(',')}}`;
        await client.query(`select p.id from bare_participant p where p.id = any($1) for update`, [pids]);
        await client.query(`update bare_participant set step_id = null, status = 'completed', visits = visits + 1, wait_until = null, updated_at = now() where id = any($1)`, [pids]);
        await client.query(`with m as (
            insert into bare_message (channel, key, message_id, "to", "from", subject, body, headers, status, attempts, person_id, flow_id, participant_id, step_id, attachments, created_at)
            select 'email', 'bench:' || p.id, '<' || p.id || '@bench>', pe.email, 'bench@stroom.test', 'Bench ' || pe.first_name, '<p>Hallo ' || pe.first_name || '</p>', '{}', 'queued', 0, pe.id, p.flow_id, p.id, 's2', '[]', now()
            from bare_participant p join person pe on pe.id = p.person_id where p.id = any($1) returning id, participant_id, person_id, key)
          , t as (insert into bare_token (token, kind, url, person_id, flow_id, participant_id, step_id, message_key, created_at)
            select left(md5(kind || key), 32), kind, case when kind = 'link' then 'https://example.org/x' end, person_id, $3, participant_id, 's2', key, now()
            from m cross join unnest(array['open', 'link', 'unsubscribe']) as kind)
          insert into bare_job (kind, payload, due_at, status, attempts, max_attempts, created_at) select 'message.deliver', json_build_object('messageId', id::text)::jsonb, $2, 'pending', 0, 6, now() from m`, [pids, due, flowId]);
        await client.query(`update bare_job set status = 'done', attempts = attempts + 1, finished_at = now() where id = any($1)`, [`{${rows.map((r) => r.id).join(',')}}`]);
      }
      await client.query('commit');
      if (!rows.length) break;
    }
    for (;;) {
      await client.query('begin');
      const { rows } = await client.query(`select id, (payload->>'messageId')::bigint as mid from bare_job where kind = 'message.deliver' and status = 'pending' order by due_at, id limit 1000 for update skip locked`);
      if (rows.length) {
        const mids = `{${rows.map((r) => r.mid).join(',')}}`;
        await client.query(`update bare_message set status = 'sent', sent_at = now(), transport = 'log', attempts = attempts + 1 where id = any($1)`, [mids]);
        await client.query(`insert into bare_attempt (message_id, at, outcome, transport) select id, now(), 'sent', 'log' from unnest($1::bigint[]) as id`, [mids]);
        await client.query(`update bare_job set status = 'done', attempts = attempts + 1, finished_at = now() where id = any($1)`, [`{${rows.map((r) => r.id).join(',')}}`]);
      }
      await client.query('commit');
      if (!rows.length) break;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((c) => c.end()));
  return PARTICIPANTS / seconds;
}

const db = await createTestDatabase();
let app: Awaited<ReturnType<typeof createApp>> | undefined;
try {
  const config = loadConfig({ DATABASE_URL: db.url, CLOCK: 'manual', LOG_LEVEL: 'silent', SEED_DEMO: 'off', PORT: '0', ADMIN_API_TOKEN: 'bench-token-0123456789abcdef' });
  app = await createApp(config);
  await app.init();
  const sql = new pg.Client({ connectionString: db.url });
  sql.on('error', () => undefined); // the database is dropped with force at the end
  await sql.connect();
  await sql.query(`insert into template (key, name, channel, subject, body, created_at, updated_at) values ('bench', 'Bench', 'email', 'Bench {{ person.first_name }}', '<p>Hallo {{ person.first_name }}, <a href="https://example.org/x">lees meer</a></p>', now(), now())`);
  const flows = app.get(FlowLifecycle);
  const flow = await app.get(FlowEditing).create({ source: FLOW });
  await flows.start(flow.id);
  const now = new Date((await sql.query(`select "now" from clock_state`)).rows[0]?.now ?? Date.now());
  const due = new Date(now.getTime() + 86_400_000);
  for (const table of ['participant', 'message', 'job']) await sql.query(`create table bare_${table} (like ${table} including all)`);
  await sql.query(`create table bare_token (like tracking_token including all)`);
  await sql.query(`create table bare_attempt (like delivery_attempt including all)`);
  await fill(sql, flow.id, due, 'bare_participant', 'bare_job');
  await fill(sql, flow.id, due, 'participant', 'job');

  // `--engine-first` swaps the order, to see what running second costs (checkpoints, bloat).
  const runEngine = async () => {
    const started = performance.now();
    await app!.get(ClockAdvancer).advanceTo(due);
    return PARTICIPANTS / ((performance.now() - started) / 1000);
  };
  let bare: number;
  let engine: number;
  if (process.argv.includes('--engine-first')) {
    engine = await runEngine();
    bare = await bareSql(db.url, due, flow.id);
  } else {
    bare = await bareSql(db.url, due, flow.id);
    engine = await runEngine();
  }
  const done = await sql.query(`select count(*) filter (where status = 'completed') as completed, (select count(*) from message where status = 'sent') as sent from participant`);
  await sql.end();
  console.log(`participants: ${PARTICIPANTS}, completed: ${done.rows[0].completed}, e-mails sent (log transport): ${done.rows[0].sent}`);
  console.log(`bare SQL batch loop (2 connections): ${Math.round(bare).toLocaleString('en')} participants/s`);
  console.log(`Stroom flow engine (scheduler):      ${Math.round(engine).toLocaleString('en')} participants/s`);
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(`ratio: ${(engine / bare).toFixed(2)}x (target >= 0.5x)`);
  reportResult({ key: 'flows', figure: `flow engine, ${PARTICIPANTS.toLocaleString('en')} participants through a wait and a send step vs a bare SQL loop`, value: `${Math.round(engine).toLocaleString('en')} participants/s`, baseline: `${Math.round(bare).toLocaleString('en')} participants/s`, ratio: engine / bare, target: '>= 0.5x', met: engine / bare >= 0.5 });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await app?.close();
  await db.drop();
}
