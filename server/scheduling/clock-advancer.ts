import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ClockStore } from '../clock/clock-store.js';
import { BadInputError } from '../common/errors.js';
import { ChangeEventConsumer } from '../events/change-event-consumer.js';
import { JobRunner } from './job-runner.js';

const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Moves the manual clock to `to`, stopping at every due time on the way so that jobs run in due
 * order at their own time, including jobs created or retried within the window, and handles the
 * change events that work causes (a job's task.expired, a send's follow-up) at the same instant.
 */
@Injectable()
export class ClockAdvancer {
  constructor(
    private readonly clock: Clock,
    private readonly store: ClockStore,
    private readonly runner: JobRunner,
    private readonly events: ChangeEventConsumer,
    private readonly em: EntityManager,
  ) {}

  async advanceTo(to: Date): Promise<Date> {
    await this.store.refresh();
    if (to.getTime() < this.clock.now().getTime()) {
      throw new BadInputError(`to: ${to.toISOString()} is in the past (the clock is at ${this.clock.now().toISOString()})`, { field: 'to' }, { code: 'clock.in_the_past', params: { to: to.toISOString(), now: this.clock.now().toISOString() } });
    }
    for (;;) {
      await this.settle();
      const next = await this.nextDue(to);
      if (!next) break;
      await this.store.moveTo(next);
    }
    const now = await this.store.moveTo(to);
    await this.settle();
    return now;
  }

  /**
   * Handles pending change events and due jobs until none is left at this instant, including work
   * another worker (this instance's pollers, other instances) has claimed and not yet committed.
   */
  async settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const events = await this.events.drain();
      const jobs = await this.runner.runDue();
      if (events > 0 || jobs > 0) continue;
      if (!(await this.workLeft())) return;
      if (Date.now() > deadline) throw new Error('work due by now is still running elsewhere after 60 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async workLeft(): Promise<boolean> {
    const rows = await this.em.getConnection().execute<{ events: boolean; jobs: boolean }[]>(
      `select exists(select 1 from "change_event" where "processed_at" is null) as "events",
              exists(select 1 from "job" where ("status" = 'pending' and "due_at" <= ?) or "status" = 'running') as "jobs"`,
      [this.clock.now()]);
    return Boolean(rows[0]?.events || rows[0]?.jobs);
  }

  private async nextDue(limit: Date): Promise<Date | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ due: Date | null }[]>(`select min("due_at") as "due" from "job" where "status" = 'pending' and "due_at" <= ?`, [limit]);
    return rows[0]?.due ? new Date(rows[0].due) : undefined;
  }
}
