import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EntityManager, LockMode } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ChangeEvent } from './change-event.entity.js';

/** Handles one event inside the claiming transaction: its writes commit with the "processed" mark. */
export type ChangeEventHandler = (event: ChangeEvent, em: EntityManager) => Promise<void>;

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
  private running = false;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  register(name: string, handler: ChangeEventHandler): void {
    this.handlers.set(name, handler);
  }

  /** Claims and handles one batch; returns how many events it took. */
  async processBatch(limit = 200): Promise<number> {
    return this.em.fork().transactional(async (em) => {
      const events = await em.find(ChangeEvent, { processedAt: null }, { orderBy: { id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
      if (events.length > 0 && !(await this.handleAll(em, events))) {
        for (const event of events) await this.handle(em, event);
      }
      return events.length;
    });
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
   * The usual case, where every handler succeeds: the whole batch under one savepoint, each event
   * on a fresh manager in the same transaction, instead of a savepoint (two round trips) per event.
   * On any failure the savepoint is rolled back and false tells the caller to go event by event.
   */
  private async handleAll(em: EntityManager, events: ChangeEvent[]): Promise<boolean> {
    try {
      await em.transactional(async (batch) => {
        for (const event of events) {
          const eventEm = batch.fork({ clear: true, keepTransactionContext: true });
          await this.runHandlers(event, eventEm);
          await eventEm.flush();
        }
      }, { clear: true });
    } catch {
      return false;
    }
    const now = this.clock.now();
    for (const event of events) event.processedAt = now;
    return true;
  }

  private async runHandlers(event: ChangeEvent, em: EntityManager): Promise<void> {
    for (const handler of this.handlers.values()) await handler(event, em);
  }

  /** One event under its own savepoint; a failure is counted on the event (and parks it at the limit). */
  private async handle(em: EntityManager, event: ChangeEvent): Promise<void> {
    try {
      // A savepoint per event on an empty fork: a fork of the batch's manager would copy (and flush
      // through) every entity the earlier events loaded, making a batch quadratic.
      await em.transactional((inner) => this.runHandlers(event, inner), { clear: true });
      event.processedAt = this.clock.now();
    } catch (error) {
      event.attempts += 1;
      event.lastError = (error as Error).message ?? String(error);
      if (event.attempts >= MAX_EVENT_ATTEMPTS) {
        event.processedAt = this.clock.now();
        this.logger.error(`Change event ${event.id} parked after ${event.attempts} attempts: ${event.lastError}`);
      }
    }
  }
}
