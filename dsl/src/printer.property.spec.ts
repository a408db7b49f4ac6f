import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { program } from './testing/ast-arbitraries.js';
import { stripLocations } from './ast.js';
import { assignStepIds } from './ids.js';
import { parse } from './parse.js';
import { print } from './printer.js';

// A fixed seed, printed, so that a failure in CI reproduces locally.
const SEED = 20_261_123;
const RUNS = 800;

describe('printer properties (fast-check)', () => {
  it(`parse(print(ast)) equals ast, ids included (seed ${SEED})`, () => {
    console.info(`printer property seed: ${SEED}`);
    fc.assert(fc.property(program, (ast) => {
      const withIds = assignStepIds(ast, ['s2']);
      const printed = print(withIds);
      const parsed = parse(printed);
      expect(parsed.diagnostics).toEqual([]);
      expect(stripLocations(parsed.ast)).toEqual(withIds);
    }), { seed: SEED, numRuns: RUNS });
  });

  it(`formatting is idempotent (seed ${SEED})`, () => {
    fc.assert(fc.property(program, (ast) => {
      const once = print(parse(print(ast)).ast);
      expect(print(parse(once).ast)).toBe(once);
    }), { seed: SEED + 1, numRuns: RUNS });
  });
});
