// Date triggers, exit rules, re-entry and the webhook step: the happy forms, their round trip through
// the printer, the graph they compile to, and their malformed forms with the diagnostic they give.
import { describe, expect, it } from '@jest/globals';
import { sameAst, type Flow } from './ast.js';
import { InMemoryCatalog } from './catalog.js';
import { checkSource } from './checker.js';
import { compileFlow } from './flow-graph.js';
import { parse } from './parse.js';
import { print } from './printer.js';
import { lines, show } from './testing/test-support.js';

const catalog = new InMemoryCatalog({
  selections: ['Uitgestapt'], flows: ['Upsell'], secrets: ['crm-token'], fields: { person: { score: 'number' } },
});
const flow = (...body: string[]) => lines('flow "f" {', '  trigger manual', ...body.map((l) => `  ${l}`), '}');
const findings = (source: string) => show(checkSource(source, { catalog }).diagnostics);
const flowOf = (source: string): Flow => {
  const parsed = parse(source);
  expect(show(parsed.diagnostics)).toEqual([]);
  return parsed.ast.declarations[0] as Flow;
};

describe('date triggers', () => {
  it('reads days and workdays before or after a date field of a person, sale, quote request or opportunity', () => {
    const source = lines(
      'flow "Contract" {',
      '  trigger 30 days before person.extra.contract_end',
      '  trigger 1 workday after sale.date',
      '  trigger 2 days after opportunity.created_at',
      '  trigger yearly on person.extra.birthday',
      '}',
      '',
    );
    const parsed = flowOf(source);
    expect(parsed.settings.map((s) => (s.kind === 'trigger' ? s.trigger : s))).toEqual([
      { kind: 'date', amount: 30, unit: 'days', direction: 'before', entity: 'person', field: 'extra.contract_end' },
      { kind: 'date', amount: 1, unit: 'workdays', direction: 'after', entity: 'sale', field: 'date' },
      { kind: 'date', amount: 2, unit: 'days', direction: 'after', entity: 'opportunity', field: 'created_at' },
      { kind: 'yearly', entity: 'person', field: 'extra.birthday' },
    ]);
    expect(print(parse(source).ast)).toBe(source);
    expect(findings(source)).toEqual([]);
    expect(compileFlow(parsed).triggers[0]).toEqual({ kind: 'date', amount: 30, unit: 'days', direction: 'before', entity: 'person', field: 'extra.contract_end' });
  });

  it.each([
    ['a record without date triggers', 'trigger 3 days before task.due_at', ["3:25+11 error: unknown record type 'task'; expected person, sale, quote_request, opportunity"]],
    ['a field that is no date', 'trigger 3 days before sale.amount', ['3:3+33 error: sale.amount is not a date field; a date trigger needs one (e.g. person.extra.contract_end)']],
    ['a unit other than days', 'trigger 3 weeks before sale.date', ["3:13+5 error: expected 'days' or 'workdays' after '3', found 'weeks'"]],
    ['yearly on another record', 'trigger yearly on sale.date', ["3:21+9 error: unknown record type 'sale'; expected person"]],
  ])('refuses %s', (_, line, expected) => {
    expect(findings(flow(line))).toEqual(expected);
  });

  it('warns that a yearly flow for each person once enrols only the first year', () => {
    expect(findings(flow('trigger yearly on person.extra.birthday', 'once per person'))).toEqual([
      "1:6+3 warning: a yearly trigger enrols a person every year, but 'once per person' admits them only once",
    ]);
  });
});

describe('exit rules and re-entry', () => {
  it('reads exit when, with and without leave options, and restart after', () => {
    const source = lines(
      'flow "f" {',
      '  trigger manual',
      '  exit when person.category = "Klant" then leave {',
      '    move to flow "Upsell"',
      '    add to selection "Uitgestapt"',
      '  }',
      '  restart after 90 days',
      '}',
      '',
    );
    const parsed = flowOf(source);
    expect(print(parse(source).ast)).toBe(source);
    expect(findings(source)).toEqual([]);
    const graph = compileFlow(parsed);
    expect(graph.exit).toEqual({
      condition: { all: [{ fact: 'person', path: 'category', operator: 'equal', value: 'Klant' }] },
      actions: [{ kind: 'move_to_flow', flow: 'Upsell' }, { kind: 'add_to_selection', selection: 'Uitgestapt' }],
    });
    expect(graph.restartAfterDays).toBe(90);
    expect(graph.oncePerPerson).toBe(false);
  });

  it('prints a plain exit on one line, and reads `may restart after` as restart', () => {
    const written = flow('may restart after 1 day', 'exit when person.unsubscribed = true then leave');
    const canonical = flow('exit when person.unsubscribed = true', 'restart after 1 day');
    expect(print(parse(written).ast)).toBe(`${canonical}\n`);
    expect(sameAst(parse(written).ast, parse(canonical).ast)).toBe(true);
  });

  it.each([
    ['both once and restart', ['once per person', 'restart after 30 days'], ["4:3+21 error: a flow is either 'once per person' or 'restart after <n> days', not both"]],
    ['restart after 0 days', ['restart after 0 days'], ["3:3+20 error: 'restart after' needs 1 day or more"]],
    ['an exit on a field the flow cannot read', ['exit when task.title = "x"'], ["3:13+10 error: task.title is not available: a flow has no task"]],
    ['an unknown leave target', ['exit when person.score > 3 then leave { move to flow "Nope" }'], ['3:43+19 error: unknown flow "Nope"']],
    ['two exit rules', ['exit when person.score > 3', 'exit when person.score > 4'], ['4:3+26 error: the flow already has a exit setting']],
  ])('refuses %s', (_, body, expected) => {
    expect(findings(flow(...body))).toEqual(expected);
  });
});

describe('the contact policy per flow', () => {
  it('reads `when limited skip|defer` as a flow setting, prints it after the sending settings, and compiles it into the graph', () => {
    const source = lines('flow "f" {', '  trigger manual', '  when limited skip', '  send email "x"', '}', '');
    const parsed = flowOf(source);
    expect(parsed.settings.find((s) => s.kind === 'when_limited')).toMatchObject({ kind: 'when_limited', action: 'skip' });
    expect(print(parse(source).ast)).toBe(lines('flow "f" {', '  when limited skip', '  trigger manual', '', '  send email "x"', '}', ''));
    expect(compileFlow(parsed).settings.whenLimited).toBe('skip');
    expect(compileFlow(flowOf(flow('when limited defer'))).settings.whenLimited).toBe('defer');
    expect(compileFlow(flowOf(flow())).settings.whenLimited).toBeUndefined();
  });

  it('names the word it expected where the line goes wrong', () => {
    expect(show(parse(flow('when limted skip')).diagnostics)).toEqual(["3:8+6 error: expected 'limited' after 'when', found 'limted'"]);
    expect(show(parse(flow('when limited later')).diagnostics)).toEqual(["3:16+5 error: expected 'defer' or 'skip' after 'limited', found 'later'"]);
  });
});

describe('the webhook step', () => {
  const webhook = lines(
    'flow "f" {',
    '  trigger manual',
    '',
    '  crm: call webhook POST "https://crm.example.nl/hooks/{{ person.id }}" header "Authorization" secret "crm-token" body """{"email": "{{ person.email }}", "score": {{ person.extra.score }}}""" timeout 5000 ms',
    '  split "Antwoord" {',
    '    branch "Gelukt" when webhook.crm.status < 300 {',
    '      leave',
    '    }',
    '    others continue',
    '  }',
    '}',
    '',
  );

  it('reads the method, address, secret headers, JSON body and time-out; a split tests its status', () => {
    const parsed = flowOf(webhook);
    expect(parsed.steps[0]).toMatchObject({
      kind: 'call_webhook', id: 'crm', method: 'POST', url: 'https://crm.example.nl/hooks/{{ person.id }}',
      headers: [{ name: 'Authorization', secret: 'crm-token' }], body: '{"email": "{{ person.email }}", "score": {{ person.extra.score }}}', timeoutMs: 5000,
    });
    expect(print(parse(webhook).ast)).toBe(webhook);
    expect(findings(webhook)).toEqual([]);
    expect(compileFlow(parsed).nodes['crm']).toMatchObject({
      kind: 'call_webhook', settings: { method: 'POST', headers: [{ name: 'Authorization', secret: 'crm-token' }], timeoutMs: 5000 },
    });
  });

  it('prints settings in the canonical order, whatever order they were written in', () => {
    const written = flow('call webhook PUT "https://x.nl" timeout 10 ms body "{}" header "X-Key" secret "crm-token"');
    expect(print(parse(written).ast)).toBe(`${lines('flow "f" {', '  trigger manual', '', '  call webhook PUT "https://x.nl" header "X-Key" secret "crm-token" body """{}""" timeout 10 ms', '}')}\n`);
  });

  it.each([
    ['an address that is not http(s)', 'call webhook GET "ftp://x.nl"', ['3:20+12 error: a webhook address starts with https:// (or http:// for an address WEBHOOK_ALLOW_PRIVATE names), as in "https://example.nl/hook"']],
    ['a body that is not JSON', 'call webhook POST "https://x.nl" body """{"a": }"""', ["3:41+13 error: the body is not JSON: Unexpected token '}', \"{\"a\": }\" is not valid JSON"]],
    ['a body on a GET', 'call webhook GET "https://x.nl" body "{}"', ['3:40+4 error: a GET request has no body; use POST or PUT']],
    ['an unknown secret', 'call webhook POST "https://x.nl" header "Authorization" secret "crm-tokn"', ['3:3+73 warning: no secret is named "crm-tokn" (WEBHOOK_SECRETS)']],
    ['a header the service sets', 'call webhook POST "https://x.nl" header "Idempotency-Key" secret "crm-token"', ['3:3+76 error: "Idempotency-Key" cannot be a header of the webhook']],
    ['a time-out over 30 s', 'call webhook POST "https://x.nl" timeout 60000 ms', ['3:3+49 error: a webhook waits 1 to 30000 ms']],
    ['a variable of a record the flow lacks', 'call webhook POST "https://x.nl/{{ task.id }}"', ['3:21+28 error: the address uses task.id, but a flow has no task']],
    ['two bodies', 'call webhook POST "https://x.nl" body "{}" body "[]"', ["3:46+4 error: 'body' is given twice"]],
    ['an unknown method', 'call webhook DELETE "https://x.nl"', ["3:16+6 error: expected 'GET', 'POST' or 'PUT' after 'webhook', found 'DELETE'"]],
  ])('refuses %s', (_, line, expected) => {
    expect(findings(flow(line))).toEqual(expected);
  });

  it('refuses a split on a label that is not a webhook step', () => {
    const source = flow('mail: wait 1 day', 'split "s" {', '  branch "b" when webhook.mail.status = 200 {', '    leave', '  }', '}');
    expect(findings(source)).toEqual(["5:21+25 error: no webhook step is labelled 'mail'"]);
  });
});
