import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { sqlArray } from '../common/sql-array.js';
import { executeBound } from '../common/bound-sql.js';
import { DetachedRuns, excludedKinds, type DetachedBatchHandler, type DetachedJobHandler, type DetachedOptions, type Leased } from './detached-runs.js';

import { jobPayload, type ClaimedJob } from './claimed-job.js';
import { ClaimHandOff, type HandOff } from './hand-off.js';

export type { ClaimedJob, HandOff };

export interface JobContext {
  em: EntityManager;
  now: Date;
  attempt: number;
  lastAttempt: boolean;
}

/**
 * Runs one job inside the claiming transaction. Throwing rolls back the handler's writes and
 * retries later; returning `{ retry: reason }` keeps its writes (e.g. a recorded delivery error)
 * and retries later all the same.
 */
export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<void | { retry: string }>;

/**
 * Runs many jobs of one kind at once (e.g. deliveries sent concurrently over a connection pool),
 * in one savepoint; answers an outcome per job id (missing ids count as done).
 */
export type BatchJobHandler = (jobs: ClaimedJob[], context: Omit<JobContext, 'attempt' | 'lastAttempt'> & { handOff?: HandOff }) => Promise<Map<string, { retry: string } | undefined>>;

export interface BatchHandlerOptions {
  /**
   * Jobs of a named lane are claimed apart from all others, by a poller loop of their own: e.g.
   * deliveries, waiting on SMTP round trips, run beside the steps that write the next messages.
   */
  lane?: string;
}

/** Which kinds a claim takes: all (`undefined`), one lane's, or the default lane's (every kind of no named lane). */
export type Lane = string | undefined;
export const DEFAULT_LANE = 'default';

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Outcome = { ok: true } | { ok: false; error: string };
const SUCCEEDED: Outcome = Object.freeze({ ok: true });

interface JobRowSql {
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  due_ms: number;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims due jobs in batches (`FOR UPDATE SKIP LOCKED`, oldest due first) and runs their handlers
 * in the claiming transaction. Consecutive database-only jobs share one savepoint; if one of them
 * throws, that group is rolled back and rerun a job at a time. A failure rolls back only that job's
 * writes, records the error and retries with back-off; after the last attempt the job is parked as failed.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();
  private readonly laneOf = new Map<string, string>();
  private readonly detached: DetachedRuns;
  /** The `runDue` calls under way (shutdown waits for them); `stopping`: no new batch starts. */
  private readonly active = new Set<Promise<number>>();
  private stopping = false;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {
    this.detached = new DetachedRuns(em, retryDelayMs, clock);
  }

  /** A kind whose effects stay in the database (an effect outside it, like SMTP or HTTP, is a detached kind). */
  register(kind: string, handle: JobHandler): void {
    this.handlers.set(kind, handle);
  }

  registerBatch(kind: string, handle: BatchJobHandler, options: BatchHandlerOptions = {}): void {
    this.batchHandlers.set(kind, handle);
    this.placeInLane(kind, options.lane);
  }

  private placeInLane(kind: string, lane: string | undefined): void {
    if (lane && lane !== DEFAULT_LANE) this.laneOf.set(kind, lane);
  }

  /** The lanes a poller runs side by side: the default lane and every named one. */
  lanes(): string[] {
    return [DEFAULT_LANE, ...new Set(this.laneOf.values())];
  }

  /** The claim's condition on "kind" for a lane, with its parameter. */
  private kindFilter(lane: Lane): { sql: string; params: unknown[] } {
    if (lane === undefined || this.laneOf.size === 0) return { sql: '', params: [] };
    const named = [...this.laneOf].filter(([, l]) => l === lane).map(([kind]) => kind);
    if (lane !== DEFAULT_LANE) return named.length === 1 ? { sql: ' and "kind" = ?', params: named } : { sql: ' and "kind" = any(?::text[])', params: [sqlArray(named)] };
    return { sql: ' and not ("kind" = any(?::text[]))', params: [sqlArray(this.laneOf.keys())] };
  }

  /**
   * A kind whose work is slow (a sandboxed script, an HTTP call): its jobs are leased by the claim and run after
   * it has committed, outside any transaction, a few at a time (see DetachedRuns).
   */
  registerDetached(kind: string, handle: DetachedJobHandler, options: DetachedOptions): void {
    this.detached.register(kind, handle, options);
  }

  /**
   * The same for a kind whose runs take many jobs at once (e-mails sent concurrently), in runs of
   * `batchSize`, `concurrency` runs at a time, in its own lane if it names one.
   */
  registerDetachedBatch(kind: string, handle: DetachedBatchHandler, options: DetachedOptions & BatchHandlerOptions): void {
    this.detached.registerBatch(kind, handle, options);
    this.placeInLane(kind, options.lane);
  }

  /**
   * Claims and runs one batch of jobs due by now; returns how many it took. A claim of
   * database-only jobs first runs without savepoints; if one of them throws, that claim is rolled
   * back whole and claimed again to run carefully (savepoints, each failure recorded on its job).
   */
  async runBatch(limit = 500, lane?: Lane): Promise<number> {
    const now = this.clock.now();
    try {
      return await this.claimInTransaction(now, limit, true, lane);
    } catch (error) {
      if (!(error instanceof OptimisticRunFailed)) throw error;
      return this.claimInTransaction(now, limit, false, lane);
    }
  }

  /** One claim; the detached jobs it leased start once it has committed. */
  private async claimInTransaction(now: Date, limit: number, optimistic: boolean, lane: Lane): Promise<number> {
    let leased: Leased[] = [];
    const handOff = new ClaimHandOff(this.detached);
    try {
      const count = await this.em.fork().transactional(async (em) => {
        const claim = await this.claimAndRun(em, now, limit, optimistic, lane, handOff);
        leased = claim.leased;
        return claim.count;
      });
      this.detached.start(leased, now);
      // Handed-off jobs were written during the claim: their run's time is now, after them.
      this.detached.start(handOff.leases, this.clock.now());
      return count;
    } catch (error) {
      this.detached.release([...leased, ...handOff.leases]);
      throw error;
    }
  }

  private async claimAndRun(em: EntityManager, now: Date, limit: number, optimistic: boolean, lane: Lane, handOff: HandOff): Promise<{ count: number; leased: Leased[] }> {
    const kinds = this.kindFilter(lane);
    const busy = excludedKinds(this.detached.full());
    const rows: JobRowSql[] = await em.getConnection().execute(
      // The due time as epoch milliseconds: parsing a timestamp per row is a good part of a claim's cost.
      `select "id", "kind", "payload", (extract(epoch from "due_at") * 1000)::float8 as "due_ms", "attempts", "max_attempts" from "job"
        where "status" = 'pending' and "due_at" <= ?${kinds.sql}${busy.sql} order by "due_at", "id" limit ? for update skip locked`,
      [now, ...kinds.params, ...busy.params, limit], 'all', em.getTransactionContext());
    const claimed = rows.map(toClaimedJob);
    const leased = await this.detached.lease(em, claimed.filter((job) => this.detached.has(job.kind)));
    const jobs = claimed.filter((job) => !this.detached.has(job.kind));
    const outcomes = new Map<string, Outcome>();
    // A single job gains nothing from it: it runs under its own savepoint, once per attempt.
    if (optimistic && jobs.length > 1 && jobs.every((job) => this.isDatabaseOnly(job.kind))) {
      await this.runOptimistically(em, jobs, now, outcomes);
    } else {
      await this.runCarefully(em, jobs, now, outcomes, handOff);
    }
    await this.record(em, jobs, outcomes, now);
    return { count: jobs.length + leased.reduce((n, lease) => n + lease.jobs.length, 0), leased };
  }

  /** A job whose effects stay in the database: rolling back its claim undoes all it did. */
  private isDatabaseOnly(kind: string): boolean {
    return this.handlers.has(kind);
  }

  /**
   * Runs database-only jobs in the claim's transaction without savepoints; a throw aborts the whole
   * claim. The handlers are called here directly, one await per job: at 100,000 no-op jobs a second,
   * each further async layer per job (its promise, its resumption, its garbage) is a measurable share.
   */
  private async runOptimistically(em: EntityManager, jobs: readonly ClaimedJob[], now: Date, outcomes: Map<string, Outcome>): Promise<void> {
    try {
      for (const job of jobs) {
        const result = await this.handlers.get(job.kind)!(job, { em, now, attempt: job.attempt, lastAttempt: job.attempt >= job.maxAttempts });
        outcomes.set(job.id, result ? { ok: false, error: result.retry } : SUCCEEDED);
      }
    } catch (error) {
      throw new OptimisticRunFailed(error);
    }
  }

  private async runCarefully(em: EntityManager, jobs: ClaimedJob[], now: Date, outcomes: Map<string, Outcome>, handOff?: HandOff): Promise<void> {
    let group: ClaimedJob[] = [];
    const byBatchKind = new Map<string, ClaimedJob[]>();
    for (const job of jobs) {
      if (this.batchHandlers.has(job.kind)) {
        const same = byBatchKind.get(job.kind);
        if (same) same.push(job);
        else byBatchKind.set(job.kind, [job]);
      } else {
        group.push(job);
      }
    }
    await this.runGroup(em, group, now, outcomes);
    for (const [kind, batch] of byBatchKind) await this.runBatchHandler(em, kind, batch, now, outcomes, handOff);
  }

  /**
   * Runs batches (of every kind, or of one lane's kinds) until nothing this instance can claim is
   * due; with `waitForDetached` (the manual clock's settling) also until the detached runs it started
   * have finished.
   */
  async runDue(limit = 500, lane?: Lane, { waitForDetached = true } = {}): Promise<number> {
    if (this.stopping) return 0;
    const run = this.drainDue(limit, lane, waitForDetached);
    this.active.add(run);
    try {
      return await run;
    } finally {
      this.active.delete(run);
    }
  }

  private async drainDue(limit: number, lane: Lane, waitForDetached: boolean): Promise<number> {
    await this.detached.expireLost();
    let total = 0;
    while (!this.stopping) {
      const n = await this.runBatch(limit, lane);
      total += n;
      if (n > 0) continue;
      if (!waitForDetached || this.detached.running === 0) return total;
      await this.detached.one();
    }
    return total;
  }

  /** Detached runs in progress in this instance. */
  get detachedRunning(): number {
    return this.detached.running;
  }

  /** Resolves when one detached run in progress has finished (at once when none runs). */
  detachedRunEnded(): Promise<void> {
    return this.detached.one();
  }

  /**
   * At shutdown, before the database closes: no new claim starts, the batch under way finishes and
   * so do the detached runs in progress (a backlog left behind stays due for the next start).
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
    await this.detached.drain();
  }

  private async runGroup(em: EntityManager, group: ClaimedJob[], now: Date, outcomes: Map<string, Outcome>): Promise<void> {
    if (group.length === 0) return;
    if (group.length > 1) {
      const results = new Map<string, Outcome>();
      try {
        await em.transactional(async (inner) => {
          for (const job of group) results.set(job.id, await this.invoke(inner, job, now));
        });
        for (const [id, outcome] of results) outcomes.set(id, outcome);
        return;
      } catch {
        // One of them threw: the group's writes are gone; run each alone to keep the others'.
      }
    }
    for (const job of group) outcomes.set(job.id, await this.runAlone(em, job, now));
  }

  private async runBatchHandler(em: EntityManager, kind: string, jobs: ClaimedJob[], now: Date, outcomes: Map<string, Outcome>, handOff?: HandOff): Promise<void> {
    const mark = handOff?.mark() ?? 0;
    try {
      const results = await em.transactional((inner) => this.batchHandlers.get(kind)!(jobs, { em: inner, now, ...(handOff ? { handOff } : {}) }));
      for (const job of jobs) {
        const result = results.get(job.id);
        outcomes.set(job.id, result ? { ok: false, error: result.retry } : { ok: true });
      }
    } catch (error) {
      handOff?.discard(mark);
      for (const job of jobs) outcomes.set(job.id, { ok: false, error: (error as Error).message ?? String(error) });
    }
  }

  private async runAlone(em: EntityManager, job: ClaimedJob, now: Date): Promise<Outcome> {
    try {
      return await em.transactional((inner) => this.invoke(inner, job, now));
    } catch (error) {
      return { ok: false, error: (error as Error).message ?? String(error) };
    }
  }

  private async invoke(em: EntityManager, job: ClaimedJob, now: Date): Promise<Outcome> {
    const handler = this.handlers.get(job.kind);
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    const result = await handler(job, { em, now, attempt: job.attempt, lastAttempt: job.attempt >= job.maxAttempts });
    return result ? { ok: false, error: result.retry } : SUCCEEDED;
  }

  private async record(em: EntityManager, jobs: ClaimedJob[], outcomes: Map<string, Outcome>, now: Date): Promise<void> {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    const done = jobs.filter((job) => outcomes.get(job.id)?.ok).map((job) => job.id);
    if (done.length > 0) {
      // Bound by the driver: formatted into the text, a claim's thousand ids are escaped character by character.
      await executeBound(em, `update "job" set "status" = 'done', "attempts" = "attempts" + 1, "finished_at" = ?, "last_error" = null where "id" = any(?::bigint[])`, [now, sqlArray(done)]);
    }
    for (const job of jobs) {
      const outcome = outcomes.get(job.id);
      if (!outcome || outcome.ok) continue;
      if (job.attempt >= job.maxAttempts) {
        this.logger.warn(`Job ${job.id} (${job.kind}) failed after ${job.attempt} attempts: ${outcome.error}`);
        await connection.execute(`update "job" set "status" = 'failed', "attempts" = ?, "finished_at" = ?, "last_error" = ? where "id" = ?`, [job.attempt, now, outcome.error, job.id], 'run', tx);
      } else {
        const retryAt = new Date(now.getTime() + retryDelayMs(job.attempt));
        await connection.execute(`update "job" set "attempts" = ?, "due_at" = ?, "last_error" = ? where "id" = ?`, [job.attempt, retryAt, outcome.error, job.id], 'run', tx);
      }
    }
  }
}

function toClaimedJob(row: JobRowSql): ClaimedJob {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: jobPayload(row.payload),
    dueAt: new Date(row.due_ms),
    attempt: row.attempts + 1,
    maxAttempts: row.max_attempts,
  };
}

/** A database-only job threw while its claim ran without savepoints: the claim is rolled back and rerun carefully. */
class OptimisticRunFailed extends Error {
  constructor(cause: unknown) {
    super(`a job failed in an optimistic run: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}
