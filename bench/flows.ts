/**
 * Flow engine throughput: N participants enrolled in a five-step flow (e-mail, wait, split on the
 * person's category, update person, e-mail) are moved through it by the scheduler (claim, lock,
 * re-check, render, outbox, tracking, participant and person updates with their change events,
 * delivery over the log transport; the manual clock jumps over the wait), beside a bare SQL batch
 * loop doing the same row writes (participant, person, change event, messages, tracking tokens,
 * delivery and step jobs, job states, delivery attempts) in batches of 1,000, on the same database,
 * in one run. Prints both rates, the ratio and peak RSS; checks every participant got both e-mails.
 *   npm run bench:flows [-- --participants 100000] [--engine-first] */
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
  s1: send email "bench"
  s2: wait 1 days
  s3: split "Type" {
    branch "Leads" when person.category = "Lead" {
      s4: update person {
        set category = "Klant"
      }
    }
    others leave
  }
  s5: send email "bench"
}
`;

/** N persons (leads), each a participant enrolled on the first step, its step job due at `due`. */
async function fill(sql: pg.Client, flowId: string, due: Date, participantTable: string, jobTable: string): Promise<void> {
  const people = await sql.query(`insert into person (first_name, last_name, email, category, unsubscribed, interests, extra, created_at, updated_at)
    select 'P' || g, 'Bench', 'p' || g || '-' || $2 || '@bench.test', 'Lead', false, '[]', '{}', now(), now() from generate_series(1, $1) g returning id`, [PARTICIPANTS, participantTable]);
  const ids = people.rows.map((r: { id: string }) => r.id);
  await sql.query(`insert into ${participantTable} (flow_id, person_id, status, step_id, seq, visits, wait_until, notes, enrolled_at, updated_at)
    select $1, unnest($2::bigint[]), 'active', 's1', 1, 1, null, '[]', $3, now()`, [flowId, `{${ids.join(',')}}`, due]);
  await sql.query(`insert into ${jobTable} (kind, payload, due_at, status, cancel_key, attempts, max_attempts, created_at)
    select 'flow.step', json_build_object('participantId', id::text, 'seq', 1)::jsonb, $2, 'pending', 'flow:' || $1::text || ':p:' || id, 0, 5, now()
    from ${participantTable} where flow_id = $1::bigint`, [flowId, due]);
  await sql.query(`analyze ${participantTable}; analyze ${jobTable}; analyze person`);
}

/**
 * The same rows written by hand, in batches of 1,000 on two connections. The first e-mail: claim
 * step jobs, queue the message with its three tracking tokens (open, the link, unsubscribe: what
 * the engine writes for the bench's template) and its delivery job, move the participant onto the
 * wait with its step job; deliver, recording each attempt. The wait's end: claim, update the
 * person with its change event, queue the second e-mail, complete the participant; mark the change
 * events handled (what the service's event consumer does); deliver.
 */
async function bareSql(url: string, now: Date, due: Date, flowId: string): Promise<number> {
  const workers = await Promise.all([0, 1].map(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  const message = (step: string) => `m as (
      insert into bare_message (channel, key, message_id, "to", "from", subject, body, headers, status, attempts, person_id, flow_id, participant_id, step_id, attachments, created_at)
      select 'email', 'bench:' || p.id || ':${step}', '<' || p.id || '.${step}@bench>', pe.email, 'bench@stroom.test', 'Bench ' || pe.first_name, '<p>Hallo ' || pe.first_name || '</p>', '{}', 'queued', 0, pe.id, p.flow_id, p.id, '${step}', '[]', now()
      from bare_participant p join person pe on pe.id = p.person_id where p.id = any($1) returning id, participant_id, person_id, key)
    , t as (insert into bare_token (token, kind, url, person_id, flow_id, participant_id, step_id, message_key, created_at)
      select left(md5(kind || key), 32), kind, case when kind = 'link' then 'https://example.org/x' end, person_id, $3, participant_id, '${step}', key, now()
      from m cross join unnest(array['open', 'link', 'unsubscribe']) as kind)
    , d as (insert into bare_job (kind, payload, due_at, status, attempts, max_attempts, created_at) select 'message.deliver', json_build_object('messageId', id::text)::jsonb, $2, 'pending', 0, 6, now() from m)`;
  const steps = async (client: pg.Client, until: Date, write: (pids: string, people: string) => Promise<void>) => {
    for (;;) {
      await client.query('begin');
      const { rows } = await client.query(`select j.id, (j.payload->>'participantId')::bigint as pid from bare_job j
        where j.kind = 'flow.step' and j.status = 'pending' and j.due_at <= $1 order by j.due_at, j.id limit 1000 for update skip locked`, [until]);
      if (rows.length) {
        const pids = `{${rows.map((r) => r.pid).join(',')}}`;
        const locked = await client.query(`select p.id, p.person_id from bare_participant p where p.id = any($1) for update`, [pids]);
        await write(pids, `{${locked.rows.map((r) => r.person_id).join(',')}}`);
        await client.query(`update bare_job set status = 'done', attempts = attempts + 1, finished_at = now() where id = any($1)`, [`{${rows.map((r) => r.id).join(',')}}`]);
      }
      await client.query('commit');
      if (!rows.length) return;
    }
  };
  const deliver = async (client: pg.Client) => {
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
      if (!rows.length) return;
    }
  };
  const started = performance.now();
  await Promise.all(workers.map(async (client) => {
    await steps(client, now, (pids) => client.query(`with ${message('s1')}
      , w as (insert into bare_job (kind, payload, due_at, status, cancel_key, attempts, max_attempts, created_at)
        select 'flow.step', json_build_object('participantId', id::text, 'seq', 1)::jsonb, $4, 'pending', 'flow:' || $3::text || ':p:' || id, 0, 5, now() from unnest($1::bigint[]) as id)
      update bare_participant set step_id = 's2', visits = visits + 2, path = '["s1", "s2"]', wait_until = $4, updated_at = now() where id = any($1)`, [pids, now, flowId, due]).then(() => undefined));
    await deliver(client);
  }));
  await Promise.all(workers.map(async (client) => {
    await steps(client, due, async (pids, people) => {
      const { rows } = await client.query(`with u as (update person set category = 'Klant', updated_at = now() where id = any($1) returning id)
        insert into bare_event (entity, entity_id, kind, changes, actor, at, attempts) select 'person', id::text, 'updated', '{"category": {"from": "Lead", "to": "Klant"}}', 'system', now(), 0 from u returning id`, [people]);
      await client.query(`with ${message('s5')}
        update bare_participant set step_id = null, status = 'completed', visits = visits + 4, path = '["s1", "s2", "s3", "s4", "s5"]', wait_until = null, updated_at = now() where id = any($1)`, [pids, due, flowId]);
      await client.query(`update bare_event set processed_at = now() where id = any($1)`, [`{${rows.map((r) => r.id).join(',')}}`]);
    });
    await deliver(client);
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
  await sql.query(`create table bare_event (like change_event including all)`);
  await fill(sql, flow.id, now, 'bare_participant', 'bare_job');
  await fill(sql, flow.id, now, 'participant', 'job');

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
    bare = await bareSql(db.url, now, due, flow.id);
  } else {
    bare = await bareSql(db.url, now, due, flow.id);
    engine = await runEngine();
  }
  const done = await sql.query(`select count(*) filter (where status = 'completed') as completed, (select count(*) from message where status = 'sent') as sent,
    (select count(*) from person p where category = 'Klant' and exists (select 1 from participant x where x.person_id = p.id)) as updated from participant`);
  await sql.end();
  const { completed, sent, updated } = done.rows[0];
  console.log(`participants: ${PARTICIPANTS}, completed: ${completed}, persons updated: ${updated}, e-mails sent (log transport): ${sent}`);
  if (Number(completed) !== PARTICIPANTS || Number(updated) !== PARTICIPANTS || Number(sent) !== 2 * PARTICIPANTS) throw new Error('the engine did not take every participant through the flow');
  console.log(`bare SQL batch loop (2 connections): ${Math.round(bare).toLocaleString('en')} participants/s`);
  console.log(`Stroom flow engine (scheduler):      ${Math.round(engine).toLocaleString('en')} participants/s`);
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(`ratio: ${(engine / bare).toFixed(2)}x (target >= 0.5x)`);
  reportResult({ key: 'flows', figure: `flow engine, ${PARTICIPANTS.toLocaleString('en')} participants through a five-step flow (e-mail, wait, split, update person, e-mail) vs a bare SQL loop`, value: `${Math.round(engine).toLocaleString('en')} participants/s`, baseline: `${Math.round(bare).toLocaleString('en')} participants/s`, ratio: engine / bare, target: '>= 0.5x', met: engine / bare >= 0.5 });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await app?.close();
  await db.drop();
}
