import { describe, expect, it } from '@jest/globals';
import { compileFlow, parse, type Flow as FlowAst, type FlowNode } from '@stroom/dsl';
import { appCalendar } from '../../scheduling/calendar.js';
import { conditionBranch, onWaitTimeout, personUpdate, waitEnd, waitForTimeout } from './step-decisions.js';

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: [] });

/** The compiled steps of a flow with these steps, by id. */
function nodes(steps: string): Record<string, FlowNode> {
  const { ast, diagnostics } = parse(`flow "T" {\n  trigger manual\n\n${steps}\n}\n`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compileFlow(ast.declarations[0] as FlowAst).nodes;
}

describe('wait decisions', () => {
  const n = nodes(`  a: wait 2 days
  b: wait 3 workdays
  c: wait until "2026-06-01T09:00"
  d: wait 90 minutes
  e: send email "x"
  f: wait for link clicked in e at most 2 days else leave
  g: wait for email opened e else continue`);

  it.each([
    ['a', '2026-03-27T10:00:00Z', '2026-03-29T09:00:00Z', 'days keep the wall-clock time across the DST change'],
    ['b', '2026-03-06T10:00:00Z', '2026-03-11T10:00:00Z', 'workdays skip the weekend'],
    ['c', '2026-03-06T10:00:00Z', '2026-06-01T07:00:00Z', 'a moment without an offset is in the calendar zone'],
    ['d', '2026-03-29T00:30:00Z', '2026-03-29T02:00:00Z', 'minutes are elapsed time'],
  ])('%s: from %s to %s (%s)', (id, from, to) => {
    expect(waitEnd(n[id]!, new Date(from), calendar).toISOString()).toBe(new Date(to).toISOString());
  });

  it('times a wait for an action out after its "at most", else after 7 days, and says what happens then', () => {
    const at = new Date('2026-03-02T08:00:00Z');
    expect(waitForTimeout(n['f']!, at, calendar).toISOString()).toBe('2026-03-04T08:00:00.000Z');
    expect(waitForTimeout(n['g']!, at, calendar).toISOString()).toBe('2026-03-09T08:00:00.000Z');
    expect(onWaitTimeout(n['f']!)).toMatchObject({ kind: 'leave' });
    expect(onWaitTimeout(n['g']!)).toEqual({ kind: 'continue' });
  });
});

describe('a split on conditions', () => {
  const n = nodes(`  s: split "S" {
    branch "Klant" when person.category = "Klant" {
      k: send email "k"
    }
    branch "Klikker" when participant.clicked = true {
      c: send email "c"
    }
    others leave
  }
  t: split "T" {
    branch "Klant" when person.category = "Klant" {
      k2: send email "k"
    }
  }
  na: send email "na"`);

  it.each([
    ['the first branch that holds', 's', { person: { category: 'Klant' }, participant: { clicked: true } }, { kind: 'next', next: 'k' }],
    ['behaviour', 's', { person: { category: 'Lead' }, participant: { clicked: true } }, { kind: 'next', next: 'c' }],
    ['others leave', 's', { person: { category: 'Lead' }, participant: { clicked: false } }, { kind: 'leave', actions: [] }],
    ['no others: on to the next step', 't', { person: { category: 'Lead' } }, { kind: 'next', next: 'na' }],
  ])('%s', async (_, id, facts, expected) => {
    expect(await conditionBranch(n[id]!, facts)).toEqual(expected);
  });
});

describe('an update of the person', () => {
  const person = { first_name: 'An', category: 'Lead', interests: ['zon'], score: 4, extra: { bron: 'web', stad: 'Delft' } };

  it.each([
    ['set', [{ kind: 'set', field: 'category', value: 'Klant' }], { category: 'Klant' }, { category: 'Klant' }],
    ['clear a list and a value', [{ kind: 'clear', field: 'interests' }, { kind: 'clear', field: 'first_name' }], { interests: [], firstName: null }, { interests: [], first_name: null }],
    ['add once', [{ kind: 'add', field: 'interests', value: 'zon' }, { kind: 'add', field: 'interests', value: 'wind' }], { interests: ['zon', 'wind'] }, { interests: ['zon', 'wind'] }],
    ['remove', [{ kind: 'remove', field: 'interests', value: 'zon' }], { interests: [] }, { interests: [] }],
    ['increase twice', [{ kind: 'increase', field: 'score', by: 2 }, { kind: 'increase', field: 'score', by: 3 }], { score: 9 }, { score: 9 }],
    ['extra fields merge', [{ kind: 'set', field: 'extra.stad', value: 'Utrecht' }], { extra: { bron: 'web', stad: 'Utrecht' } }, { extra: { bron: 'web', stad: 'Utrecht' } }],
  ] as const)('%s', (_, operations, patch, after) => {
    const result = personUpdate(person, operations as never);
    expect(result.patch).toEqual(patch);
    expect(result.after).toEqual({ ...person, ...after });
    expect(person.extra).toEqual({ bron: 'web', stad: 'Delft' });
  });
});
