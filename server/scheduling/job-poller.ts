import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ClockStore } from '../clock/clock-store.js';
import { JobRunner } from './job-runner.js';

/**
 * Drives the scheduler: every 200 ms it runs what is due, so a job runs within a second of its time,
 * and at once when a detached run ends while there is more to claim.
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
    await this.track(Promise.all(this.runner.lanes().map((lane) => this.runLane(lane))).then(() => undefined));
  }

  private async track(work: Promise<void>): Promise<void> {
    this.inflight.add(work);
    try {
      await work;
    } finally {
      this.inflight.delete(work);
    }
  }

  private async runLane(lane: string): Promise<void> {
    if (this.busy.has(lane)) return;
    this.busy.add(lane);
    try {
      await this.clockStore.refresh();
      // Detached runs (deliveries, scripts) go on in the background.
      await this.runner.runDue(500, lane, { waitForDetached: false });
    } catch (error) {
      this.logger.error(`Scheduler tick failed (${lane}): ${(error as Error).message}`);
    } finally {
      this.busy.delete(lane);
    }
    this.claimAgainWhenARunEnds(lane);
  }

  /**
   * While detached runs go on, the lane claims again as soon as one of them ends, not at the next
   * tick: a run's slot would otherwise stay empty for up to 200 ms, and a campaign's deliveries (runs
   * of a few hundred milliseconds each) spent a third of their time waiting so.
   * A lane that is busy when woken skips the wake, so wakes never pile up.
   */
  private claimAgainWhenARunEnds(lane: string): void {
    if (this.stopped || this.runner.detachedRunning === 0) return;
    void this.runner.detachedRunEnded().then(() => {
      if (!this.stopped) void this.track(this.runLane(lane));
    });
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
