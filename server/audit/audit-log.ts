import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { actorOf, type Principal } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { AuditEntry, type AuditSubject } from './audit-entry.entity.js';
import type { AuditQuery } from './audit-input.js';

export interface AuditInput {
  subject: AuditSubject;
  subjectId: string;
  subjectName: string;
  /** Defaults from before/after: created, updated or deleted. */
  action?: string;
  before: unknown;
  after: unknown;
  principal: Principal | undefined;
}

/** Writes audit entries into the caller's unit of work, so they commit with the change itself. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** Records a change; an update that changed nothing audited is not recorded. */
  record(em: EntityManager, input: AuditInput): void {
    if (!input.action && input.before != null && input.after != null && isDeepStrictEqual(input.before, input.after)) return;
    const action = input.action ?? (input.before == null ? 'created' : input.after == null ? 'deleted' : 'updated');
    em.persist(
      em.create(AuditEntry, {
        at: this.clock.now(),
        actor: actorOf(input.principal),
        actorName: input.principal?.name ?? 'system',
        subject: input.subject,
        subjectId: input.subjectId,
        subjectName: input.subjectName,
        action,
        before: input.before ?? null,
        after: input.after ?? null,
      }),
    );
  }

  async list({ limit, offset, subject, subjectId, actor }: AuditQuery) {
    const where = { ...(subject ? { subject } : {}), ...(subjectId ? { subjectId } : {}), ...(actor ? { actor } : {}) };
    const [rows, total] = await this.em.fork().findAndCount(AuditEntry, where, { orderBy: { id: 'desc' }, limit, offset });
    return {
      items: rows.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, actorName: e.actorName, subject: e.subject, subjectId: e.subjectId, subjectName: e.subjectName, action: e.action, before: e.before ?? null, after: e.after ?? null })),
      total,
    };
  }
}
