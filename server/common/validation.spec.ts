import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { BadInputError } from './errors.js';
import { parseInput, recordId } from './validation.js';

describe('parseInput', () => {
  const schema = z.strictObject({ name: z.string(), age: z.number().optional() });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { name: 'An' })).toEqual({ name: 'An' });
  });

  it('names the field of a wrong type', () => {
    expect(() => parseInput(schema, { name: 3 })).toThrow(/^name: expected string$/);
  });

  it('names unknown fields', () => {
    try {
      parseInput(schema, { name: 'An', colour: 'red' });
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as Error).message).toBe("colour: unknown field 'colour'");
      expect((e as BadInputError).code).toBe('validation.failed');
      expect((e as BadInputError).details).toEqual({ issues: [{ field: 'colour', code: 'validation.unknown_field', params: { field: 'colour' }, message: "unknown field 'colour'" }] });
    }
  });

  it('refuses a body that is not an object', () => {
    expect(() => parseInput(schema, [1, 2])).toThrow('body: must be a JSON object');
  });

  it('codes each issue: required, bounds of numbers, strings and lists, whole numbers, options, formats', () => {
    const shape = z.strictObject({
      name: z.string(), days: z.number().int().min(0), count: z.number().max(5), positive: z.number().positive(),
      key: z.string().min(2).max(3), ids: z.array(z.string()).max(1), kind: z.enum(['a', 'b']), email: z.email(), id: recordId, on: z.boolean(),
    });
    try {
      parseInput(shape, { days: 1.5, count: 6, positive: 0, key: 'abcd', ids: ['1', '2'], kind: 'c', email: 'x', id: 'y', on: 'yes' });
      throw new Error('not thrown');
    } catch (e) {
      const issues = (e as BadInputError).details as { issues: { field: string; code: string; params: object }[] };
      expect(Object.fromEntries(issues.issues.map((i) => [i.field, [i.code, i.params]]))).toEqual({
        name: ['validation.required', {}],
        days: ['validation.integer', {}],
        count: ['validation.max', { max: 5 }],
        positive: ['validation.min', { min: 1 }],
        key: ['validation.max_length', { max: 3 }],
        ids: ['validation.max_items', { max: 1 }],
        kind: ['validation.enum', { options: ['a', 'b'] }],
        email: ['validation.email', {}],
        id: ['validation.pattern', {}],
        on: ['validation.type', { expected: 'boolean' }],
      });
    }
  });
});
