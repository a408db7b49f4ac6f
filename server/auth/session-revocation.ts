import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Clock } from '../clock/clock.js';
import { UpdateListeners, type RecordUpdate } from '../records/update-listeners.js';
import { Session } from './session.entity.js';

/**
 * A changed or reset password, or a removed role, ends every other session of that employee (the
 * session that made the change stays signed in), in the transaction of the change.
 */
@Injectable()
export class SessionRevocation {
  constructor(updates: UpdateListeners, private readonly clock: Clock) {
    updates.listen('employee', (em, update) => this.onUpdate(em, update));
  }

  private async onUpdate(em: EntityManager, update: RecordUpdate): Promise<void> {
    const rolesBefore = (update.before.roles as string[] | undefined) ?? [];
    const rolesAfter = new Set((update.after.roles as string[] | undefined) ?? []);
    const roleRemoved = rolesBefore.some((role) => !rolesAfter.has(role));
    if (!update.passwordChanged && !roleRemoved) return;
    const keep = update.principal?.sessionId;
    await em.nativeUpdate(
      Session,
      { employee: update.id, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
      { revokedAt: this.clock.now() },
    );
  }
}
