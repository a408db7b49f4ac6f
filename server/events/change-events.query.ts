import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { hasAnyRole, type Principal } from '../auth/principal.js';
import { toSnake } from '../common/naming.js';
import { employees } from '../crm/employees/employees.resource.js';
import { ChangeEvent, type Changes } from './change-event.entity.js';
import type { ChangeEventsFilter } from './change-events-input.js';

/** Fields only some roles may read (employees' roles) stay out of their change events too. */
const RESTRICTED = new Map([employees].map((r) => [r.name, (r.restrictedFields ?? []).map((rule) => ({ key: toSnake(rule.field), roles: rule.roles }))]));

function visibleChanges(event: ChangeEvent, viewer: Principal | undefined): Changes {
  const hidden = (RESTRICTED.get(event.entity) ?? []).filter((rule) => !hasAnyRole(viewer, rule.roles));
  if (hidden.length === 0) return event.changes;
  const changes = { ...event.changes };
  for (const rule of hidden) delete changes[rule.key];
  return changes;
}

/** Reads the stored change events for `GET /api/change-events`. */
@Injectable()
export class ChangeEventsQuery {
  constructor(private readonly em: EntityManager) {}

  async list({ entity, id, kind, limit, offset }: ChangeEventsFilter, viewer?: Principal) {
    const where: FilterQuery<ChangeEvent> = {};
    if (entity) where.entity = entity;
    if (id) where.entityId = id;
    if (kind) where.kind = kind;
    const [rows, total] = await this.em.fork().findAndCount(ChangeEvent, where, { orderBy: { at: 'desc', id: 'desc' }, limit, offset });
    return {
      items: rows.map((e) => ({
        id: String(e.id),
        entity: e.entity,
        entityId: e.entityId,
        kind: e.kind,
        changes: visibleChanges(e, viewer),
        ...(e.data ? { data: e.data } : {}),
        actor: e.actor,
        at: e.at.toISOString(),
        processedAt: e.processedAt?.toISOString() ?? null,
      })),
      total,
    };
  }
}
