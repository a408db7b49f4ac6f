import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { Job } from './job.entity.js';
import { escapeLike } from '../common/like.js';

export interface JobRequest {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  cancelKey?: string;
  maxAttempts?: number;
}

/** Puts jobs into, and cancels them from, the caller's transaction: the decision and its timed work commit together. */
@Injectable()
export class JobScheduler {
  constructor(private readonly clock: Clock) {}

  schedule(em: EntityManager, request: JobRequest): Job {
    return em.create(Job, {
      kind: request.kind,
      payload: request.payload ?? {},
      dueAt: request.dueAt,
      status: 'pending',
      cancelKey: request.cancelKey ?? null,
      attempts: 0,
      maxAttempts: request.maxAttempts ?? 5,
      createdAt: this.clock.now(),
    });
  }

  /** Cancels every pending job whose cancel key is `key`, or starts with it when `prefix` is set; returns how many. */
  async cancel(em: EntityManager, key: string, options: { prefix?: boolean } = {}): Promise<number> {
    await em.flush();
    const where = options.prefix ? { cancelKey: { $like: `${escapeLike(key)}%` } } : { cancelKey: key };
    return em.nativeUpdate(Job, { status: 'pending', ...where }, { status: 'cancelled', finishedAt: this.clock.now() });
  }

  /** Cancels every pending job whose cancel key starts with one of `prefixes`, in one statement; returns how many. */
  async cancelPrefixes(em: EntityManager, prefixes: readonly string[]): Promise<number> {
    if (prefixes.length === 0) return 0;
    await em.flush();
    const where = prefixes.map((prefix) => ({ cancelKey: { $like: `${escapeLike(prefix)}%` } }));
    return em.nativeUpdate(Job, { status: 'pending', $or: where }, { status: 'cancelled', finishedAt: this.clock.now() });
  }
}
