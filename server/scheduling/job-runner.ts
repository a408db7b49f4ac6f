import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { Job } from './job.entity.js';

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
export type JobHandler = (job: Job, context: JobContext) => Promise<void | { retry: string }>;

/** Back-off before attempt n+1: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Claims due jobs in batches (`FOR UPDATE SKIP LOCKED`, oldest due first) and runs their
 * handlers, each in a savepoint: a failure rolls back only that job's writes, records the error
 * and retries it with back-off, and parks it as failed after its last attempt.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Claims and runs one batch of jobs due by now; returns how many it took. */
  async runBatch(limit = 100): Promise<number> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (em) => {
      const jobs = await em.find(Job, { status: 'pending', dueAt: { $lte: now } }, {
        orderBy: { dueAt: 'asc', id: 'asc' },
        limit,
        lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
      });
      for (const job of jobs) await this.run(em, job, now);
      return jobs.length;
    });
  }

  /** Runs batches until nothing this instance can claim is due. */
  async runDue(limit = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runBatch(limit);
      total += n;
      if (n === 0) return total;
    }
  }

  private async run(em: EntityManager, job: Job, now: Date): Promise<void> {
    const handler = this.handlers.get(job.kind);
    job.attempts += 1;
    const lastAttempt = job.attempts >= job.maxAttempts;
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      const outcome = await em.transactional((inner) => handler(job, { em: inner, now, attempt: job.attempts, lastAttempt }));
      if (outcome) throw new Error(outcome.retry);
      job.status = 'done';
      job.finishedAt = now;
      job.lastError = null;
    } catch (error) {
      job.lastError = (error as Error).message ?? String(error);
      if (lastAttempt) {
        job.status = 'failed';
        job.finishedAt = now;
        this.logger.warn(`Job ${job.id} (${job.kind}) failed after ${job.attempts} attempts: ${job.lastError}`);
      } else {
        job.dueAt = new Date(now.getTime() + retryDelayMs(job.attempts));
      }
    }
  }
}
