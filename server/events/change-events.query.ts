import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import { paging } from '../common/paging.js';
import { parseInput } from '../common/validation.js';
import { ChangeEvent } from './change-event.entity.js';

const querySchema = z.strictObject({
  entity: z.string().max(64).optional(),
  id: z.string().max(64).optional(),
  kind: z.string().max(64).optional(),
  ...paging,
});

/** Reads the stored change events for `GET /api/change-events`. */
@Injectable()
export class ChangeEventsQuery {
  constructor(private readonly em: EntityManager) {}

  async list(query: Record<string, unknown>) {
    const { entity, id, kind, limit, offset } = parseInput(querySchema, query, 'query');
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
        changes: e.changes,
        ...(e.data ? { data: e.data } : {}),
        actor: e.actor,
        at: e.at.toISOString(),
        processedAt: e.processedAt?.toISOString() ?? null,
      })),
      total,
    };
  }
}
