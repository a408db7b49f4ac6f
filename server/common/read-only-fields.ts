import { isDeepStrictEqual } from 'node:util';
import { BadInputError } from './errors.js';
import { fieldIssue } from './validation.js';

/**
 * A PUT takes what GET gave: the read-only fields of the GET answer may come back unchanged and are
 * dropped before the body is validated; one whose value differs is a 400 naming it. Any other
 * field is left for the body's schema (so an unknown field stays a 400).
 */
export function withoutReadOnly(body: unknown, current: Record<string, unknown>, readOnly: readonly string[], prefix = ''): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const rest: Record<string, unknown> = { ...body };
  const changed = readOnly.filter((field) => field in rest && !isDeepStrictEqual(rest[field], current[field]));
  if (changed.length > 0) {
    const issues = changed.map((field) => fieldIssue(`${prefix}${field}`, 'validation.read_only', { field: `${prefix}${field}` }));
    throw new BadInputError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues }, { code: 'validation.failed' });
  }
  for (const field of readOnly) delete rest[field];
  return rest;
}
