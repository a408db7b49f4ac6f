import { describe, expect, it } from '@jest/globals';
import { numbered } from './bound-sql.js';

describe('numbered', () => {
  it('numbers the ? placeholders, leaving quoted text and identifiers alone', () => {
    expect(numbered(`select ? as "a?", 'b?''?' as c where "x" = ? and y = any(?::bigint[])`, 3))
      .toBe(`select $1 as "a?", 'b?''?' as c where "x" = $2 and y = any($3::bigint[])`);
  });

  it('refuses a parameter count that does not match the placeholders', () => {
    expect(() => numbered('select ?, ?', 1)).toThrow('the statement has 2 parameter(s), 1 given');
  });
});
