import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ClockStore } from '../clock/clock-store.js';
import { JobRunner } from './job-runner.js';

/**
 * Drives the scheduler: every 200 ms it runs what is due, so a job runs within a second of its time.
 * Each lane of the runner (deliveries apart from the rest) is its own loop, so messages go out
 * while the steps of a large campaign are still writing the next ones.
 */
@Injectable()
export class JobPoller {
  private readonly logger = new Logger(JobPoller.name);
  private readonly busy = new Set<string>();
  /** The ticks under way: shutdown waits for them before the database closes. */
  private readonly inflight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly clockStore: ClockStore,
  ) {}

  @Interval(200)
  async tick(): Promise<void> {
    if (this.stopped) return;
    const tick = Promise.all(this.runner.lanes().map((lane) => this.runLane(lane))).then(() => undefined);
    this.inflight.add(tick);
    try {
      await tick;
    } finally {
      this.inflight.delete(tick);
    }
  }

  private async runLane(lane: string): Promise<void> {
    if (this.busy.has(lane)) return;
    this.busy.add(lane);
    try {
      await this.clockStore.refresh();
      // Detached runs (scripts) go on in the background; the next tick claims what became due meanwhile.
      await this.runner.runDue(500, lane, { waitForDetached: false });
    } catch (error) {
      this.logger.error(`Scheduler tick failed (${lane}): ${(error as Error).message}`);
    } finally {
      this.busy.delete(lane);
    }
  }

  /**
   * No new tick; the ticks under way finish first: a query of theirs that started while the
   * connection pool was closing kept its connection, and the pool then waited for it for ever.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }
}
