import { describe, expect, it } from '@jest/globals';
import type { TopLevelCondition } from 'json-rules-engine';
import { conditionHolds, EnginePool } from './engine.js';

const isLead: TopLevelCondition = { all: [{ fact: 'person', path: 'category', operator: 'equal', value: 'Lead' }] };
const person = (i: number) => ({ person: { category: i % 2 === 1 ? 'Lead' : 'Klant' } });
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
