import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { sqlArray } from '../common/sql-array.js';

/** A claimed job as handlers see it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  /** This run's attempt number, from 1. */
  attempt: number;
  maxAttempts: number;
}

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
export type BatchJobHandler = (jobs: ClaimedJob[], context: Omit<JobContext, 'attempt' | 'lastAttempt'>) => Promise<Map<string, { retry: string } | undefined>>;

export interface HandlerOptions {
  /**
   * The handler has an effect outside the database (SMTP, SMS, HTTP): it always runs in a savepoint
   * of its own, so a neighbour's failure can never make it run twice. Others run a batch at a time.
   */
  external?: boolean;
}

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Outcome = { ok: true } | { ok: false; error: string };

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
  private readonly handlers = new Map<string, { handle: JobHandler; external: boolean }>();
  private readonly batchHandlers = new Map<string, BatchJobHandler>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  register(kind: string, handle: JobHandler, options: HandlerOptions = {}): void {
    this.handlers.set(kind, { handle, external: options.external ?? false });
  }

  registerBatch(kind: string, handle: BatchJobHandler): void {
    this.batchHandlers.set(kind, handle);
  }

  /**
   * Claims and runs one batch of jobs due by now; returns how many it took. A claim of
   * database-only jobs first runs without savepoints; if one of them throws, that claim is rolled
   * back whole and claimed again to run carefully (savepoints, each failure recorded on its job).
   */
  async runBatch(limit = 500): Promise<number> {
    const now = this.clock.now();
    try {
      return await this.em.fork().transactional((em) => this.claimAndRun(em, now, limit, true));
    } catch (error) {
      if (!(error instanceof OptimisticRunFailed)) throw error;
      return this.em.fork().transactional((em) => this.claimAndRun(em, now, limit, false));
    }
  }

  private async claimAndRun(em: EntityManager, now: Date, limit: number, optimistic: boolean): Promise<number> {
    const rows: JobRowSql[] = await em.getConnection().execute(
      // The due time as epoch milliseconds: parsing a timestamp per row is a good part of a claim's cost.
      `select "id", "kind", "payload", (extract(epoch from "due_at") * 1000)::float8 as "due_ms", "attempts", "max_attempts" from "job"
        where "status" = 'pending' and "due_at" <= ? order by "due_at", "id" limit ? for update skip locked`,
      [now, limit], 'all', em.getTransactionContext());
    const jobs = rows.map(toClaimedJob);
    const outcomes = new Map<string, Outcome>();
    // A single job gains nothing from it: it runs under its own savepoint, once per attempt.
    if (optimistic && jobs.length > 1 && jobs.every((job) => this.isDatabaseOnly(job.kind))) {
      for (const job of jobs) outcomes.set(job.id, await this.runOptimistically(em, job, now));
    } else {
      await this.runCarefully(em, jobs, now, outcomes);
    }
    await this.record(em, jobs, outcomes, now);
    return jobs.length;
  }

  /** A job whose effects stay in the database: rolling back its claim undoes all it did. */
  private isDatabaseOnly(kind: string): boolean {
    const handler = this.handlers.get(kind);
    return !!handler && !handler.external && !this.batchHandlers.has(kind);
  }

  /** Runs a job in the claim's transaction without a savepoint; a throw aborts the whole claim. */
  private async runOptimistically(em: EntityManager, job: ClaimedJob, now: Date): Promise<Outcome> {
    try {
      return await this.invoke(em, job, now);
    } catch (error) {
      throw new OptimisticRunFailed(error);
    }
  }

  private async runCarefully(em: EntityManager, jobs: ClaimedJob[], now: Date, outcomes: Map<string, Outcome>): Promise<void> {
    let group: ClaimedJob[] = [];
    const byBatchKind = new Map<string, ClaimedJob[]>();
    for (const job of jobs) {
      if (this.batchHandlers.has(job.kind)) {
        byBatchKind.set(job.kind, [...(byBatchKind.get(job.kind) ?? []), job]);
      } else if (this.handlers.get(job.kind)?.external) {
        await this.runGroup(em, group, now, outcomes);
        group = [];
        outcomes.set(job.id, await this.runAlone(em, job, now));
      } else {
        group.push(job);
      }
    }
    await this.runGroup(em, group, now, outcomes);
    for (const [kind, batch] of byBatchKind) await this.runBatchHandler(em, kind, batch, now, outcomes);
  }

  /** Runs batches until nothing this instance can claim is due. */
  async runDue(limit = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runBatch(limit);
      total += n;
      if (n === 0) return total;
    }
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

  private async runBatchHandler(em: EntityManager, kind: string, jobs: ClaimedJob[], now: Date, outcomes: Map<string, Outcome>): Promise<void> {
    try {
      const results = await em.transactional((inner) => this.batchHandlers.get(kind)!(jobs, { em: inner, now }));
      for (const job of jobs) {
        const result = results.get(job.id);
        outcomes.set(job.id, result ? { ok: false, error: result.retry } : { ok: true });
      }
    } catch (error) {
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
    const result = await handler.handle(job, { em, now, attempt: job.attempt, lastAttempt: job.attempt >= job.maxAttempts });
    return result ? { ok: false, error: result.retry } : { ok: true };
  }

  private async record(em: EntityManager, jobs: ClaimedJob[], outcomes: Map<string, Outcome>, now: Date): Promise<void> {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    const done = jobs.filter((job) => outcomes.get(job.id)?.ok).map((job) => job.id);
    if (done.length > 0) {
      await connection.execute(`update "job" set "status" = 'done', "attempts" = "attempts" + 1, "finished_at" = ?, "last_error" = null where "id" = any(?::bigint[])`, [now, sqlArray(done)], 'run', tx);
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
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
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
