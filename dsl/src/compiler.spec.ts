import { describe, expect, it } from '@jest/globals';
import type { Workflow } from './ast.js';
import { compileCondition, compileWorkflow, eventTriggerKeys, triggerKeyString } from './compiler.js';
import { buildEngine, conditionHolds, evaluate } from './engine.js';
import { parse } from './parse.js';
import { lines } from './testing/test-support.js';

const compiled = (...body: string[]) =>
  compileWorkflow(parse(lines('workflow "w" {', ...body, '}')).ast.declarations[0] as Workflow);

const statusChange = (from: string | null, to: string, kind = 'updated') => ({
  event: { entity: 'quote_request', id: 'q1', kind, changes: { status: { from, to } } },
});

describe('workflow compiler', () => {
  const offerte = compiled(
    'on quote_request.status changed to "Offerte aangevraagd"',
    'when quote_request.kind = "Offertezoek"',
    'after 3 days send email "offerte" to person',
    'remind every 7 days at most 3 times',
    'send sms template "sms-kort"',
  );

  it('carries trigger keys, a changed trigger also meeting created events', () => {
    expect(offerte.triggers).toEqual([
      { entity: 'quote_request', event: 'created', field: 'status' },
      { entity: 'quote_request', event: 'updated', field: 'status' },
    ]);
    expect(offerte.triggers.map(triggerKeyString)).toEqual(['quote_request:created:status', 'quote_request:updated:status']);
    expect(eventTriggerKeys(statusChange('a', 'b').event)).toContain('quote_request:updated:status');
  });

  it('describes the actions for the runtime', () => {
    expect(offerte.actions).toEqual([
      { index: 0, channel: 'email', template: 'offerte', recipient: { kind: 'role', role: 'person' }, delay: { amount: 3, unit: 'days' }, reminders: { everyDays: 7, maxCount: 3 } },
      { index: 1, channel: 'sms', template: 'sms-kort', recipient: { kind: 'role', role: 'person' } },
    ]);
    expect(offerte.stillHolds).toEqual({ all: [{ fact: 'quote_request', path: 'status', operator: 'equal', value: 'Offerte aangevraagd' }] });
  });

  it('matches the status change it names, on update and on create', async () => {
    const record = { quote_request: { kind: 'Offertezoek', status: 'Offerte aangevraagd' } };
    expect(await evaluate([offerte.rule], { ...statusChange('Nieuw', 'Offerte aangevraagd'), ...record })).toHaveLength(1);
    expect(await evaluate([offerte.rule], { ...statusChange(null, 'Offerte aangevraagd', 'created'), ...record })).toHaveLength(1);
    expect(await evaluate([offerte.rule], { ...statusChange('Nieuw', 'Uitgevoerd'), ...record })).toHaveLength(0);
    expect(await evaluate([offerte.rule], { ...statusChange('Nieuw', 'Offerte aangevraagd'), quote_request: { kind: 'Bezoek' } })).toHaveLength(0);
  });

  it('tests from and to, and an unrelated field change does not fire', async () => {
    const rule = compiled('on opportunity.status changed from "A" to "B"', 'send email "k" to owner').rule;
    const event = (changes: object) => ({ event: { entity: 'opportunity', id: 'o', kind: 'updated', changes } });
    expect(await evaluate([rule], event({ status: { from: 'A', to: 'B' } }))).toHaveLength(1);
    expect(await evaluate([rule], event({ status: { from: 'C', to: 'B' } }))).toHaveLength(0);
    expect(await evaluate([rule], event({ kind: { from: 'A', to: 'B' } }))).toHaveLength(0);
  });

  it('compiles task expiry and completion', async () => {
    const expired = compiled('on task expired', 'send email "t" to responsible');
    expect(expired.triggers).toEqual([{ entity: 'task', event: 'expired' }]);
    expect(await evaluate([expired.rule], { event: { entity: 'task', id: 't', kind: 'expired', changes: {} } })).toHaveLength(1);
    const completed = compiled('on task completed', 'after 2 days send email "t" to contact');
    const completion = (from: unknown, to: unknown) => ({ event: { entity: 'task', id: 't', kind: 'updated', changes: { completed_at: { from, to } } } });
    expect(await evaluate([completed.rule], completion(null, '2026-11-23T10:00:00Z'))).toHaveLength(1);
    expect(await evaluate([completed.rule], completion('2026-11-22T10:00:00Z', null))).toHaveLength(0);
  });

  it('record events need the right entity and kind', async () => {
    const rule = compiled('on person deleted', 'send email "k" to our_contact').rule;
    expect(await evaluate([rule], { event: { entity: 'person', id: 'p', kind: 'deleted', changes: {} } })).toHaveLength(1);
    expect(await evaluate([rule], { event: { entity: 'person', id: 'p', kind: 'updated', changes: {} } })).toHaveLength(0);
  });
});

describe('conditions on json-rules-engine', () => {
  const holds = (text: string, facts: Record<string, unknown>) => {
    const workflow = parse(`workflow "w" {\n on person updated\n when ${text}\n send email "k" to person\n}`).ast.declarations[0] as Workflow;
    return conditionHolds(compileCondition(workflow.when!.condition), facts);
  };
  const person = { first_name: 'Anna', category: 'Lead', score: 7, interests: ['Zonnepanelen'], mobile: '', extra: { bron: 'beurs' } };

  it.each([
    ['person.category = "Lead"', true], ['person.category != "Lead"', false], ['person.score < 8', true], ['person.score >= 8', false],
    ['person.category in ["Prospect", "Lead"]', true], ['person.interests contains "Zonnepanelen"', true],
    ['person.first_name contains "nn"', true], ['person.first_name contains "x"', false],
    ['person.mobile is empty', true], ['person.mobile is not empty', false], ['person.extra.bron = "beurs"', true],
    ['not person.category = "Lead"', false], ['person.score > 10 or (person.score > 5 and person.category = "Lead")', true],
  ])('%s → %s', async (text, expected) => {
    expect(await holds(text, { person })).toBe(expected);
  });

  it('treats a missing record as empty instead of failing (allowUndefinedFacts on purpose)', async () => {
    expect(await holds('company.category = "Klant"', { person })).toBe(false);
    expect(await holds('company.category is empty', { person })).toBe(true);
    await expect(buildEngine([]).run({})).resolves.toBeDefined();
  });

  it('the changed operator reads the event and rejects values that are not change lists', async () => {
    const event = (changes: unknown) => ({ event: { entity: 'person', id: 'p', kind: 'updated', changes } });
    expect(await holds('person.category changed to "Klant"', event({ category: { from: 'Lead', to: 'Klant' } }))).toBe(true);
    expect(await holds('person.category changed to "Klant"', event({ category: { from: 'Lead', to: 'Lead' } }))).toBe(false);
    expect(await holds('person.category changed to "Klant"', event('not an object'))).toBe(false);
    expect(await holds('person.score > 3', { person: { score: 'many' } })).toBe(false);
  });
});
