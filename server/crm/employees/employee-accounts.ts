import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { escapeLike } from '../../common/like.js';
import { ChangeRecorder } from '../../events/change-recorder.js';
import { diffSnapshots } from '../../events/changes.js';
import { Employee } from './employee.entity.js';

/** What signing in needs of an employee: who, and their password hash. */
export interface EmployeeAccount {
  id: string;
  passwordHash: string | null | undefined;
}

/** Employees as accounts, for the auth module: found by e-mail to sign in, and the administrator made at start. */
@Injectable()
export class EmployeeAccounts {
  constructor(private readonly recorder: ChangeRecorder) {}

  /** The employee with this e-mail address (any case), or null. */
  async byEmail(em: EntityManager, email: string): Promise<EmployeeAccount | null> {
    const employee = await em.findOne(Employee, { email: { $ilike: escapeLike(email) } });
    return employee ? { id: String(employee.id), passwordHash: employee.passwordHash } : null;
  }

  /** Whether any employee is an administrator (`flow_admin`). */
  async anyAdministrator(em: EntityManager): Promise<boolean> {
    const rows = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from "employee" where "roles" @> '["flow_admin"]'::jsonb`, [], 'all', em.getTransactionContext());
    return Number(rows[0]?.n ?? 0) > 0;
  }

  /**
   * Makes the employee with this e-mail an administrator with this password hash: an existing one
   * gets the password and the role, else one is created; either with its change event.
   */
  async ensureAdministrator(em: EntityManager, email: string, passwordHash: string, now: Date): Promise<void> {
    const existing = await em.findOne(Employee, { email: { $ilike: escapeLike(email) } });
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
