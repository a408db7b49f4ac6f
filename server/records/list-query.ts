import { BadInputError } from '../common/errors.js';
import { isStorableInstant } from '../common/storable-date.js';
import type { Field, Fields } from './fields.js';
import { isFilterable, propertyOf } from './fields.js';
import { RECORD_ID } from '../common/validation.js';

export interface ListQuery {
  limit: number;
  offset: number;
  q?: string;
  where: Record<string, unknown>;
}

const RESERVED = new Set(['limit', 'offset', 'q']);
/** A plain decimal (no `Infinity`, hex, exponent or spaces): what reaches SQL is always a finite number. */
const DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** The range of a whole-number column (PostgreSQL integer) when the field names none. */
const INT_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function whole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new BadInputError(`${name}: expected a whole number from ${min} to ${max}`, undefined, { code: 'query.range', params: { name, min, max } });
  }
  return Number(raw);
}

/** Turns `?limit&offset&q&<field>=<value>` into a paged, filtered query. */
export function parseListQuery(query: Record<string, unknown>, fields: Fields): ListQuery {
  const single = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new BadInputError(`${key}: give it once, as a plain value`, undefined, { code: 'query.repeated', params: { name: key } });
    return value;
  };
  const where: Record<string, unknown> = {};
  for (const key of Object.keys(query)) {
    if (RESERVED.has(key)) continue;
    const field = fields[key];
    if (!field || !isFilterable(field)) throw new BadInputError(`unknown filter '${key}'`, undefined, { code: 'query.unknown_filter', params: { name: key } });
    const raw = single(key)!;
    where[propertyOf(key, field)] = filterValue(key, raw, field);
  }
  const q = single('q')?.trim();
  return {
    limit: whole('limit', single('limit'), 50, 1, 1000),
    offset: whole('offset', single('offset'), 0, 0, Number.MAX_SAFE_INTEGER),
    ...(q ? { q } : {}),
    where,
  };
}

function filterValue(key: string, raw: string, field: Fields[string]): unknown {
  if (raw === '' || raw === 'null') return null;
  switch (field.kind) {
    case 'number':
      return numberFilter(key, raw, field);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new BadInputError(`${key}: expected true or false`, undefined, { code: 'query.boolean', params: { name: key } });
      return raw === 'true';
    case 'datetime':
      if (!ISO_DATE_TIME.test(raw) || !isStorableInstant(new Date(raw))) throw new BadInputError(`${key}: expected an ISO 8601 date-time`, undefined, { code: 'query.datetime', params: { name: key } });
      return new Date(raw);
    case 'ref':
      if (!RECORD_ID.test(raw)) throw new BadInputError(`${key}: expected an id`, undefined, { code: 'query.id', params: { name: key } });
      return raw;
    case 'lookup':
      return { name: raw };
    default:
      return raw;
  }
}


function numberFilter(key: string, raw: string, field: Extract<Field, { kind: 'number' }>): number {
  const value = Number(raw);
  if (!DECIMAL.test(raw) || (field.integer && !Number.isInteger(value))) throw new BadInputError(`${key}: expected a number`, undefined, { code: 'query.number', params: { name: key } });
  if (field.integer && (value < INT_RANGE.min || value > INT_RANGE.max)) {
    throw new BadInputError(`${key}: expected a whole number from ${INT_RANGE.min} to ${INT_RANGE.max}`, undefined, { code: 'query.range', params: { name: key, ...INT_RANGE } });
  }
  return value;
}
