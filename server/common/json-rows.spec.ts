import { describe, expect, it } from '@jest/globals';
import { insertFromJson, sharedColumns } from './json-rows.js';

describe('sharedColumns', () => {
  const at = new Date('2026-12-07T10:00:00Z');

  it('takes the columns with one text, number, boolean, null or instant in every row out of the rows', () => {
    const { shared, rows } = sharedColumns([
      { key: 'a', from: 'x@example.nl', marketing: true, error: null, attempts: 0, created_at: at, headers: {} },
      { key: 'b', from: 'x@example.nl', marketing: true, error: null, attempts: 0, created_at: new Date(at), headers: {} },
    ]);
    expect(shared).toEqual({ from: 'x@example.nl', marketing: true, error: null, attempts: 0, created_at: at });
    expect(rows).toEqual([{ key: 'a', headers: {} }, { key: 'b', headers: {} }]);
  });

  it('keeps a column in the rows when one row differs, and objects always (they are not compared)', () => {
    const { shared, rows } = sharedColumns([
      { key: 'a', to: 'x', at, list: [] },
      { key: 'b', to: 'y', at: new Date(at.getTime() + 1), list: [] },
    ]);
    expect(shared).toEqual({});
    expect(rows[1]).toEqual({ key: 'b', to: 'y', at: new Date(at.getTime() + 1), list: [] });
  });

  it('shares nothing for a single row (the base would only add a parameter)', () => {
    expect(sharedColumns([{ key: 'a' }])).toEqual({ shared: {}, rows: [{ key: 'a' }] });
  });
});

describe('insertFromJson', () => {
  it('reads missing columns from the base record when asked', () => {
    expect(insertFromJson('t', ['a', 'b'], { base: true })).toBe(
      'insert into "t" ("a", "b") select "a", "b" from jsonb_populate_recordset(jsonb_populate_record(null::"t", ?::jsonb), ?::jsonb)');
    expect(insertFromJson('t', ['a'])).toBe('insert into "t" ("a") select "a" from jsonb_populate_recordset(null::"t", ?::jsonb)');
  });
});
