import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { hashPassword } from '../common/passwords.js';
import { Employee } from '../crm/employees/employee.entity.js';
import { ChangeRecorder } from '../events/change-recorder.js';
import { diffSnapshots } from '../events/changes.js';

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
    private readonly recorder: ChangeRecorder,
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
      const admins = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from "employee" where "roles" @> '["flow_admin"]'::jsonb`, [], 'all', em.getTransactionContext());
      if (Number(admins[0]?.n ?? 0) > 0) return undefined;
      const password = randomBytes(12).toString('base64url');
      await this.upsert(em, DEFAULT_ADMIN_EMAIL, password);
      return password;
    });
    // Printed once, on purpose: this is the only way to learn the generated password.
    if (generated) process.stdout.write(`\nCreated administrator ${DEFAULT_ADMIN_EMAIL} with password: ${generated}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n\n`);
  }

  private async upsert(em: EntityManager, email: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const now = this.clock.now();
    const existing = await em.findOne(Employee, { email: { $ilike: email } });
    if (existing) {
      const rolesBefore = [...existing.roles];
      existing.passwordHash = passwordHash;
      if (!existing.roles.includes('flow_admin')) existing.roles = [...existing.roles, 'flow_admin'];
      existing.updatedAt = now;
      const changes = diffSnapshots({ roles: rolesBefore }, { roles: existing.roles });
      if (Object.keys(changes).length) this.recorder.record(em, { entity: 'employee', entityId: String(existing.id), kind: 'updated', changes });
      return;
    }
    const admin = em.create(Employee, { name: 'Administrator', email, roles: ['flow_admin'], available: true, passwordHash, mobile: null, group: null, createdAt: now, updatedAt: now });
    await em.flush();
    this.recorder.record(em, {
      entity: 'employee',
      entityId: String(admin.id),
      kind: 'created',
      changes: diffSnapshots(null, { name: admin.name, email, roles: admin.roles, available: true }),
    });
  }
}
