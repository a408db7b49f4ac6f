import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { UnauthenticatedError } from '../common/errors.js';
import { verifyPassword } from '../common/passwords.js';
import { EmployeeAccounts } from '../crm/employees/employee-accounts.js';
import type { Principal } from './principal.js';
import { LoginThrottle } from './login-throttle.js';
import { Session } from './session.entity.js';
import { newToken, sameSecret, tokenHash } from './tokens.js';

/** Logs employees in and out and resolves bearer tokens and session cookies to a principal. */
@Injectable()
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly accounts: EmployeeAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs in, within the limits of LoginThrottle (429 past them). */
  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date }> {
    const em = this.em.fork();
    const now = this.clock.now();
    await this.throttle.admit(address, email, now);
    const employee = await this.accounts.byEmail(em, email);
    const valid = await verifyPassword(employee?.passwordHash, password);
    if (!employee || !valid) {
      await this.throttle.failed(email, now);
      throw new UnauthenticatedError('Wrong e-mail address or password', { code: 'auth.login_failed' });
    }
    await this.throttle.succeeded(email);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    em.create(Session, { tokenHash: tokenHash(token), employee: employee.id, createdAt: now, expiresAt, revokedAt: null });
    await em.flush();
    return { token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.em.fork().nativeUpdate(Session, { tokenHash: tokenHash(token), revokedAt: null }, { revokedAt: this.clock.now() });
  }

  async resolve(token: string): Promise<Principal | undefined> {
    if (this.config.adminApiToken && sameSecret(token, this.config.adminApiToken)) {
      return { kind: 'token', name: 'API token', roles: ['flow_admin'] };
    }
    const em = this.em.fork();
    const session = await em.findOne(
      Session,
      { tokenHash: tokenHash(token), revokedAt: null, expiresAt: { $gt: this.clock.now() } },
      { populate: ['employee'] },
    );
    if (!session) return undefined;
    const employee = session.employee.getEntity();
    return { kind: 'employee', employeeId: String(employee.id), sessionId: String(session.id), name: employee.name, roles: employee.roles };
  }
}
