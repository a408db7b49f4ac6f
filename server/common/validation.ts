import { emailAddressProblem } from '@stroom/dsl';
import { z } from 'zod';
import { localizedMessage } from './error-catalogue.js';
import { BadInputError } from './errors.js';

/** A record id as text (in a URL, a change event, a rule): a bigint's digits. */
export const RECORD_ID = /^\d{1,18}$/;

/** A record id in JSON: a string of digits or a positive number, always answered as a string. */
export const recordId = z.union([z.string().regex(RECORD_ID, 'expected an id'), z.number().int().positive()]).transform(String);

/** One e-mail address (RFC 5322, the bare address, no control characters), as everywhere an address is stored. */
export const emailAddress = (message = 'expected an e-mail address') => z.string().refine((v) => emailAddressProblem(v) === undefined, { message, params: { code: 'validation.email' } });

/** One problem with one field of the input, as `details.issues` lists them. */
export interface FieldIssue {
  field: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}

/** Parses `input` with a zod schema; a failure is a 400 with a coded issue per field (`validation.required`, `validation.min`, …). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => issuesOf(issue, input, where));
  throw new BadInputError(issues.map((i) => `${i.field}: ${i.message}`).join('; '), { issues }, { code: 'validation.failed' });
}

/** An issue with its English message from the catalogue. */
export function fieldIssue(field: string, code: string, params: Record<string, unknown> = {}): FieldIssue {
  return { field, code, params, message: localizedMessage(code, params, 'en') ?? code };
}

function issuesOf(issue: z.core.$ZodIssue, input: unknown, where: string): FieldIssue[] {
  const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => fieldIssue(`${prefix}${key}`, 'validation.unknown_field', { field: `${prefix}${key}` }));
  const field = issue.path.length ? issue.path.join('.') : where;
  const [code, params] = codeOf(issue, input);
  return [fieldIssue(field, code, params)];
}

function codeOf(issue: z.core.$ZodIssue, input: unknown): [string, Record<string, unknown>] {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0) return ['validation.not_object', {}];
      if (valueAt(input, issue.path) === undefined) return ['validation.required', {}];
      return issue.expected === 'int' ? ['validation.integer', {}] : ['validation.type', { expected: issue.expected }];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const limit = typeof bound === 'bigint' ? Number(bound) : bound;
      const unit = issue.origin === 'string' ? '_length' : issue.origin === 'array' || issue.origin === 'set' ? '_items' : '';
      const side = issue.code === 'too_small' ? 'min' : 'max';
      // An exclusive bound on a whole number is the next whole number inclusive (`> 0` is "at least 1").
      const inclusive = issue.inclusive !== false || typeof limit !== 'number' ? limit : side === 'min' ? limit + 1 : limit - 1;
      return [`validation.${side}${unit}`, { [side]: inclusive }];
    }
    case 'invalid_value':
      return ['validation.enum', { options: issue.values.map(String) }];
    case 'invalid_format':
      if (issue.format === 'regex') return ['validation.pattern', {}];
      if (issue.format === 'email' || issue.format === 'datetime') return [`validation.${issue.format}`, {}];
      return ['validation.format', { format: issue.format }];
    case 'not_multiple_of':
      return issue.divisor === 1 ? ['validation.integer', {}] : ['validation.invalid', {}];
    case 'custom': {
      // A refinement names its code in its params (`{params: {code: 'validation.required'}}`), or gives its English reason.
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? [code, {}] : ['validation.custom', { reason: issue.message }];
    }
    default:
      return ['validation.invalid', {}];
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
