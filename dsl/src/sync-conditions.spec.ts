import { describe, expect, it } from '@jest/globals';
import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import fc from 'fast-check';
import { buildEngine, EnginePool, evaluate, resolvePath } from './engine.js';
import { syncCondition } from './sync-conditions.js';

const engine = buildEngine();
const direct = (condition: TopLevelCondition) => syncCondition(condition, engine, resolvePath);
const engineSays = async (condition: TopLevelCondition, facts: Record<string, unknown>) =>
  (await evaluate([{ conditions: condition, event: { type: 'match' } }], facts)).length > 0;

const scalar = fc.oneof(fc.constantFrom('Lead', 'Klant', '3', '', 'status'), fc.constantFrom(3, 0, 1.5, -2), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('status', 'x'), scalar));
const change = fc.record({ from: scalar, to: scalar }, { requiredKeys: [] });
const facts = fc.record({
  person: fc.oneof(value, fc.dictionary(fc.constantFrom('category', 'age', 'tags', 'extra'), fc.oneof(value, fc.dictionary(fc.constantFrom('status', 'x'), scalar)))),
  event: fc.oneof(fc.constant(undefined), fc.record({ kind: fc.constantFrom('created', 'updated'), changes: fc.dictionary(fc.constantFrom('status', 'category'), fc.oneof(change, scalar)) })),
}, { requiredKeys: [] });

const operators = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'isEmpty', 'isNotEmpty'] as const;
const leaf: fc.Arbitrary<NestedCondition> = fc.oneof(
  fc.record({ fact: fc.constantFrom('person', 'company', 'constructor'), path: fc.constantFrom('category', 'age', 'tags', 'extra.status', 'extra', ''), operator: fc.constantFrom(...operators), value: value }),
  fc.record({ fact: fc.constant('event'), path: fc.constant('changes'), operator: fc.constant('changed'), value: fc.record({ field: fc.constantFrom('status', 'category'), from: scalar, to: scalar }, { requiredKeys: ['field'] }) }),
);
const { condition } = fc.letrec<{ condition: NestedCondition }>((tie) => ({
  condition: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') })),
}));
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 4 }) }),
  fc.record({ any: fc.array(condition, { maxLength: 4 }) }),
  fc.record({ not: condition }),
) as fc.Arbitrary<TopLevelCondition>;

describe('conditions read straight off the facts', () => {
  it('answer what a json-rules-engine run answers, for any nesting of every operator on any facts', async () => {
    await fc.assert(fc.asyncProperty(topLevel, facts, async (given, on) => {
      let expected: boolean | Error;
      try {
        expected = await engineSays(given, on);
      } catch (error) {
        expected = error as Error;
      }
      const read = direct(given)!;
      if (expected instanceof Error) expect(() => read(on)).toThrow();
      else expect(read(on)).toBe(expected);
    }), { numRuns: 2000 });
  });

  it('leave to the engine what only it can answer', () => {
    expect(direct({ all: [{ condition: 'shared' }] })).toBeUndefined();
    expect(direct({ all: [{ fact: 'person', path: 'category', operator: 'in', value: { fact: 'leads' } }] })).toBeUndefined();
    expect(direct({ all: [{ fact: 'person', operator: 'equal', value: 1, params: { at: 'now' } }] })).toBeUndefined();
    expect(direct({ any: [{ fact: 'person', path: 'age', operator: 'roughly', value: 3 }] })).toBeUndefined();
    expect(direct({ not: { all: [{ fact: 'person', path: 'age', operator: 'equal', value: 3 }, { condition: 'shared' }] } })).toBeUndefined();
  });

  it('make a pool answer the events of the matching rules, in the engine order, and use the engine for computed facts', async () => {
    const pool = new EnginePool([
      { conditions: { all: [{ fact: 'person', path: 'age', operator: 'greaterThan', value: 17 }] }, event: { type: 'adult' } },
      { conditions: { any: [{ fact: 'person', path: 'category', operator: 'equal', value: 'Lead' }] }, event: { type: 'lead', params: { workflows: ['a'] } }, priority: 5 },
    ]);
    expect(await pool.run({ person: { age: 40, category: 'Lead' } })).toEqual([{ type: 'lead', params: { workflows: ['a'] } }, { type: 'adult' }]);
    expect(await pool.run({ person: { age: 4 } })).toEqual([]);
    // A fact given as a function is computed by the engine.
    expect(await pool.run({ person: () => ({ age: 30 }) })).toEqual([{ type: 'adult' }]);
  });
});
