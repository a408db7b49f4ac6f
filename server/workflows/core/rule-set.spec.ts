import { describe, expect, it } from '@jest/globals';
import { conditionHolds, evaluate, parse, type Workflow as WorkflowAst } from '@stroom/dsl';
import fc from 'fast-check';
import { installRule, RuleSet } from './rule-set.js';

const STATUSES = ['Nieuw', 'Offerte verstuurd', 'Gewonnen', 'Verloren'];

/** Workflows on tasks whose still-holds conditions are of every kind: an equality per status, a completion, none. */
const sources = [
  ...STATUSES.flatMap((status) => [
    `workflow "Naar ${status}" {\n  on task.status changed to "${status}"\n  after 2 days send email "t" to responsible\n}\n`,
    `workflow "Ook ${status}" {\n  on task.status changed to "${status}"\n  when task.priority = 3\n  after 1 days send email "t" to responsible\n}\n`,
  ]),
  `workflow "Klaar" {\n  on task completed\n  after 1 days send email "t" to responsible\n}\n`,
  `workflow "Gewijzigd" {\n  on task.title changed\n  after 1 days send email "t" to responsible\n}\n`,
  `workflow "Prioriteit" {\n  on task.priority changed to 3\n  after 1 days send email "t" to responsible\n}\n`,
];
const installed = sources.map((source, i) => installRule(String(i + 1), parse(source).ast.declarations[0] as WorkflowAst));

describe('rules that still hold', () => {
  it('are the rules whose own still-holds condition the engine says holds, however they are grouped and indexed', async () => {
    const set = new RuleSet(installed);
    const task = fc.record({
      status: fc.oneof(fc.constantFrom(...STATUSES, 'Anders'), fc.constant(null)),
      priority: fc.oneof(fc.constantFrom(3, 1), fc.constant('3'), fc.constant(null)),
      completed_at: fc.oneof(fc.constant('2026-03-02T08:00:00.000Z'), fc.constant(null)),
      title: fc.constant('Bel'),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.option(task, { nil: undefined }), async (given) => {
      const facts = given === undefined ? {} : { task: given };
      const expected: string[] = [];
      for (const rule of installed) {
        if (!rule.compiled.stillHolds || (await conditionHolds(rule.compiled.stillHolds, facts))) expected.push(rule.workflowId);
      }
      expect(new Set(await set.stillHolding('task', facts))).toEqual(new Set(expected));
    }), { numRuns: 300 });
  });

  it('of another entity are none of these', async () => {
    expect(await new RuleSet(installed).stillHolding('person', { task: { status: 'Nieuw' } })).toEqual([]);
  });
});

describe('rules an event matches', () => {
  /** Several workflows per status, some with the same conditions (shared in one engine rule), some with a `when` of their own. */
  const matchers = STATUSES.flatMap((status, s) => [0, 1, 2].map((n) => installRule(`${s}-${n}`, parse(
    `workflow "M${s}-${n}" {\n  on task.status changed to "${status}"\n${n === 2 ? '  when task.priority = 3\n' : ''}  send email "t" to responsible\n}\n`,
  ).ast.declarations[0] as WorkflowAst)));
  const set = new RuleSet([...installed, ...matchers]);
  const all = [...installed, ...matchers];

  it('are the rules each matching alone, in the order they were installed', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...STATUSES, 'Anders'), fc.constantFrom(...STATUSES), fc.constantFrom(3, 1), async (from, to, priority) => {
      const event = { entity: 'task', kind: 'updated', changes: { status: { from, to } } };
      const facts = { task: { status: to, priority, title: 'Bel' }, event: { id: '1', ...event } };
      const alone: string[] = [];
      for (const rule of all) if ((await evaluate([rule.compiled.rule], facts)).length > 0) alone.push(rule.workflowId);
      expect((await set.matching(event, facts)).map((rule) => rule.workflowId)).toEqual(alone);
    }), { numRuns: 100 });
  });
});
