import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { hashPassword } from '../common/passwords.js';
import { EmployeeAccounts } from '../crm/employees/employee-accounts.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@stroom.local';
/** Advisory lock key of the administrator bootstrap (any constant unlike the migrations' one). */
const ADMIN_BOOTSTRAP_LOCK = 726_130_002;

/**
 * ADMIN_EMAIL + ADMIN_PASSWORD create or update an administrator at start; with neither and no
 * administrator yet, one is created with a random password that is printed once.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly accounts: EmployeeAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if ((adminEmail || adminPassword) && !(adminEmail && adminPassword)) {
      this.logger.warn('Set both ADMIN_EMAIL and ADMIN_PASSWORD to create an administrator; ignoring the one given');
    }
    const generated = await this.em.fork().transactional(async (em) => {
      // Instances starting together on an empty database take turns: only the first creates the administrator.
      if (this.config.database === 'postgresql') {
        await em.getConnection().execute(`select pg_advisory_xact_lock(?)`, [ADMIN_BOOTSTRAP_LOCK], 'all', em.getTransactionContext());
      }
      if (adminEmail && adminPassword) {
        await this.upsert(em, adminEmail, adminPassword);
        return undefined;
      }
      if (await this.accounts.anyAdministrator(em)) return undefined;
      const password = randomBytes(12).toString('base64url');
      await this.upsert(em, DEFAULT_ADMIN_EMAIL, password);
      return password;
    });
    // Printed once, on purpose: this is the only way to learn the generated password.
    if (generated) process.stdout.write(`\nCreated administrator ${DEFAULT_ADMIN_EMAIL} with password: ${generated}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n\n`);
  }

  private async upsert(em: EntityManager, email: string, password: string): Promise<void> {
    await this.accounts.ensureAdministrator(em, email, await hashPassword(password), this.clock.now());
  }
}
