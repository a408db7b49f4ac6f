import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { ClockStore } from '../clock/clock-store.js';
import { BadInputError } from '../common/errors.js';
import { JobRunner } from './job-runner.js';

/**
 * Moves the manual clock to `to`, stopping at every due time on the way so that jobs run in due
 * order at their own time, including jobs created or retried within the window, then returns.
 */
@Injectable()
export class ClockAdvancer {
  constructor(
    private readonly clock: Clock,
    private readonly store: ClockStore,
    private readonly runner: JobRunner,
    private readonly em: EntityManager,
  ) {}

  async advanceTo(to: Date): Promise<Date> {
    await this.store.refresh();
    if (to.getTime() < this.clock.now().getTime()) {
      throw new BadInputError(`to: ${to.toISOString()} is in the past (the clock is at ${this.clock.now().toISOString()})`, { field: 'to' });
    }
    for (;;) {
      await this.runner.runDue();
      const next = await this.nextDue(to);
      if (!next) break;
      await this.store.moveTo(next);
    }
    return this.store.moveTo(to).then(async (now) => {
      await this.runner.runDue();
      return now;
    });
  }

  private async nextDue(limit: Date): Promise<Date | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ due: Date | null }[]>(`select min("due_at") as "due" from "job" where "status" = 'pending' and "due_at" <= ?`, [limit]);
    return rows[0]?.due ? new Date(rows[0].due) : undefined;
  }
}
