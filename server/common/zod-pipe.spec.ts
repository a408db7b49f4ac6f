import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { BadInputError } from './errors.js';
import { jsonObject, ZodPipe } from './zod-pipe.js';

const body = { type: 'body' } as const;
const query = { type: 'query' } as const;

function issues(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BadInputError);
    return ((e as BadInputError).details as { issues: unknown[] }).issues;
  }
  throw new Error('not thrown');
}

describe('ZodPipe', () => {
  const schema = z.strictObject({ limit: z.coerce.number().int().default(50) });

  it('gives the parsed value', () => {
    expect(new ZodPipe(schema).transform({ limit: '7' }, query)).toEqual({ limit: 7 });
  });

  it('names the top level after where the value came from', () => {
    expect(issues(() => new ZodPipe(schema).transform([1], body))).toEqual([expect.objectContaining({ field: 'body', code: 'validation.not_object' })]);
    expect(issues(() => new ZodPipe(schema).transform('x', query))).toEqual([expect.objectContaining({ field: 'query', code: 'validation.not_object' })]);
  });

  it('codes a field as parseInput does', () => {
    expect(issues(() => new ZodPipe(schema).transform({ other: 1 }, body))).toEqual([expect.objectContaining({ field: 'other', code: 'validation.unknown_field' })]);
  });

  it('stands in for a missing body only when told to', () => {
    expect(new ZodPipe(schema, { whenAbsent: {} }).transform(undefined, body)).toEqual({ limit: 50 });
    expect(issues(() => new ZodPipe(schema).transform(undefined, body))).toEqual([expect.objectContaining({ field: 'body', code: 'validation.not_object' })]);
  });
});

describe('jsonObject', () => {
  it('takes any object and refuses anything else', () => {
    expect(new ZodPipe(jsonObject).transform({ a: 1 }, body)).toEqual({ a: 1 });
    for (const value of [[1], 'x', null, 3]) expect(issues(() => new ZodPipe(jsonObject).transform(value, body))).toEqual([expect.objectContaining({ field: 'body', code: 'validation.not_object' })]);
  });
});
