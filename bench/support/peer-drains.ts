// The job queues a team would otherwise pick, draining the same number of no-op jobs on the same
// PostgreSQL server as Stroom's JobRunner: graphile-worker in its batched mode (a local queue that
// locks jobs in batches and completes them in batches, as its own performance test runs it) and
// pg-boss fetching batches. Each gets as many connections as the JobRunners have together.
import { Logger as GraphileLogger, run, runMigrations, type Runner } from 'graphile-worker';
import pg from 'pg';
import { PgBoss } from 'pg-boss';

const QUEUE = 'bench_noop';
const FILL_CHUNK = 10_000;

export interface PeerDrain {
  label: string;
  /** Removes what is left and puts `count` due jobs in the queue. */
  fill(count: number): Promise<void>;
  /** Runs a worker until every job is done. Answers ms. */
  drain(count: number): Promise<number>;
  close(): Promise<void>;
}

/** Counts handled jobs and resolves once `count` of them ran. */
function countdown(count: number): { done: Promise<void>; handled(n: number): void } {
  let left = count;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  if (left <= 0) finish();
  return { done, handled: (n) => { left -= n; if (left <= 0) finish(); } };
}

export async function graphileWorkerDrain(connectionString: string, connections: number): Promise<PeerDrain> {
  await runMigrations({ connectionString, logger: quietGraphileLogger() });
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  return {
    label: 'graphile-worker (batched)',
    async fill(count) {
      await admin.query('delete from graphile_worker._private_jobs');
      for (let from = 0; from < count; from += FILL_CHUNK) {
        const n = Math.min(FILL_CHUNK, count - from);
        await admin.query(`select graphile_worker.add_jobs((select array_agg(row('${QUEUE}', '{}'::json, null, now() - interval '1 minute', 5, null, null, null)::graphile_worker.job_spec) from generate_series(1, ${n})))`);
      }
      await admin.query('analyze graphile_worker._private_jobs');
    },
    async drain(count) {
      const counter = countdown(count);
      const started = performance.now();
      const runner: Runner = await run({
        connectionString,
        concurrency: 10,
        maxPoolSize: connections,
        noHandleSignals: true,
        pollInterval: 100,
        logger: quietGraphileLogger(),
        taskList: { [QUEUE]: async () => counter.handled(1) },
        preset: { worker: { localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      });
      await counter.done;
      await runner.stop(); // flushes the batched completions
      const ms = performance.now() - started;
      const left = Number((await admin.query('select count(*) as n from graphile_worker._private_jobs')).rows[0].n);
      if (left > 0) throw new Error(`graphile-worker left ${left} jobs`);
      return ms;
    },
    async close() {
      await admin.end();
    },
  };
}

export async function pgBossDrain(connectionString: string, connections: number): Promise<PeerDrain> {
  const boss = new PgBoss({ connectionString, max: connections, schedule: false, supervise: false });
  boss.on('error', (error) => console.error('pg-boss:', error));
  await boss.start();
  await boss.createQueue(QUEUE);
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  return {
    label: 'pg-boss (batches of 1,000)',
    async fill(count) {
      await boss.deleteAllJobs(QUEUE);
      for (let from = 0; from < count; from += FILL_CHUNK) {
        await boss.insert(QUEUE, Array.from({ length: Math.min(FILL_CHUNK, count - from) }, () => ({ data: {} })));
      }
    },
    async drain(count) {
      const counter = countdown(count);
      const started = performance.now();
      const workers = await Promise.all(Array.from({ length: connections }, () =>
        boss.work(QUEUE, { batchSize: 1000, pollingIntervalSeconds: 0.5 }, async (jobs) => counter.handled(jobs.length))));
      await counter.done;
      await Promise.all(workers.map((id) => boss.offWork(QUEUE, { id, wait: true })));
      const ms = performance.now() - started;
      const queue = await boss.getQueue(QUEUE);
      if (queue && queue.queuedCount + queue.activeCount > 0) throw new Error(`pg-boss left ${queue.queuedCount + queue.activeCount} jobs`);
      return ms;
    },
    async close() {
      await admin.end();
      await boss.stop({ graceful: false, close: true });
    },
  };
}

function quietGraphileLogger() {
  // graphile-worker logs every start and stop at info; the benchmark prints its own lines.
  return new GraphileLogger(() => (level: string, message: string) => {
    if (level === 'error') console.error(`graphile-worker: ${message}`);
  });
}
