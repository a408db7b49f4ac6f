import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock, ManualClock } from './clock.js';

/**
 * Persists the manual clock (after the migrations, hence at application bootstrap): loads it at start (starting at the real time on the very first
 * start), moves it forward in the database, and refreshes it from there so instances agree.
 */
@Injectable()
export class ClockStore implements OnApplicationBootstrap {
  constructor(
    private readonly clock: Clock,
    private readonly em: EntityManager,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.clock instanceof ManualClock)) return;
    const connection = this.em.getConnection();
    await connection.execute(`insert into "clock_state" ("id", "now") values (1, ?) on conflict ("id") do nothing`, [new Date()]);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    if (!(this.clock instanceof ManualClock)) return;
    const rows = await this.em.getConnection().execute<{ now: Date }[]>(`select "now" from "clock_state" where "id" = 1`);
    if (rows[0]) this.clock.set(new Date(rows[0].now));
  }

  /** Moves the shared virtual time forward to `to` (never backwards) and returns it. */
  async moveTo(to: Date): Promise<Date> {
    if (!(this.clock instanceof ManualClock)) throw new Error('the clock is not manual');
    const rows = await this.em
      .getConnection()
      .execute<{ now: Date }[]>(`update "clock_state" set "now" = greatest("now", ?) where "id" = 1 returning "now"`, [to]);
    this.clock.set(new Date(rows[0]!.now));
    return this.clock.now();
  }
}
