import { Reference } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import { hasAnyRole } from '../auth/principal.js';
import type { BaseRecord } from './base-record.js';
import { propertyOf } from './fields.js';
import type { Resource } from './resource.js';

export type RecordJson = Record<string, unknown> & { id: string };

function refId(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const entity = Reference.unwrapReference(value as object) as { id?: unknown };
  return entity.id === undefined || entity.id === null ? null : String(entity.id);
}

function lookupName(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const entity = Reference.unwrapReference(value as object) as { name?: string };
  return entity.name ?? null;
}

/** The API shape of a record: camelCase, ids as strings, times ISO 8601. Lookups must be loaded. */
export function toRecordJson<E extends BaseRecord>(resource: Resource<E>, record: E): RecordJson {
  const json: RecordJson = { id: String(record.id) };
  const source = record as unknown as Record<string, unknown>;
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.kind === 'password') continue;
    const value = source[propertyOf(name, field)];
    if (field.kind === 'ref') json[name] = refId(value);
    else if (field.kind === 'lookup') json[name] = lookupName(value);
    else if (value instanceof Date) json[name] = value.toISOString();
    else json[name] = value ?? null;
  }
  for (const name of resource.derived?.fields ?? []) json[name] = source[name] ?? null;
  json.createdAt = record.createdAt?.toISOString() ?? null;
  json.updatedAt = record.updatedAt?.toISOString() ?? null;
  return json;
}

/** Drops fields the viewer's roles may not read. */
export function redactFor<E extends BaseRecord>(resource: Resource<E>, json: RecordJson, viewer: Principal | undefined): RecordJson {
  for (const rule of resource.restrictedFields ?? []) {
    if (!hasAnyRole(viewer, rule.roles)) delete json[rule.field];
  }
  return json;
}
