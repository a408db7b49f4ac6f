import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager, type EntityDictionary } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeEvent } from './change-event.entity.js';

/** Handles one event inside the claiming transaction: its writes commit with the "processed" mark. */
export type ChangeEventHandler = (event: ChangeEvent, em: EntityManager) => Promise<void>;

/**
 * Runs once per batch before its events are handled, in the batch's transaction: reads what many
 * events need together (their records, their persons' participations) into a per-transaction cache,
 * so that handling an event does not read them one by one. It may answer what to do once every
 * event of the batch is handled (still in its transaction): writing together what the events
 * collected, such as their outgoing messages.
 */
export type ChangeBatchPreparation = (events: readonly ChangeEvent[], em: EntityManager) => Promise<void | BatchCompletion>;
export type BatchCompletion = () => Promise<void>;

export const MAX_EVENT_ATTEMPTS = 5;

/**
 * Claims unprocessed change events in batches (`FOR UPDATE SKIP LOCKED`), runs every registered
 * handler on each and marks it processed, all in one transaction: several instances share the
 * work, and an event whose handling dies half-way is claimed again. A handler that keeps failing
 * parks its event after MAX_EVENT_ATTEMPTS with the error, so one bad event never blocks the rest.
 */
@Injectable()
export class ChangeEventConsumer {
  private readonly logger = new Logger(ChangeEventConsumer.name);
  private readonly handlers = new Map<string, ChangeEventHandler>();
  private readonly preparations = new Map<string, ChangeBatchPreparation>();
  private running = false;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  register(name: string, handler: ChangeEventHandler): void {
    this.handlers.set(name, handler);
  }

  /** A preparation of every batch handled without savepoints (one name, one preparation). */
  prepare(name: string, preparation: ChangeBatchPreparation): void {
    this.preparations.set(name, preparation);
  }

  /**
   * Claims and handles one batch; returns how many events it took. The usual case, where every
   * handler succeeds, runs the whole batch in the claim's transaction with no savepoint; on any
   * failure that transaction is rolled back and a new claim goes event by event, each under a
   * savepoint of its own, so the failing event is counted and the others still commit.
   */
  async processBatch(limit = 200): Promise<number> {
    try {
      return await this.em.fork().transactional(async (em) => {
        const events = await this.claim(em, limit);
        await this.handleAll(em, events);
        return events.length;
      });
    } catch (error) {
      if (!(error instanceof BatchFailed)) throw error;
      return this.em.fork().transactional(async (em) => {
        const events = await this.claim(em, limit);
        for (const event of events) await this.handle(em, event);
        return events.length;
      });
    }
  }

  /**
   * Locks the oldest unprocessed events (`for update skip locked`) and marks them processed in the
   * same statement: the mark commits only with the handling's writes, and an event that fails has
   * it taken back.
   */
  private async claim(em: EntityManager, limit: number): Promise<ChangeEvent[]> {
    const rows = await em.getConnection().execute<EntityDictionary<ChangeEvent>[]>(
      `update "change_event" set "processed_at" = ? where "id" in
        (select "id" from "change_event" where "processed_at" is null order by "id" limit ? for update skip locked)
       returning *`,
      [this.clock.now(), limit], 'all', em.getTransactionContext());
    return rows.map((row: EntityDictionary<ChangeEvent>) => em.map(ChangeEvent, row)).sort((a: ChangeEvent, b: ChangeEvent) => compareIds(String(a.id), String(b.id)));
  }

  /** Processes batches until none is left (that this instance can claim). */
  async drain(limit = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.processBatch(limit);
      total += n;
      if (n === 0) return total;
    }
  }

  @Interval(250)
  async tick(): Promise<void> {
    if (this.running || this.handlers.size === 0) return;
    this.running = true;
    try {
      await this.drain();
    } catch (error) {
      this.logger.error(`Change event batch failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /**
   * The batch's preparations, then every event on a fresh manager in the claim's transaction, then
   * what the preparations left to complete; any failure throws BatchFailed. A batch of one, and the
   * event-by-event retry after a failure, go without preparations.
   */
  private async handleAll(em: EntityManager, events: ChangeEvent[]): Promise<void> {
    try {
      const completions: BatchCompletion[] = [];
      if (events.length > 1) {
        const batchEm = em.fork({ clear: true, keepTransactionContext: true });
        for (const preparation of this.preparations.values()) {
          const completion = await preparation(events, batchEm);
          if (completion) completions.push(completion);
        }
      }
      for (const event of events) {
        const eventEm = em.fork({ clear: true, keepTransactionContext: true });
        await this.runHandlers(event, eventEm);
        await eventEm.flush();
      }
      for (const completion of completions) await completion();
    } catch (error) {
      throw new BatchFailed(error);
    }
  }

  private async runHandlers(event: ChangeEvent, em: EntityManager): Promise<void> {
    for (const handler of this.handlers.values()) await handler(event, em);
  }

  /**
   * One event under its own savepoint; a failure is counted on the event, which stays unprocessed
   * (its claim's mark is taken back) until it is parked at the limit.
   */
  private async handle(em: EntityManager, event: ChangeEvent): Promise<void> {
    try {
      // A savepoint per event on an empty fork: a fork of the batch's manager would copy (and flush
      // through) every entity the earlier events loaded, making a batch quadratic.
      await em.transactional((inner) => this.runHandlers(event, inner), { clear: true });
    } catch (error) {
      event.attempts += 1;
      event.lastError = (error as Error).message ?? String(error);
      if (event.attempts >= MAX_EVENT_ATTEMPTS) {
        this.logger.error(`Change event ${event.id} parked after ${event.attempts} attempts: ${event.lastError}`);
      } else {
        event.processedAt = null;
      }
    }
  }
}

/** A handler failed while the batch ran without savepoints: the claim is rolled back and redone event by event. */
class BatchFailed extends Error {
  constructor(readonly failure: unknown) {
    super(`change event batch failed: ${(failure as Error)?.message ?? String(failure)}`);
  }
}

/** Ids are bigints as text: a shorter one is smaller. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
