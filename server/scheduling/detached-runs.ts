import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../clock/clock.js';
import { sqlArray } from '../common/sql-array.js';
import { jobPayload, type ClaimedJob } from './claimed-job.js';

/**
 * A job whose work is slow (a script in its sandbox, an HTTP call): it runs outside any
 * transaction. It reads what it needs (each read a short statement of its own), does its work, and
 * answers the writes to commit; the runner commits them in one short transaction together with the
 * job's completion. The writes may answer `{ retry: reason }`: they commit all the same (e.g. a
 * recorded delivery error) and the job is due again after the back-off, or parked as failed after
 * its last attempt. A handler that throws commits nothing and is retried the same way.
 */
export type DetachedJobHandler = (job: ClaimedJob, context: DetachedContext) => Promise<DetachedWrites>;

export type DetachedWrites = (em: EntityManager) => Promise<void | { retry: string }>;

/**
 * The same for many jobs of one kind at once (e.g. e-mails sent concurrently): the writes get the
 * ids of the jobs still this run's (a job whose lease was lost to another instance must not be
 * written for) and answer an outcome per job id (missing ids count as done).
 */
export type DetachedBatchHandler = (jobs: ClaimedJob[], context: DetachedBatchContext) => Promise<DetachedBatchWrites>;

export type DetachedBatchWrites = (em: EntityManager, owned: ReadonlySet<string>) => Promise<Map<string, { retry: string } | undefined>>;

export interface DetachedBatchContext {
  /** For reads outside any transaction. */
  em: EntityManager;
  now: Date;
}

export interface DetachedContext extends DetachedBatchContext {
  attempt: number;
  lastAttempt: boolean;
}

export interface DetachedOptions {
  /** Runs of this kind at once in this instance; more due jobs wait in the table. */
  concurrency: number;
  /** How long a run may take before the job is taken to be lost (its instance died) and due again. */
  leaseMs: number;
  /** Jobs one run takes (1 unless the handler is a batch handler). */
  batchSize?: number;
  /** Extends the lease while the run goes on, so only a run whose instance stopped loses it. */
  renew?: boolean;
  /** Jobs parked as failed because their last attempt's lease ran out, in that transaction (e.g. to fail what they were for). */
  onParked?: (em: EntityManager, jobs: ClaimedJob[], now: Date) => Promise<void>;
}

export interface Leased {
  jobs: ClaimedJob[];
  kind: string;
  /** The fence: the jobs are this run's while their `locked_until` is this. */
  lockedUntil: Date;
}

interface Kind {
  handle: DetachedBatchHandler;
  options: DetachedOptions;
  running: number;
}

/** Tries of a run's final commit while the database is away (the work done is not thrown away lightly). */
const COMMIT_TRIES = [0, 250, 1_000, 2_000, 4_000];

/**
 * The detached jobs of one instance. A claim leases them (`status = 'running'`, `locked_until`)
 * in its transaction and they start once it has committed, so no transaction or connection is held
 * while they compute. Completion is fenced by the lease: the writes commit only while the job is
 * still this run's (same `locked_until`), so a run that outlived its lease, after another instance
 * took the job again, changes nothing, and a crash between lease and completion loses nothing.
 */
export class DetachedRuns {
  private readonly logger = new Logger('DetachedJobs');
  private readonly kinds = new Map<string, Kind>();
  private readonly inflight = new Set<Promise<void>>();
  /** Keeps two leases taken in the same millisecond apart. */
  private leaseSerial = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly retryDelayMs: (attempts: number) => number,
    private readonly clock: Clock,
  ) {}

  register(kind: string, handle: DetachedJobHandler, options: DetachedOptions): void {
    const batch: DetachedBatchHandler = async ([job], context) => {
      const writes = await handle(job!, { ...context, attempt: job!.attempt, lastAttempt: job!.attempt >= job!.maxAttempts });
      return async (em) => new Map([[job!.id, (await writes(em)) ?? undefined]]);
    };
    this.kinds.set(kind, { handle: batch, options: { ...options, batchSize: 1 }, running: 0 });
  }

  registerBatch(kind: string, handle: DetachedBatchHandler, options: DetachedOptions): void {
    this.kinds.set(kind, { handle, options, running: 0 });
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  /** Kinds with every slot taken: a claim leaves their jobs where they are. */
  full(): string[] {
    return [...this.kinds].filter(([, kind]) => kind.running >= kind.options.concurrency).map(([name]) => name);
  }

  get running(): number {
    return this.inflight.size;
  }

  /** Leases as many of the claimed jobs as there are free slots, in the claim's transaction; the rest stay pending. */
  async lease(em: EntityManager, jobs: readonly ClaimedJob[]): Promise<Leased[]> {
    const leased: Leased[] = [];
    const byKind = new Map<string, ClaimedJob[]>();
    for (const job of jobs) {
      const same = byKind.get(job.kind);
      if (same) same.push(job);
      else byKind.set(job.kind, [job]);
    }
    for (const [name, waiting] of byKind) {
      for (let at = 0; at < waiting.length;) {
        const slot = this.reserve(name);
        if (!slot) break;
        slot.lease.jobs.push(...waiting.slice(at, at + slot.room));
        leased.push(slot.lease);
        at += slot.room;
      }
    }
    for (const { jobs: batch, lockedUntil } of leased) {
      await em.getConnection().execute(`update "job" set "status" = 'running', "locked_until" = ? where "id" = any(?::bigint[])`,
        [lockedUntil, sqlArray(batch.map((job) => job.id))], 'run', em.getTransactionContext());
    }
    return leased;
  }

  /**
   * A run slot of `kind`, taken now, with the lease its jobs get and how many fit; undefined when no
   * slot is free. For claimed jobs (`lease`) and for jobs a claim is about to write already leased
   * (`JobRunner`'s hand-off).
   */
  reserve(kind: string): { lease: Leased; room: number } | undefined {
    const detached = this.kinds.get(kind);
    if (!detached || detached.running >= detached.options.concurrency) return undefined;
    detached.running += 1;
    return { lease: { jobs: [], kind, lockedUntil: this.leaseEnd(detached) }, room: detached.options.batchSize ?? 1 };
  }

  /** Gives back the slots of leases whose claim was rolled back. */
  release(leased: readonly Leased[]): void {
    for (const { kind } of leased) this.kinds.get(kind)!.running -= 1;
  }

  /** Starts the leased runs; call after the claim has committed. A reserved slot no job was written for is given back. */
  start(leased: readonly Leased[], now: Date): void {
    for (const lease of leased) {
      if (lease.jobs.length === 0) {
        this.release([lease]);
        continue;
      }
      const run: Promise<void> = this.run(lease, now).finally(() => {
        this.kinds.get(lease.kind)!.running -= 1;
        this.inflight.delete(run);
      });
      this.inflight.add(run);
    }
  }

  /** Resolves when one run in progress has finished (at once when none runs). */
  async one(): Promise<void> {
    if (this.inflight.size > 0) await Promise.race(this.inflight);
  }

  /** Resolves when every run in progress has finished. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /**
   * Leases past their time (their instance died mid-run) count as a failed attempt and make the job
   * due again; after the last attempt the job is parked as failed and its kind hears of it.
   */
  async expireLost(): Promise<void> {
    const sql = `update "job" set "status" = case when "attempts" + 1 >= "max_attempts" then 'failed' else 'pending' end,
         "finished_at" = case when "attempts" + 1 >= "max_attempts" then "locked_until" else null end,
         "attempts" = "attempts" + 1, "locked_until" = null, "last_error" = 'its run did not finish within its lease (its instance stopped)'
       where "status" = 'running' and "locked_until" <= ?`;
    const now = new Date();
    // Nearly always nothing has expired: a look at the lease index, no transaction (every tick runs this).
    const expired = await this.em.getConnection().execute(`select 1 from "job" where "status" = 'running' and "locked_until" <= ? limit 1`, [now], 'all');
    if (expired.length === 0) return;
    const watched = [...this.kinds].filter(([, kind]) => kind.options.onParked);
    if (watched.length === 0) {
      await this.em.getConnection().execute(sql, [now], 'run');
      return;
    }
    await this.em.fork().transactional(async (em) => {
      const rows: ParkedRow[] = await em.getConnection().execute(`${sql} returning "id", "kind", "payload", "status", "attempts", "max_attempts", "due_at"`,
        [now], 'all', em.getTransactionContext());
      for (const [name, kind] of watched) {
        const parked = rows.filter((row) => row.kind === name && row.status === 'failed').map(parkedJob);
        if (parked.length > 0) await kind.options.onParked!(em, parked, this.clock.now());
      }
    });
  }

  private async run(lease: Leased, now: Date): Promise<void> {
    const kind = this.kinds.get(lease.kind)!;
    const keeper = kind.options.renew ? new LeaseKeeper(this.em, lease, () => this.leaseEnd(kind), kind.options.leaseMs / 3, this.logger) : undefined;
    try {
      let writes: DetachedBatchWrites | undefined;
      let error = '';
      try {
        writes = await kind.handle(lease.jobs, { em: this.em.fork(), now });
      } catch (thrown) {
        error = (thrown as Error).message ?? String(thrown);
      }
      await keeper?.stop();
      await this.commit(lease, now, async (em, owned) => {
        if (!writes) {
          for (const job of lease.jobs) if (owned.has(job.id)) await this.recordFailure(em, job, error, now);
          return;
        }
        const outcomes = await writes(em, owned);
        await em.flush();
        for (const job of lease.jobs) {
          const outcome = owned.has(job.id) ? outcomes.get(job.id) : undefined;
          if (outcome) await this.recordFailure(em, job, outcome.retry, now);
        }
      });
    } finally {
      await keeper?.stop();
    }
  }

  /**
   * Commits the run's end, fenced by the lease: the jobs still this run's are marked done (and
   * locked) first, in one statement, then the run's writes go in and a job they answer a retry for
   * is recorded as failed instead. Tries again a few times while the database is away.
   */
  private async commit(lease: Leased, now: Date, write: (em: EntityManager, owned: ReadonlySet<string>) => Promise<void>): Promise<void> {
    let last: unknown;
    for (const delay of COMMIT_TRIES) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        const owned = await this.em.fork().transactional(async (em) => {
          const ours = await this.completeOurs(em, lease, now);
          if (ours.size > 0) await write(em, ours);
          return ours;
        });
        if (owned.size < lease.jobs.length) this.logger.warn(`${lease.jobs.length - owned.size} ${lease.kind} job(s) outlived their lease; another run took them over`);
        return;
      } catch (thrown) {
        last = thrown;
      }
    }
    // The lease runs out and the jobs are due again: nothing is lost.
    this.logger.error(`${lease.kind}: the end of a run could not be recorded: ${(last as Error).message ?? String(last)}`);
  }

  /**
   * A failed attempt: due again after the back-off, counted from when the attempt ended (a slow
   * attempt does not eat into it), or parked as failed after the last attempt.
   */
  private async recordFailure(em: EntityManager, job: ClaimedJob, error: string, now: Date): Promise<void> {
    const parked = job.attempt >= job.maxAttempts;
    if (parked) this.logger.warn(`Job ${job.id} (${job.kind}) failed after ${job.attempt} attempts: ${error}`);
    const ended = Math.max(now.getTime(), this.clock.now().getTime());
    await em.getConnection().execute(
      `update "job" set "status" = ?, "attempts" = ?, "due_at" = ?, "finished_at" = ?, "last_error" = ?, "locked_until" = null where "id" = ?`,
      [parked ? 'failed' : 'pending', job.attempt, parked ? job.dueAt : new Date(ended + this.retryDelayMs(job.attempt)), parked ? now : null, error, job.id],
      'run', em.getTransactionContext());
  }

  /** Marks the lease's jobs that are still this run's as done (locking them until the commit); answers their ids. */
  private async completeOurs(em: EntityManager, lease: Leased, now: Date): Promise<Set<string>> {
    const rows: { id: string }[] = await em.getConnection().execute(
      `update "job" set "status" = 'done', "attempts" = "attempts" + 1, "finished_at" = ?, "last_error" = null, "locked_until" = null
        where "id" = any(?::bigint[]) and "status" = 'running' and "locked_until" = ? returning "id"`,
      [now, sqlArray(lease.jobs.map((job) => job.id)), lease.lockedUntil], 'all', em.getTransactionContext());
    return new Set(rows.map((row) => String(row.id)));
  }

  private leaseEnd(kind: Kind): Date {
    this.leaseSerial = (this.leaseSerial + 1) % 1000;
    return new Date(Date.now() + kind.options.leaseMs + this.leaseSerial);
  }
}

/** Moves a lease's end forward every so often while its run goes on; `stop` waits for a renewal under way. */
class LeaseKeeper {
  private readonly timer: ReturnType<typeof setInterval>;
  private renewing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly lease: Leased,
    private readonly nextEnd: () => Date,
    everyMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => {
      this.renewing = this.renewing.then(() => this.renew());
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.renewing;
  }

  private async renew(): Promise<void> {
    if (this.stopped) return;
    const until = this.nextEnd();
    try {
      await this.em.getConnection().execute(
        `update "job" set "locked_until" = ? where "id" = any(?::bigint[]) and "status" = 'running' and "locked_until" = ?`,
        [until, sqlArray(this.lease.jobs.map((job) => job.id)), this.lease.lockedUntil], 'run');
      // Jobs another run took over keep their own lease and are not this run's under either value.
      this.lease.lockedUntil = until;
    } catch (error) {
      // The database is away: the lease may run out, and the jobs are then run again elsewhere.
      this.logger.warn(`${this.lease.kind}: a lease could not be renewed: ${(error as Error).message}`);
    }
  }
}

interface ParkedRow {
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  status: string;
  attempts: number;
  max_attempts: number;
  due_at: Date;
}

function parkedJob(row: ParkedRow): ClaimedJob {
  return {
    id: String(row.id), kind: row.kind, payload: jobPayload(row.payload),
    dueAt: new Date(row.due_at), attempt: row.attempts, maxAttempts: row.max_attempts,
  };
}

/** `kind <> all(…)` for a claim that leaves out the kinds with no free slot. */
export function excludedKinds(kinds: readonly string[]): { sql: string; params: string[] } {
  return kinds.length === 0 ? { sql: '', params: [] } : { sql: ` and "kind" <> all(?::text[])`, params: [sqlArray(kinds)] };
}
