import { SystemClock } from '../../server/clock/clock.js';
import type { ClockStore } from '../../server/clock/clock-store.js';
import { JobPoller } from '../../server/scheduling/job-poller.js';
import { JobRunner } from '../../server/scheduling/job-runner.js';
import type { JobDatabase } from './job-databases.js';
import { NOOP_JOB } from './job-drains.js';

/** A JobRunner that notes, for every job it ran, how long after its due time the claim committed. */
class LatencyRecordingRunner extends JobRunner {
  readonly latenciesMs: number[] = [];
  private ran: number[] = [];

  noteRun(dueAt: Date): void {
    this.ran.push(dueAt.getTime());
  }

  override async runBatch(limit = 500): Promise<number> {
    this.ran = [];
    const n = await super.runBatch(limit);
    const committed = Date.now();
    for (const due of this.ran) this.latenciesMs.push(committed - due);
    return n;
  }
}

/**
 * Timer latency on the real clock: `count` jobs due evenly over `spreadSeconds` (from 2 s ahead),
 * run by the service's own JobPoller (a tick every 200 ms) on every ORM of `db`. Answers, per
 * job, the time from its due time until its claim committed (ms).
 */
export async function timerLatencies(db: JobDatabase, count: number, spreadSeconds: number): Promise<number[]> {
  const clock = new SystemClock();
  const runners = db.orms.map((orm) => {
    const runner = new LatencyRecordingRunner(orm.em, clock);
    runner.register(NOOP_JOB, async (job) => runner.noteRun(job.dueAt));
    return runner;
  });
  await db.sessions[0]!.transaction(async (query) => {
    await query('truncate job');
    await query(`insert into job (kind, payload, due_at, status, attempts, max_attempts, created_at)
      select '${NOOP_JOB}', '{}', now() + interval '2 seconds' + (i * ${spreadSeconds * 1000} / ${count}) * interval '1 millisecond', 'pending', 0, 5, now() from generate_series(1, ${count}) as i`);
  });
  const clockStore = { refresh: async () => {} } as unknown as ClockStore;
  const pollers = runners.map((runner) => new JobPoller(runner, clockStore));
  const timers = pollers.map((poller) => setInterval(() => void poller.tick(), 200));
  try {
    while (runners.reduce((n, r) => n + r.latenciesMs.length, 0) < count) await new Promise((r) => setTimeout(r, 100));
  } finally {
    timers.forEach(clearInterval);
    pollers.forEach((p) => p.beforeApplicationShutdown());
  }
  return runners.flatMap((r) => r.latenciesMs);
}
