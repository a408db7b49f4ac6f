import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { actorOf, type Principal } from '../auth/principal.js';
import { Clock } from '../clock/clock.js';
import { paging } from '../common/paging.js';
import { parseInput } from '../common/validation.js';
import { AUDIT_SUBJECTS, AuditEntry, type AuditSubject } from './audit-entry.entity.js';

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

const listQuery = z.strictObject({
  ...paging,
  subject: z.enum(AUDIT_SUBJECTS).optional(),
  subjectId: z.string().regex(/^\d{1,18}$/, 'must be a record id').optional(),
  actor: z.string().max(100).optional(),
});

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

  async list(query: Record<string, unknown>) {
    const { limit, offset, subject, subjectId, actor } = parseInput(listQuery, query, 'query');
    const where = { ...(subject ? { subject } : {}), ...(subjectId ? { subjectId } : {}), ...(actor ? { actor } : {}) };
    const [rows, total] = await this.em.fork().findAndCount(AuditEntry, where, { orderBy: { id: 'desc' }, limit, offset });
    return {
      items: rows.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, actorName: e.actorName, subject: e.subject, subjectId: e.subjectId, subjectName: e.subjectName, action: e.action, before: e.before ?? null, after: e.after ?? null })),
      total,
    };
  }
}
