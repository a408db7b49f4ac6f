import { ROLES } from '../auth/roles.js';
import type { Schema } from '../common/openapi-components.js';
import type { BaseRecord } from './base-record.js';
import type { Field } from './fields.js';
import type { Resource } from './resource.js';

/** The component name of a resource's answer: `quote_request` → `QuoteRequest`. */
export function recordSchemaName(resource: Resource<BaseRecord>): string {
  return resource.name.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

const ID: Schema = { type: 'string', pattern: '^[0-9]+$', description: 'A record id (digits, as a string)' };

/** What toRecordJson answers for one field (password fields are never answered). */
function fieldSchema(field: Exclude<Field, { kind: 'password' }>): Schema {
  switch (field.kind) {
    case 'string':
      return { type: 'string', maxLength: field.max ?? 255, ...(field.format ? { description: field.format === 'email' ? 'An e-mail address' : 'A phone number in international form (+31612345678)' } : {}) };
    case 'text':
      return { type: 'string', maxLength: 100_000 };
    case 'number':
      return { type: field.integer ? 'integer' : 'number', ...(field.min !== undefined ? { minimum: field.min } : {}), ...(field.max !== undefined ? { maximum: field.max } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'enum':
      return { type: 'string', enum: [...field.values] };
    case 'stringList':
      return { type: 'array', items: { type: 'string' } };
    case 'object':
      return { type: 'object', additionalProperties: true };
    case 'roles':
      return { type: 'array', items: { type: 'string', enum: [...ROLES] } };
    case 'ref':
      return { ...ID, description: `The id of the ${field.label}` };
    case 'refList':
      return { type: 'array', items: ID, description: `The ids of the ${field.label}` };
    case 'lookup':
      return { type: 'string', description: `The name of the ${field.label}` };
  }
}

/** A field that may hold no value answers null: every field but the required ones. */
function nullable(schema: Schema): Schema {
  const withNull: Schema = { ...schema, nullable: true };
  if (Array.isArray(schema.enum)) withNull.enum = [...schema.enum, null];
  return withNull;
}

/**
 * The JSON one record answers (see toRecordJson): its id, every field but passwords, the derived
 * fields, createdAt and updatedAt. Restricted fields are left out for viewers without their roles.
 */
export function recordSchema(resource: Resource<BaseRecord>): Schema {
  const properties: Record<string, Schema> = { id: ID };
  const restricted = new Set((resource.restrictedFields ?? []).map((rule) => rule.field));
  const required = ['id'];
  for (const [name, field] of Object.entries(resource.fields)) {
    if (field.kind === 'password') continue;
    const schema = fieldSchema(field);
    properties[name] = 'required' in field && field.required === true ? schema : nullable(schema);
    if (restricted.has(name)) properties[name] = { ...properties[name], description: 'Only answered to the roles that may read it' };
    else required.push(name);
  }
  for (const name of resource.derived?.fields ?? []) {
    properties[name] = resource.derived?.schemas?.[name] ?? { description: 'Computed when the record is saved (any JSON value or null)' };
    required.push(name);
  }
  properties.createdAt = { type: 'string', format: 'date-time' };
  properties.updatedAt = { type: 'string', format: 'date-time' };
  required.push('createdAt', 'updatedAt');
  return { type: 'object', required, additionalProperties: false, properties };
}
