import { MikroORM } from '@mikro-orm/core';
import { Clock, ManualClock } from '../../server/clock/clock.js';
import { JobRunner } from '../../server/scheduling/job-runner.js';
import type { JobDatabase } from './job-databases.js';

export const NOOP_JOB = 'bench.noop';

/** Empties `table` (the service's `job`, or the bare loop's copy) and fills it with `count` jobs due a minute ago. */
export async function fillDueJobs(db: JobDatabase, table: 'job' | 'bare_job', count: number): Promise<void> {
  await db.sessions[0]!.transaction(async (query) => {
    await query(`truncate ${table}`);
    await query(`insert into ${table} (kind, payload, due_at, status, attempts, max_attempts, created_at)
      select '${NOOP_JOB}', '{}', now() - interval '1 minute', 'pending', 0, 5, now() from generate_series(1, ${Math.floor(count)})`);
  });
  await db.sessions[0]!.transaction((query) => query(`analyze ${table}`));
}

/**
 * The floor: each session runs the JobRunner's own two statements on bare pg, claiming 1,000 at a
 * time (`for update skip locked`, the same columns) and marking them done, until none is left. Answers ms.
 */
export async function bareSqlDrain(db: JobDatabase): Promise<number> {
  const started = performance.now();
  await Promise.all(db.sessions.map(async (session) => {
    for (;;) {
      const claimed = await session.transaction(async (query) => {
        const rows = await query(`select id, kind, payload, (extract(epoch from due_at) * 1000)::float8 as due_ms, attempts, max_attempts from bare_job
          where status = 'pending' and due_at <= now() order by due_at, id limit 1000 for update skip locked`);
        if (rows.length) await query(`update bare_job set status = 'done', attempts = attempts + 1, finished_at = now(), last_error = null where id = any('{${rows.map((r) => r.id).join(',')}}'::bigint[])`);
        return rows.length;
      });
      if (!claimed) return;
    }
  }));
  return performance.now() - started;
}

/** A JobRunner per ORM with a no-op handler, as the service registers its kinds. */
export function benchRunners(orms: readonly MikroORM[], clock: Clock, handle: JobRunnerHandler = async () => {}): JobRunner[] {
  return orms.map((orm) => {
    const runner = new JobRunner(orm.em, clock);
    runner.register(NOOP_JOB, handle);
    return runner;
  });
}
type JobRunnerHandler = Parameters<JobRunner['register']>[1];

/** Stroom's scheduler: every runner runs `runDue(1000)` until nothing is due. Answers ms and the peak RSS seen (MB). */
export async function runnerDrain(db: JobDatabase): Promise<{ ms: number; peakRssMb: number }> {
  const runners = benchRunners(db.orms, new ManualClock(new Date()));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  await Promise.all(runners.map((r) => r.runDue(1000)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

/** Jobs still pending in `table`. */
export async function pendingJobs(db: JobDatabase, table: 'job' | 'bare_job'): Promise<number> {
  return db.sessions[0]!.transaction(async (query) => Number((await query(`select count(*) as n from ${table} where status = 'pending'`))[0]!.n));
}
