import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { TooManyRequestsError } from '../common/errors.js';

/**
 * Two brakes on password guessing, both kept in the database so that every instance sees them:
 * at most LOGIN_RATE_LIMIT attempts per network address and minute, and a lock of
 * LOGIN_LOCKOUT_MINUTES on an e-mail address after LOGIN_MAX_FAILURES wrong passwords in a row.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts this attempt against the address and refuses it (429) when over a limit. */
  async admit(address: string, email: string, now: Date): Promise<void> {
    const connection = this.em.getConnection();
    const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const [rate]: { attempts: number }[] = await connection.execute(
      `insert into "login_rate_window" ("address", "window_start", "attempts") values (?, ?, 1)
       on conflict ("address") do update set
         "attempts" = case when "login_rate_window"."window_start" = excluded."window_start" then "login_rate_window"."attempts" + 1 else 1 end,
         "window_start" = excluded."window_start"
       returning "attempts"`,
      [address, windowStart],
    );
    if (rate && rate.attempts > this.config.loginRateLimit) {
      throw new TooManyRequestsError(`Too many sign-in attempts from this address: at most ${this.config.loginRateLimit} a minute`, undefined, { code: 'auth.too_many_attempts', params: { limit: this.config.loginRateLimit } });
    }
    const [lock]: { locked_until: Date | null }[] = await connection.execute(`select "locked_until" from "login_failure" where "email" = ?`, [email.toLowerCase()]);
    if (lock?.locked_until && new Date(lock.locked_until) > now) {
      const until = new Date(lock.locked_until).toISOString();
      throw new TooManyRequestsError(`Too many failed sign-ins for this address: try again after ${until}`, { lockedUntil: until }, { code: 'auth.locked', params: { until } });
    }
  }

  /** One atomic upsert, so that parallel guesses are all counted; the last allowed one locks the address. */
  async failed(email: string, now: Date): Promise<void> {
    const connection = this.em.getConnection();
    const address = email.toLowerCase();
    const [row]: { failures: number }[] = await connection.execute(
      `insert into "login_failure" ("email", "failures", "last_at") values (?, 1, ?)
       on conflict ("email") do update set "failures" = "login_failure"."failures" + 1, "last_at" = excluded."last_at"
       returning "failures"`,
      [address, now],
    );
    if (row && row.failures >= this.config.loginMaxFailures) {
      const lockedUntil = new Date(now.getTime() + this.config.loginLockoutMinutes * 60_000);
      await connection.execute(`update "login_failure" set "failures" = 0, "locked_until" = ? where "email" = ?`, [lockedUntil, address]);
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.em.getConnection().execute(`delete from "login_failure" where "email" = ?`, [email.toLowerCase()]);
  }
}
