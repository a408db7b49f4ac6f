import { describe, expect, it } from '@jest/globals';
import type { TopLevelCondition } from 'json-rules-engine';
import fc from 'fast-check';
import { conditionHolds, EnginePool, equalityTest, evaluate, testedValue } from './engine.js';

// A value read from another fact: only an engine run answers it (nothing is read off the facts directly),
// and these tests are about engine runs.
const isLead: TopLevelCondition = { all: [{ fact: 'person', path: 'category', operator: 'in', value: { fact: 'leads' } }] };
const person = (i: number) => ({ person: { category: i % 2 === 1 ? 'Lead' : 'Klant' }, leads: ['Lead'] });
const expected = Array.from({ length: 20 }, (_, i) => i % 2 === 1);

describe('engine reuse', () => {
  it('answers concurrent checks of one condition each on their own facts', async () => {
    // One shared json-rules-engine would mark the later runs stopped when the first one finishes.
    const results = await Promise.all(expected.map((_, i) => conditionHolds(isLead, person(i))));
    expect(results).toEqual(expected);
  });

  it('answers a check that starts while another one is finishing', async () => {
    // Every stagger of a second run against a first, in microtask steps.
    for (let ticks = 0; ticks < 40; ticks++) {
      const first = conditionHolds(isLead, person(1));
      for (let t = 0; t < ticks; t++) await Promise.resolve();
      const second = conditionHolds(isLead, person(1));
      expect(await Promise.all([first, second])).toEqual([true, true]);
    }
  });

  it('runs a pool concurrently and reuses its engines afterwards', async () => {
    const pool = new EnginePool([{ conditions: isLead, event: { type: 'lead' } }]);
    const runs = await Promise.all(expected.map((_, i) => pool.run(person(i))));
    expect(runs.map((events) => events.length === 1)).toEqual(expected);
    expect((await pool.run(person(1)))[0]?.type).toBe('lead');
  });
});

describe('equality tests', () => {
  const test = (fact: string, path: string, value: unknown): TopLevelCondition => ({ all: [{ fact, path, operator: 'equal', value }] });

  it('recognises exactly one equality of a fact with a constant', () => {
    expect(equalityTest(test('quote_request', 'status', 'Uitgevoerd'))).toEqual({ fact: 'quote_request', path: 'status', value: 'Uitgevoerd' });
    expect(equalityTest({ any: [{ fact: 'task', path: 'priority', operator: 'equal', value: 3 }] })).toEqual({ fact: 'task', path: 'priority', value: 3 });
    expect(equalityTest({ all: [{ fact: 'a', path: 'b', operator: 'equal', value: 1 }, { fact: 'a', path: 'c', operator: 'equal', value: 2 }] })).toBeUndefined();
    expect(equalityTest({ all: [{ fact: 'a', path: 'b', operator: 'notEqual', value: 1 }] })).toBeUndefined();
    expect(equalityTest({ all: [{ fact: 'a', path: 'b', operator: 'equal', value: { fact: 'c' } }] })).toBeUndefined();
    expect(equalityTest({ all: [{ fact: 'a', path: 'b', operator: 'equal', value: 1, params: { x: 1 } }] })).toBeUndefined();
    expect(equalityTest({ all: [{ all: [{ fact: 'a', path: 'b', operator: 'equal', value: 1 }] }] })).toBeUndefined();
    expect(equalityTest({ not: { fact: 'a', path: 'b', operator: 'equal', value: 1 } })).toBeUndefined();
  });

  it('reads the tested value as the engine does: the test (and conditionHolds) holds exactly when an engine run says so', async () => {
    const scalar = fc.oneof(fc.constantFrom('Nieuw', 'Uitgevoerd', '3', ''), fc.constantFrom(3, 0, 1.5), fc.boolean(), fc.constant(null));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.constantFrom('status', 'x'), scalar));
    const facts = fc.dictionary(fc.constantFrom('quote_request', 'person', 'event'), fc.oneof(value, fc.dictionary(fc.constantFrom('status', 'extra'), value)));
    const constant = fc.oneof(fc.constantFrom('Nieuw', 'Uitgevoerd', '3', ''), fc.constantFrom(3, 0), fc.boolean());
    await fc.assert(fc.asyncProperty(facts, fc.constantFrom('quote_request', 'person'), fc.constantFrom('status', 'extra.status', 'x', ''), constant, async (given, fact, path, wanted) => {
      const condition = test(fact, path, wanted);
      const parsed = equalityTest(condition)!;
      const engineSays = (await evaluate([{ conditions: condition, event: { type: 'match' } }], given)).length > 0;
      expect(testedValue(parsed, given) === parsed.value).toBe(engineSays);
      expect(await conditionHolds(condition, given)).toBe(engineSays);
    }), { numRuns: 400 });
  });
});
