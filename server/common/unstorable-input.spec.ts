import { describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { BadInputError } from './errors.js';
import { MAX_JSON_DEPTH, refuseUnstorableInput } from './unstorable-input.js';

function verdict(request: Partial<Request>): unknown {
  let passed: unknown = 'not called';
  refuseUnstorableInput({ path: '/api/persons', query: {}, body: undefined, ...request } as Request, {} as Response, ((error?: unknown) => { passed = error; }) as NextFunction);
  return passed;
}

describe('refuseUnstorableInput', () => {
  it('lets text without NUL through', () => {
    expect(verdict({ body: { name: 'Zoë 💩', tags: ['a'], extra: { n: 1 } }, query: { q: 'x' } })).toBeUndefined();
  });

  it('lets any text through to the DSL check and format, which store nothing', () => {
    expect(verdict({ path: '/api/dsl/check', body: { source: 'flow \u0000' } })).toBeUndefined();
    expect(verdict({ path: '/api/dsl/format', body: { source: '\u0000' } })).toBeUndefined();
    expect(verdict({ path: '/api/workflows', body: { source: 'flow \u0000' } })).toBeInstanceOf(BadInputError);
  });

  it('refuses a NUL in the body, a key, the query or the path with a 400 naming where', () => {
    const cases: [Partial<Request>, string][] = [
      [{ body: { person: { firstName: 'a\u0000b' } } }, 'person.firstName'],
      [{ body: { ['ke\u0000y']: 1 } }, 'ke\u0000y'],
      [{ body: ['ok', 'n\u0000'] }, '1'],
      [{ body: '\u0000' }, 'body'],
      [{ query: { q: '\u0000' } }, 'q'],
      [{ path: '/api/forms/%00/submissions' }, 'path'],
    ];
    for (const [request, field] of cases) {
      const error = verdict(request);
      expect(error).toBeInstanceOf(BadInputError);
      expect(error).toMatchObject({ statusCode: 400, details: { field } });
      expect((error as Error).message).toBe(`${field}: the NUL character (U+0000) is not allowed`);
    }
  });
});

describe('refuseUnstorableInput: surrogates and depth', () => {
  it('lets surrogate pairs through and refuses an unpaired one, naming where', () => {
    expect(verdict({ body: { name: '💩' } })).toBeUndefined();
    for (const [request, field] of [[{ body: { a: ['x', 'b\ud800'] } }, 'a.1'], [{ body: { name: '\udc00x' } }, 'name'], [{ query: { q: '\ud83d' } }, 'q']] as [Partial<Request>, string][]) {
      expect(verdict(request)).toMatchObject({ statusCode: 400, code: 'request.unpaired_surrogate', details: { field } });
    }
  });

  it('refuses JSON nested deeper than the limit, even far deeper than the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(verdict({ body: { extra: deep } })).toMatchObject({ statusCode: 400, code: 'request.too_deep' });
    let shallow: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) shallow = [shallow];
    expect(verdict({ body: shallow })).toBeUndefined();
  });
});
