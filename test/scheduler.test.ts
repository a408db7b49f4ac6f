import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EntityManager } from '@mikro-orm/core';
import pg from 'pg';
import { JobRunner } from '../server/scheduling/job-runner.js';
import { JobScheduler, type JobRequest } from '../server/scheduling/job-scheduler.js';
import { useTestApp } from './support/lifecycle.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let sql: pg.Client;
afterAll(async () => sql?.end());
const context = useTestApp({ CLOCK: 'manual' });

beforeAll(async () => {
  sql = new pg.Client({ connectionString: context.db.url });
  await sql.connect();
  await sql.query('create table ran (job_id bigint, label text, at timestamptz, instance text)');
});

function record(instance = 'a') {
  return async (job: { id: string; payload: Record<string, unknown> }, ctx: { em: EntityManager; now: Date }) => {
    await ctx.em.getConnection().execute('insert into ran (job_id, label, at, instance) values (?, ?, ?, ?)', [job.id, job.payload.label, ctx.now, instance], 'run', ctx.em.getTransactionContext());
  };
}

async function schedule(app: TestApp, ...requests: JobRequest[]): Promise<void> {
  const scheduler = app.app.get(JobScheduler);
  await app.app.get(EntityManager).fork().transactional(async (em) => {
    for (const request of requests) scheduler.schedule(em, request);
  });
}

async function now(app: TestApp): Promise<Date> {
  return new Date((await app.call('GET', '/api/clock')).body.now);
}

describe('manual clock', () => {
  it('reads and advances the virtual time, refusing the past and bad input', async () => {
    const app = context.app;
    const start = await now(app);
    expect(Math.abs(start.getTime() - Date.now())).toBeLessThan(60_000);
    const moved = await app.call('POST', '/api/clock/advance', { by: 'P3D' });
    expect(moved.status).toBe(200);
    expect(new Date(moved.body.now).getTime() - start.getTime()).toBe(3 * 86_400_000);
    const target = new Date(start.getTime() + 4 * 86_400_000).toISOString();
    expect((await app.call('POST', '/api/clock/advance', { to: target })).body.now).toBe(target);
    const past = await app.call('POST', '/api/clock/advance', { to: start.toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('in the past');
    expect((await app.call('POST', '/api/clock/advance', { by: 'three days' })).status).toBe(400);
    expect((await app.call('POST', '/api/clock/advance', {})).status).toBe(400);
    expect((await app.call('POST', '/api/clock/advance', { by: 'P1D', to: target })).status).toBe(400);
    const tooFar = await app.call('POST', '/api/clock/advance', { to: '9999-12-31T23:59:59Z' });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body).toMatchObject({ code: 'clock.too_far', details: { field: 'to' } });
    expect((await app.call('POST', '/api/clock/advance', { by: 'P1828D' })).body).toMatchObject({ code: 'clock.too_far', details: { field: 'by' } });
    expect(await now(app)).toEqual(new Date(target));
  });

  it('runs every job due by the new time in due order, each at its own time, including jobs created within the window', async () => {
    const app = context.app;
    const runner = app.app.get(JobRunner);
    const scheduler = app.app.get(JobScheduler);
    runner.register('test.record', record());
    runner.register('test.chain', async (job, ctx) => {
      await record()(job, ctx);
      scheduler.schedule(ctx.em, { kind: 'test.record', dueAt: new Date(ctx.now.getTime() + 3_600_000), payload: { label: 'chained' } });
    });
    const t0 = await now(app);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await schedule(app,
      { kind: 'test.record', dueAt: at(120), payload: { label: 'third' } },
      { kind: 'test.record', dueAt: at(30), payload: { label: 'first' } },
      { kind: 'test.chain', dueAt: at(60), payload: { label: 'second' } },
      { kind: 'test.record', dueAt: at(24 * 60), payload: { label: 'exactly-at-the-end' } },
      { kind: 'test.record', dueAt: at(24 * 60 + 1), payload: { label: 'too-late' } },
    );
    await sql.query('delete from ran');
    await app.call('POST', '/api/clock/advance', { by: 'P1D' });
    const rows = (await sql.query('select label, at from ran order by at, job_id')).rows;
    expect(rows.map((r) => r.label)).toEqual(['first', 'second', 'third', 'chained', 'exactly-at-the-end']);
    expect(rows.map((r) => new Date(r.at).getTime())).toEqual([at(30), at(60), at(120), at(120), at(24 * 60)].map((d) => d.getTime()));
    await app.call('POST', '/api/clock/advance', { by: 'PT1M' });
    expect((await sql.query(`select count(*) from ran where label = 'too-late'`)).rows[0].count).toBe('1');
  });

  it('cancels pending jobs by key or key prefix', async () => {
    const app = context.app;
    app.app.get(JobRunner).register('test.record', record());
    const t0 = await now(app);
    const due = new Date(t0.getTime() + 3_600_000);
    await schedule(app,
      { kind: 'test.record', dueAt: due, payload: { label: 'keep' }, cancelKey: 'rule:1:record:8:' },
      { kind: 'test.record', dueAt: due, payload: { label: 'drop-a' }, cancelKey: 'rule:1:record:7:a' },
      { kind: 'test.record', dueAt: due, payload: { label: 'drop-b' }, cancelKey: 'rule:1:record:7:b' },
      { kind: 'test.record', dueAt: due, payload: { label: 'drop-exact' }, cancelKey: 'exact' },
    );
    const scheduler = app.app.get(JobScheduler);
    const cancelled = await app.app.get(EntityManager).fork().transactional(async (em) =>
      (await scheduler.cancel(em, 'rule:1:record:7:', { prefix: true })) + (await scheduler.cancel(em, 'exact')));
    expect(cancelled).toBe(3);
    await sql.query('delete from ran');
    await app.call('POST', '/api/clock/advance', { by: 'PT2H' });
    expect((await sql.query('select label from ran')).rows.map((r) => r.label)).toEqual(['keep']);
  });

  it('retries a failing job with back-off in virtual time and parks it as failed after the last attempt', async () => {
    const app = context.app;
    const tries: number[] = [];
    app.app.get(JobRunner).register('test.fail', async (_job, ctx) => {
      tries.push(ctx.now.getTime());
      throw new Error('receiver is down');
    });
    const t0 = await now(app);
    await schedule(app, { kind: 'test.fail', dueAt: t0, maxAttempts: 4 });
    await app.call('POST', '/api/clock/advance', { by: 'P1D' });
    expect(tries.map((t) => (t - t0.getTime()) / 1000)).toEqual([0, 30, 90, 210]);
    const job = (await sql.query(`select status, attempts, last_error from job where kind = 'test.fail'`)).rows[0];
    expect(job).toEqual({ status: 'failed', attempts: 4, last_error: 'receiver is down' });
  });

  it('keeps the writes of the other jobs in a batch when one throws, exactly once each', async () => {
    const app = context.app;
    const runner = app.app.get(JobRunner);
    runner.register('test.record', record());
    runner.register('test.throws', async (job, ctx) => {
      await record()(job, ctx);
      throw new Error('boom');
    });
    const t0 = await now(app);
    await sql.query('delete from ran');
    await schedule(app,
      { kind: 'test.record', dueAt: t0, payload: { label: 'before' } },
      { kind: 'test.throws', dueAt: t0, payload: { label: 'thrower' }, maxAttempts: 1 },
      { kind: 'test.record', dueAt: t0, payload: { label: 'after' } },
    );
    await runner.runDue();
    expect((await sql.query('select label from ran order by job_id')).rows.map((r) => r.label)).toEqual(['before', 'after']);
    expect((await sql.query(`select status, last_error from job where kind = 'test.throws'`)).rows[0]).toEqual({ status: 'failed', last_error: 'boom' });
  });

  it('claims a lane (deliveries) apart: a slow job of a lane does not hold the other jobs back', async () => {
    const app = context.app;
    const runner = app.app.get(JobRunner);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    runner.registerBatch('test.slow', async () => {
      entered = true;
      await released;
      return new Map();
    }, { lane: 'test-lane' });
    runner.register('test.record', record());
    expect(runner.lanes()).toEqual(['default', 'delivery', 'test-lane']);
    await sql.query('delete from ran');
    const t0 = await now(app);
    await schedule(app, { kind: 'test.slow', dueAt: t0 }, { kind: 'test.record', dueAt: t0, payload: { label: 'beside' } });
    const waitFor = async (what: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 25));
      return what();
    };
    expect(await waitFor(() => entered)).toBe(true);
    // The slow lane's claim is still open; the default lane ran and committed its job meanwhile.
    expect(await waitFor(async () => (await sql.query(`select 1 from ran where label = 'beside'`)).rows.length === 1)).toBe(true);
    expect((await sql.query(`select status from job where kind = 'test.slow'`)).rows[0].status).toBe('pending');
    release();
    expect(await waitFor(async () => (await sql.query(`select status from job where kind = 'test.slow'`)).rows[0].status === 'done')).toBe(true);
  });

  it('hands the new detached jobs a batch writes to runs that start when its claim commits, gives the slot back when it rolls back, and writes them pending with no slot free', async () => {
    const app = context.app;
    const runner = app.app.get(JobRunner);
    const handled: string[] = [];
    runner.registerDetachedBatch('test.handed', async (jobs) => {
      handled.push(...jobs.map((job) => String(job.payload.label)));
      return async () => new Map();
    }, { batchSize: 5, concurrency: 1, leaseMs: 60_000, lane: 'test-handed' });
    const leases: (Date | undefined)[] = [];
    runner.registerBatch('test.handing', async (jobs, { em, now, handOff }) => {
      for (const job of jobs) {
        const lease = handOff?.lease('test.handed');
        leases.push(lease?.lockedUntil);
        const [row] = await em.getConnection().execute(`insert into "job" ("kind", "payload", "due_at", "status", "attempts", "max_attempts", "locked_until", "created_at")
          values ('test.handed', ?, ?, ?, 0, 5, ?, ?) returning "id"`, [JSON.stringify({ label: job.payload.label }), now, lease ? 'running' : 'pending', lease?.lockedUntil ?? null, now], 'all', em.getTransactionContext());
        lease?.add([{ id: String(row.id), kind: 'test.handed', payload: { label: job.payload.label }, dueAt: now, attempt: 1, maxAttempts: 5 }]);
        if (job.payload.fail) throw new Error('rolled back');
      }
      return new Map();
    });
    const handedJobs = async () => (await sql.query(`select payload->>'label' as label, status from job where kind = 'test.handed' order by id`)).rows;

    await schedule(app, { kind: 'test.handing', dueAt: await now(app), payload: { label: 'first' } });
    await app.call('POST', '/api/clock/advance', { by: 'PT1S' });
    // Written running and leased, and run after the commit: no claim of the lane took it.
    expect(leases).toHaveLength(1);
    expect(leases[0]).toBeInstanceOf(Date);
    expect(handled).toEqual(['first']);
    expect(await handedJobs()).toEqual([{ label: 'first', status: 'done' }]);

    // Rolled back with its batch: its run never starts, and the slot is free for the next one.
    await schedule(app, { kind: 'test.handing', dueAt: await now(app), payload: { label: 'broken', fail: true }, maxAttempts: 1 });
    await app.call('POST', '/api/clock/advance', { by: 'PT1S' });
    expect(handled).toEqual(['first']);
    expect(await handedJobs()).toEqual([{ label: 'first', status: 'done' }]);
    await schedule(app, { kind: 'test.handing', dueAt: await now(app), payload: { label: 'second' } });
    await app.call('POST', '/api/clock/advance', { by: 'PT1S' });
    expect(leases[2]).toBeInstanceOf(Date);
    expect(handled).toEqual(['first', 'second']);

    // One run slot: a second lease asked for while the first holds it is refused, and that job is
    // written pending and claimed by its lane.
    leases.length = 0;
    await schedule(app, { kind: 'test.handing', dueAt: await now(app), payload: { label: 'third' } }, { kind: 'test.handing', dueAt: await now(app), payload: { label: 'fourth' } });
    await app.call('POST', '/api/clock/advance', { by: 'PT1S' });
    expect(leases.map((lease) => lease instanceof Date)).toEqual([true, false]);
    expect(handled.slice(2).sort()).toEqual(['fourth', 'third']);
    expect((await handedJobs()).map((job) => job.status)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('keeps the virtual time across a restart and shares it between instances', async () => {
    const before = await now(context.app);
    const other = await startTestApp({ DATABASE_URL: context.db.url, CLOCK: 'manual' });
    try {
      expect(await now(other)).toEqual(before);
      await other.call('POST', '/api/clock/advance', { by: 'PT5H' });
      expect((await now(context.app)).getTime()).toBe(before.getTime() + 5 * 3_600_000);
    } finally {
      await other.close();
    }
  });

  it('lets two instances drain one backlog without running any job twice', async () => {
    const a = context.app;
    const b = await startTestApp({ DATABASE_URL: context.db.url, CLOCK: 'manual' });
    try {
      a.app.get(JobRunner).register('test.record', record('a'));
      b.app.get(JobRunner).register('test.record', record('b'));
      const t0 = await now(a);
      const jobs = Array.from({ length: 400 }, (_, i) => ({ kind: 'test.record', dueAt: new Date(t0.getTime() - 1000), payload: { label: `backlog-${i}` } }));
      await sql.query('delete from ran');
      await schedule(a, ...jobs);
      const [na, nb] = await Promise.all([a.app.get(JobRunner).runDue(20), b.app.get(JobRunner).runDue(20)]);
      // The instances' own pollers may still hold a last batch: wait until the backlog is gone.
      for (let i = 0; i < 100 && Number((await sql.query(`select count(*) from job where status = 'pending' and kind = 'test.record'`)).rows[0].count) > 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const rows = (await sql.query(`select label, instance from ran where label like 'backlog-%'`)).rows;
      expect(rows).toHaveLength(400);
      expect(new Set(rows.map((r) => r.label)).size).toBe(400);
      expect(na + nb).toBeLessThanOrEqual(400);
      // Which instance ran how many depends on timing (a poller may claim the whole backlog at
      // once on a loaded machine); what must hold is that none ran twice and none was lost.
    } finally {
      await b.close();
    }
  });
});

describe('real clock', () => {
  // A database of its own: a manual-clock instance far in virtual time would claim these jobs.
  const real = useTestApp();

  it('answers 404 on the clock routes', async () => {
    expect((await real.app.call('GET', '/api/clock')).status).toBe(404);
    expect((await real.app.call('POST', '/api/clock/advance', { by: 'P1D' })).status).toBe(404);
  });

  it('commits the writes of a detached run that answers a retry, and counts the back-off from the end of the run', async () => {
    const app = real.app;
    const connection = app.app.get(EntityManager).getConnection();
    await connection.execute('create table detached_ran (job_id bigint)');
    let ended = 0;
    // The slow work is real time here: the back-off must start when the run ended, not when it was claimed.
    app.app.get(JobRunner).registerDetached('test.slow-retry', async (job) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      ended = Date.now();
      return async (em) => {
        await em.getConnection().execute('insert into detached_ran (job_id) values (?)', [job.id], 'run', em.getTransactionContext());
        return { retry: 'try again' };
      };
    }, { concurrency: 1, leaseMs: 60_000 });
    await schedule(app, { kind: 'test.slow-retry', dueAt: new Date(), maxAttempts: 3 });
    const deadline = Date.now() + 10_000;
    let job: { id: string; status: string; attempts: number; last_error: string; due_at: Date } | undefined;
    while (Date.now() < deadline) {
      [job] = await connection.execute(`select "id", "status", "attempts", "last_error", "due_at" from "job" where "kind" = 'test.slow-retry'`);
      if (job?.attempts === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'try again' });
    expect(new Date(job!.due_at).getTime()).toBeGreaterThanOrEqual(ended + 30_000);
    expect(await connection.execute('select job_id from detached_ran')).toEqual([{ job_id: job!.id }]);
  });

  it('renews the lease of a detached batch run that takes longer than it, and commits only for the jobs still its own', async () => {
    const app = real.app;
    const connection = app.app.get(EntityManager).getConnection();
    await connection.execute('create table batch_ran (job_id bigint)');
    let taken: string | undefined;
    app.app.get(JobRunner).registerDetachedBatch('test.long-batch', async (jobs) => {
      // Another instance takes one job over (its lease ran out there, say) while this run goes on.
      taken = jobs[0]!.id;
      await connection.execute(`update "job" set "locked_until" = now() + interval '1 hour' where "id" = ?`, [taken]);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return async (em, owned) => {
        for (const id of owned) await em.getConnection().execute('insert into batch_ran (job_id) values (?)', [id], 'run', em.getTransactionContext());
        return new Map();
      };
    }, { batchSize: 3, concurrency: 1, leaseMs: 600, renew: true });
    await schedule(app, ...[1, 2, 3].map(() => ({ kind: 'test.long-batch', dueAt: new Date() })));
    const deadline = Date.now() + 15_000;
    let jobs: { id: string; status: string; attempts: number }[] = [];
    while (Date.now() < deadline) {
      jobs = await connection.execute(`select "id", "status", "attempts" from "job" where "kind" = 'test.long-batch' order by "id"`);
      if (jobs.filter((job) => job.status === 'done').length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The run took over three times its lease, yet no job was taken to be lost: the lease was renewed.
    expect(jobs.map((job) => (job.id === taken ? { status: 'running', attempts: 0 } : { status: 'done', attempts: 1 }))).toEqual(jobs.map(({ status, attempts }) => ({ status, attempts })));
    const ran = (await connection.execute('select job_id from batch_ran order by job_id')).map((row: { job_id: string }) => String(row.job_id));
    expect(ran).toEqual(jobs.filter((job) => job.id !== taken).map((job) => String(job.id)));
  });

  it('runs handed-off jobs at a time after they were written, not at the time their claim began', async () => {
    const app = real.app;
    const runner = app.app.get(JobRunner);
    let written = 0;
    let ranAt: Date | undefined;
    runner.registerDetachedBatch('test.handed-real', async (_jobs, { now }) => {
      ranAt = now;
      return async () => new Map();
    }, { batchSize: 5, concurrency: 1, leaseMs: 60_000 });
    runner.registerBatch('test.handing-real', async (jobs, { em, now, handOff }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const lease = handOff!.lease('test.handed-real')!;
      const [row] = await em.getConnection().execute(`insert into "job" ("kind", "payload", "due_at", "status", "attempts", "max_attempts", "locked_until", "created_at")
        values ('test.handed-real', '{}', ?, 'running', 0, 5, ?, ?) returning "id"`, [now, lease.lockedUntil, new Date()], 'all', em.getTransactionContext());
      written = Date.now();
      lease.add([{ id: String(row.id), kind: 'test.handed-real', payload: {}, dueAt: now, attempt: 1, maxAttempts: 5 }]);
      return new Map(jobs.map((job) => [job.id, undefined]));
    });
    await schedule(app, { kind: 'test.handing-real', dueAt: new Date() });
    const deadline = Date.now() + 10_000;
    while (!ranAt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(ranAt!.getTime()).toBeGreaterThanOrEqual(written);
  });

  it('parks a detached job whose last attempt outlived its lease, and lets its kind fail what it was for', async () => {
    const app = real.app;
    const connection = app.app.get(EntityManager).getConnection();
    const parked: string[] = [];
    app.app.get(JobRunner).registerDetachedBatch('test.lost', async () => async () => new Map(), {
      batchSize: 10, concurrency: 1, leaseMs: 1000, onParked: async (_em, jobs) => void parked.push(...jobs.map((job) => job.id)),
    });
    const [lost] = await connection.execute(`insert into "job" ("kind", "payload", "due_at", "status", "attempts", "max_attempts", "locked_until", "created_at")
      values ('test.lost', '{}', now(), 'running', 2, 3, now() - interval '1 second', now()) returning "id"`);
    await app.app.get(JobRunner).runDue(10, undefined, { waitForDetached: false });
    const [job] = await connection.execute(`select "status", "attempts", "last_error" from "job" where "id" = ?`, [lost.id]);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: expect.stringContaining('did not finish within its lease') });
    expect(parked).toEqual([String(lost.id)]);
  });

  it('runs a job within a second of its due time', async () => {
    const app = real.app;
    {
      let ranAt = 0;
      app.app.get(JobRunner).register('test.timely', async () => {
        ranAt = Date.now();
      });
      const due = Date.now() + 500;
      await schedule(app, { kind: 'test.timely', dueAt: new Date(due) });
      const deadline = Date.now() + 5000;
      while (!ranAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(ranAt).toBeGreaterThanOrEqual(due);
      expect(ranAt - due).toBeLessThan(1000);
    }
  });
});
