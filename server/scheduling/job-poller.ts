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
  private stopped = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly clockStore: ClockStore,
  ) {}

  @Interval(200)
  async tick(): Promise<void> {
    if (this.stopped) return;
    await Promise.all(this.runner.lanes().map((lane) => this.runLane(lane)));
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

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }
}
