import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { BadInputError } from './errors.js';
import { parseInput } from './validation.js';

describe('parseInput', () => {
  const schema = z.strictObject({ name: z.string(), age: z.number().optional() });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { name: 'An' })).toEqual({ name: 'An' });
  });

  it('names the field of a wrong type', () => {
    expect(() => parseInput(schema, { name: 3 })).toThrow(/^name: expected string, received number$/);
  });

  it('names unknown fields', () => {
    try {
      parseInput(schema, { name: 'An', colour: 'red' });
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(BadInputError);
      expect((e as Error).message).toBe("unknown field 'colour'");
      expect((e as BadInputError).details).toEqual({ issues: [{ field: 'colour', message: "unknown field 'colour'" }] });
    }
  });

  it('refuses a body that is not an object', () => {
    expect(() => parseInput(schema, [1, 2])).toThrow('the body must be a JSON object');
  });
});
