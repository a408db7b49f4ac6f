import type { EntityClass } from '@mikro-orm/core';
import { emailAddressProblem, phoneNumberProblem } from '@stroom/dsl';
import { z } from 'zod';
import { isStorableInstant } from '../common/storable-date.js';
import { recordId } from '../common/validation.js';
import { ROLES } from '../auth/roles.js';

/**
 * The fields of a CRM resource, keyed by their JSON (camelCase) name. One table per resource
 * drives validation, serialisation, filters, search and change events.
 */
export type Field =
  | { kind: 'string'; required?: boolean; max?: number; format?: 'email' | 'phone'; search?: boolean; default?: string }
  | { kind: 'text'; required?: boolean; search?: boolean }
  | { kind: 'number'; integer?: boolean; min?: number; max?: number }
  | { kind: 'boolean'; default?: boolean }
  | { kind: 'datetime'; required?: boolean }
  | { kind: 'enum'; values: readonly string[]; required?: boolean; default?: string }
  | { kind: 'stringList' }
  | { kind: 'object' }
  | { kind: 'roles' }
  /** Write-only: stored as a hash, never returned. */
  | { kind: 'password' }
  /** A reference by id: JSON `companyId`, entity property `company`. */
  | { kind: 'ref'; property: string; target: () => EntityClass<object>; label: string; required?: boolean }
  /** References by id, kept in one JSON column: JSON `employeeIds: ["3", "7"]`. */
  | { kind: 'refList'; target: () => EntityClass<object>; label: string }
  /** A reference by name: JSON `status: "Offertezoek - …"`, entity property `status`. */
  | { kind: 'lookup'; target: () => EntityClass<object>; label: string; where?: Record<string, unknown>; required?: boolean };

export type Fields = Record<string, Field>;

/** A one-line field (a name, a number, an address) holds no line breaks, tabs or other control characters. */
const CONTROL_CHARACTER = /\p{Cc}/u;

function valueSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case 'string': {
      const line = z.string().max(field.max ?? 255).refine((v) => !CONTROL_CHARACTER.test(v), { message: 'must be one line without control characters', params: { code: 'validation.control_character' }, abort: true });
      const bounded = field.format === 'email'
        ? line.refine((v) => emailAddressProblem(v) === undefined, { message: 'expected an e-mail address', params: { code: 'validation.email' } })
        : field.format === 'phone'
          ? line.refine((v) => phoneNumberProblem(v) === undefined, { message: 'expected a phone number in international form, as in +31612345678', params: { code: 'validation.phone' } })
          : line;
      return field.required ? bounded.refine((v) => v.trim().length > 0, { message: 'must not be empty', params: { code: 'validation.not_empty' } }) : bounded;
    }
    case 'text':
      return z.string().max(100_000);
    case 'number': {
      let n = field.integer ? z.number().int() : z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'datetime':
      return z.iso
        .datetime({ offset: true, message: 'expected an ISO 8601 date-time' })
        .transform((v) => new Date(v))
        .refine(isStorableInstant, { message: 'expected an ISO 8601 date-time', params: { code: 'validation.datetime' } });
    case 'enum':
      return z.enum(field.values as [string, ...string[]]);
    case 'stringList':
      return z.array(z.string().max(255)).max(200);
    case 'object':
      return z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= 64_000, { message: 'is too large', params: { code: 'validation.too_large' } });
    case 'roles':
      return z.array(z.enum(ROLES)).transform((roles) => [...new Set(roles)]);
    case 'password':
      return z.string().min(8, 'must be at least 8 characters').max(200);
    case 'ref':
      return recordId;
    case 'refList':
      return z.array(recordId).max(200).transform((ids) => [...new Set(ids.map(String))]);
    case 'lookup':
      return z.string().min(1).max(255);
  }
}

function isRequired(field: Field): boolean {
  return 'required' in field && field.required === true;
}

/** The create body: required fields present and not null, others optional or null. */
export function createSchema(fields: Fields): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = valueSchema(field);
    shape[name] = isRequired(field) ? value : value.nullable().optional();
  }
  return z.strictObject(shape) as z.ZodType<Record<string, unknown>>;
}

/** The PATCH body: every field optional; required ones may not become null. */
export function updateSchema(fields: Fields): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = valueSchema(field);
    shape[name] = isRequired(field) ? value.optional() : value.nullable().optional();
  }
  return z.strictObject(shape) as z.ZodType<Record<string, unknown>>;
}

/** The entity property a JSON field is stored in. */
export function propertyOf(name: string, field: Field): string {
  if (field.kind === 'ref') return field.property;
  if (field.kind === 'password') return 'passwordHash';
  return name;
}

/** Fields that may be used as exact-match list filters (top-level scalars). */
export function isFilterable(field: Field): boolean {
  return !['object', 'stringList', 'refList', 'roles', 'password', 'text'].includes(field.kind);
}
