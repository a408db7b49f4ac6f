import { z } from 'zod';
import { BadInputError } from './errors.js';

/** A record id in JSON: a string of digits or a positive number, always answered as a string. */
export const recordId = z.union([z.string().regex(/^\d{1,18}$/, 'expected an id'), z.number().int().positive()]).transform(String);

/** Parses `input` with a zod schema; a failure is a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => describeIssue(issue, where));
  throw new BadInputError(issues.map((i) => i.message).join('; '), { issues });
}

function describeIssue(issue: z.core.$ZodIssue, where: string): { field: string; message: string } {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${issue.path.join('.')}.` : '';
    const keys = issue.keys.map((k) => `${prefix}${k}`);
    return { field: keys[0] ?? where, message: `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}` };
  }
  const field = issue.path.length ? issue.path.join('.') : where;
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return { field, message: `the ${where} must be a JSON object` };
  }
  const text = issue.message.replace(/^Invalid input: /, '');
  return { field, message: `${field}: ${text}` };
}
