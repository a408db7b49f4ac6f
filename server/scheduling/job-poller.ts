import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ClockStore } from '../clock/clock-store.js';
import { JobRunner } from './job-runner.js';

/** Drives the scheduler: every 200 ms it runs what is due, so a job runs within a second of its time. */
@Injectable()
export class JobPoller {
  private readonly logger = new Logger(JobPoller.name);
  private busy = false;
  private stopped = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly clockStore: ClockStore,
  ) {}

  @Interval(200)
  async tick(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      await this.clockStore.refresh();
      await this.runner.runDue();
    } catch (error) {
      this.logger.error(`Scheduler tick failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
  }
}
