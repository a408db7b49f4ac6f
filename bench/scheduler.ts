/**
 * Scheduler throughput: 100,000 due jobs drained by the JobRunner (2 instances' worth of
 * concurrency) beside a bare SQL batch loop (`… LIMIT 1000 FOR UPDATE SKIP LOCKED`, 2 connections)
 * on the same database, in one run. Prints both rates and the ratio.
 *   npm run bench:scheduler [-- --jobs 100000]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import pg from 'pg';
import { ManualClock } from '../server/clock/clock.js';
import { ormOptions } from '../server/database/orm-config.js';
import { JobRunner } from '../server/scheduling/job-runner.js';
import { createTestDatabase } from '../test/support/test-database.js';

const JOBS = Number(process.argv[process.argv.indexOf('--jobs') + 1] || 100_000) || 100_000;

async function fill(sql: pg.Client, table: string): Promise<void> {
  await sql.query(`insert into ${table} (kind, payload, due_at, status, attempts, max_attempts, created_at)
    select 'bench.noop', '{}', now() - interval '1 minute', 'pending', 0, 5, now() from generate_series(1, $1)`, [JOBS]);
  await sql.query(`analyze ${table}`);
}

async function bareSqlDrain(url: string): Promise<number> {
  const workers = await Promise.all([0, 1].map(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  const started = performance.now();
  await Promise.all(workers.map(async (client) => {
    for (;;) {
      await client.query('begin');
      const { rows } = await client.query(`select id from bare_job where status = 'pending' and due_at <= now() order by due_at, id limit 1000 for update skip locked`);
      if (rows.length) await client.query(`update bare_job set status = 'done', attempts = attempts + 1, finished_at = now() where id = any($1)`, [rows.map((r) => r.id)]);
      await client.query('commit');
      if (!rows.length) return;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((c) => c.end()));
  return JOBS / seconds;
}

async function runnerDrain(url: string): Promise<number> {
  const clock = new ManualClock(new Date());
  const orms = await Promise.all([0, 1].map(() => MikroORM.init({ ...ormOptions({ databaseUrl: url, dataDir: '' }), pool: { min: 1, max: 2 } })));
  const runners = orms.map((orm) => {
    const runner = new JobRunner(orm.em, clock);
    runner.register('bench.noop', async () => {});
    return runner;
  });
  const started = performance.now();
  await Promise.all(runners.map((r) => r.runDue(1000)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(orms.map((o) => o.close()));
  return JOBS / seconds;
}

const db = await createTestDatabase();
try {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: db.url, dataDir: '' }));
  await orm.migrator.up();
  await orm.close();
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query('create table bare_job (like job including all)');
  await fill(sql, 'bare_job');
  await fill(sql, 'job');
  const bare = await bareSqlDrain(db.url);
  const runner = await runnerDrain(db.url);
  const left = await sql.query(`select count(*) from job where status = 'pending'`);
  await sql.end();
  console.log(`jobs: ${JOBS}, left pending: ${left.rows[0].count}`);
  console.log(`bare SQL batch claim (2 connections): ${Math.round(bare).toLocaleString('en')} jobs/s`);
  console.log(`Stroom JobRunner (2 runners):        ${Math.round(runner).toLocaleString('en')} jobs/s`);
  console.log(`ratio: ${(runner / bare).toFixed(2)}x (target >= 0.5x)`);
} finally {
  await db.drop();
}
