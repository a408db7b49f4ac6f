import { describe, expect, it } from '@jest/globals';
import { asCtes, numbered } from './bound-sql.js';

describe('numbered', () => {
  it('numbers the ? placeholders, leaving quoted text and identifiers alone', () => {
    expect(numbered(`select ? as "a?", 'b?''?' as c where "x" = ? and y = any(?::bigint[])`, 3))
      .toBe(`select $1 as "a?", 'b?''?' as c where "x" = $2 and y = any($3::bigint[])`);
  });

  it('refuses a parameter count that does not match the placeholders', () => {
    expect(() => numbered('select ?, ?', 1)).toThrow('the statement has 2 parameter(s), 1 given');
  });
});

describe('asCtes', () => {
  it('makes statements the CTEs of one, their parameters in order', () => {
    const joined = asCtes([{ sql: 'update "job" set "status" = ? where "id" = ?', params: ['cancelled', 1] }, { sql: 'insert into "job" select * from jsonb_populate_recordset(null::"job", ?::jsonb)', params: ['[]'] }]);
    expect(joined).toEqual({
      sql: '"part1" as (update "job" set "status" = ? where "id" = ?), "part2" as (insert into "job" select * from jsonb_populate_recordset(null::"job", ?::jsonb))',
      params: ['cancelled', 1, '[]'],
    });
    expect(numbered(`with ${joined.sql} select 1`, joined.params.length)).toContain('"id" = $2), "part2"');
  });
});
