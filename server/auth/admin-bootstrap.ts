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

/**
 * ADMIN_EMAIL + ADMIN_PASSWORD create or update an administrator at start; with neither and no
 * administrator yet, one is created with a random password that is printed once (SPEC §6).
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
    if (adminEmail && adminPassword) {
      await this.upsert(adminEmail, adminPassword);
      return;
    }
    if (adminEmail || adminPassword) {
      this.logger.warn('Set both ADMIN_EMAIL and ADMIN_PASSWORD to create an administrator; ignoring the one given');
    }
    const admins = await this.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from "employee" where "roles" @> '["flow_admin"]'::jsonb`);
    if (Number(admins[0]?.n ?? 0) > 0) return;
    const password = randomBytes(12).toString('base64url');
    await this.upsert(DEFAULT_ADMIN_EMAIL, password);
    // Printed once, on purpose: this is the only way to learn the generated password.
    process.stdout.write(`\nCreated administrator ${DEFAULT_ADMIN_EMAIL} with password: ${password}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n\n`);
  }

  private async upsert(email: string, password: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
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
    });
  }
}
