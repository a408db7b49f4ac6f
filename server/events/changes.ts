import { toSnake } from '../common/naming.js';
import type { Changes } from './change-event.entity.js';

type Json = Record<string, unknown>;

/**
 * The field changes between two API-shaped snapshots, keyed in snake_case.
 * A missing snapshot stands for "nothing": created lists every set field from null,
 * deleted every set field to null.
 */
export function diffSnapshots(before: Json | null, after: Json | null): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'id' || key === 'createdAt' || key === 'updatedAt') continue;
    const from = normalise(before?.[key]);
    const to = normalise(after?.[key]);
    if (!before && isEmpty(to)) continue;
    if (!after && isEmpty(from)) continue;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[toSnake(key)] = { from, to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

function isEmpty(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}
