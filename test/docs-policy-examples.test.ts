import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parsePolicy, printPolicy, readPolicy } from '@stroom/dsl';

/** Every ```policy block of the DSL reference is a valid contact policy in its canonical form. */
const blocks = [...readFileSync('docs/dsl-reference.md', 'utf8').matchAll(/```policy\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('contact policy examples in the DSL reference', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThan(0));

  it.each(blocks.map((block, i) => [i + 1, block] as const))('example %d reads without errors and is canonical', (_n, block) => {
    expect(readPolicy(block).diagnostics).toEqual([]);
    expect(printPolicy(parsePolicy(block).ast)).toBe(block);
  });
});
