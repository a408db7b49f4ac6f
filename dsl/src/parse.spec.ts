import { describe, expect, it } from '@jest/globals';
import { sameAst, stripLocations, type Flow, type Workflow } from './ast.js';
import { parse } from './parse.js';
import { print } from './printer.js';
import { fixtures, lines, show } from './testing/test-support.js';

const errorsOf = (source: string) => show(parse(source).diagnostics);
const workflow = (...body: string[]) => lines('workflow "a" {', ...body.map((l) => `  ${l}`), '}');
const flow = (...body: string[]) => lines('flow "f" {', ...body.map((l) => `  ${l}`), '}');

describe('fixtures', () => {
  it.each(fixtures())('$name parses without diagnostics and survives printing', ({ source }) => {
    const parsed = parse(source);
    expect(show(parsed.diagnostics)).toEqual([]);
    const printed = print(parsed.ast);
    expect(sameAst(parse(printed).ast, parsed.ast)).toBe(true);
    expect(print(parse(printed).ast)).toBe(printed);
  });

  it.each(fixtures().filter((f) => f.name !== 'spec-example.stroom'))('$name is already in canonical form', ({ source }) => {
    expect(print(parse(source).ast)).toBe(source);
  });
});

describe('workflows', () => {
  it('reads the reference example workflow', () => {
    const [declaration] = parse(workflow(
      'on quote_request.status changed to "Offertezoek - Offerte aangevraagd"',
      'when quote_request.kind = "Offertezoek"',
      'after 3 days send email "offerte-aangevraagd" to person',
      'remind every 7 days at most 3 times',
    )).ast.declarations;
    expect(stripLocations(declaration)).toEqual({
      kind: 'workflow', name: 'a', active: true,
      trigger: { kind: 'field_changed', entity: 'quote_request', field: 'status', to: 'Offertezoek - Offerte aangevraagd' },
      when: { kind: 'when', condition: { kind: 'compare', field: 'quote_request.kind', operator: '=', value: 'Offertezoek' } },
      actions: [{
        kind: 'send_email', delay: { amount: 3, unit: 'days' }, template: 'offerte-aangevraagd',
        recipient: { kind: 'role', role: 'person' }, reminder: { kind: 'remind', everyDays: 7, maxCount: 3 },
      }],
    });
  });

  it('keeps a switched-off workflow with all its settings', () => {
    const declaration = parse('workflow "x" inactive {\n on task expired\n send email "t" to responsible\n}').ast.declarations[0] as Workflow;
    expect(declaration.active).toBe(false);
    expect(declaration.trigger.kind).toBe('task_expired');
  });

  it('reads every trigger form', () => {
    const triggerOf = (line: string) => stripLocations((parse(workflow(line, 'send email "k" to person')).ast.declarations[0] as Workflow).trigger);
    expect(triggerOf('on company deleted')).toEqual({ kind: 'record_event', entity: 'company', event: 'deleted' });
    expect(triggerOf('on follow_up updated')).toEqual({ kind: 'record_event', entity: 'follow_up', event: 'updated' });
    expect(triggerOf('on task completed')).toEqual({ kind: 'task_completed' });
    expect(triggerOf('on opportunity.status changed from "A" to "B"')).toEqual({ kind: 'field_changed', entity: 'opportunity', field: 'status', from: 'A', to: 'B' });
    expect(triggerOf('on sale.amount changed from 3')).toEqual({ kind: 'field_changed', entity: 'sale', field: 'amount', from: 3 });
    expect(triggerOf('on person.category changed')).toEqual({ kind: 'field_changed', entity: 'person', field: 'category' });
  });

  it.each([
    [workflow('on person created', 'after days send email "k" to person'),
      ["3:9+4 error: expected a number of minutes, hours, days, workdays or weeks after 'after', found 'days'"]],
    [workflow('on person created', 'remind every 7 days at most 3 times'),
      ["3:3+35 error: 'remind' repeats the send before it, but there is none"]],
    [workflow('send email "k" to person'), ["1:10+3 error: a workflow needs a trigger, as in 'on person created'"]],
    [workflow('on person created', 'send sms "hoi" from "Loket"'), ["3:23+7 error: 'from' is only available in flows"]],
    [workflow('on person created', 'on person updated', 'send email "k" to person'),
      ['3:3+17 error: a workflow has one trigger; this is a second one']],
    [workflow('on person created', 'when person.a = 1', 'when person.b = 2', 'send email "k" to person'),
      ["4:3+17 error: a workflow has one 'when'; join the conditions with 'and'"]],
    [workflow('on person.status created', 'send email "k" to person'),
      ["2:6+13 error: 'created' follows a record type, as in 'on person created'; only 'changed' follows a field"]],
    [workflow('on person expired', 'send email "k" to person'), ["2:6+6 error: only tasks are expired; write 'on task expired'"]],
    [workflow('on persoon created', 'send email "k" to person'),
      ["2:6+7 error: unknown record type 'persoon'; expected person, company, task, quote_request, opportunity, intake_measure, sale, request, follow_up"]],
    [workflow('on person changed', 'send email "k" to person'), ["2:6+6 error: say which field changes, as in 'on person.status changed'"]],
    [workflow('on person created', 'send email "k"'), ["3:3+14 error: say who receives the e-mail, as in 'to person'"]],
    [workflow('on person created', 'send email "k" to auto'),
      ["3:21+4 error: 'to' takes person, contact, responsible, owner, our_contact, service_contact or a quoted e-mail address, not auto"]],
    [workflow('on person created', 'send email "k" to person subject "s"'),
      ["3:36+3 error: a workflow's e-mail takes its subject from the template"]],
    [workflow('on person created', 'send sms "hi" to person'),
      ["3:20+6 error: a workflow's SMS goes to the record's person; 'to' is not available"]],
    [workflow('on person created', 'send email "k" to person', 'remind every 0 days at most 0 times'),
      ['4:16+1 error: reminders repeat every 1 day or more', '4:31+1 error: a reminder is sent at most 1 time or more']],
    [workflow('on person created', 'send email "k" to person', 'remind every 7 days at most times'),
      ["4:31+5 error: expected a number of times after 'most', found 'times'"]],
  ])('reports %j exactly', (source, expected) => {
    expect(errorsOf(source)).toEqual(expected);
  });
});

describe('conditions', () => {
  const conditionOf = (text: string) => stripLocations((parse(workflow('on person updated', `when ${text}`, 'send email "k" to person')).ast.declarations[0] as Workflow).when!.condition);

  it('binds not tighter than and, and and tighter than or', () => {
    expect(conditionOf('not person.a = 1 and person.b = 2 or person.c = 3')).toEqual({
      kind: 'or', operands: [
        { kind: 'and', operands: [
          { kind: 'not', operand: { kind: 'compare', field: 'person.a', operator: '=', value: 1 } },
          { kind: 'compare', field: 'person.b', operator: '=', value: 2 },
        ] },
        { kind: 'compare', field: 'person.c', operator: '=', value: 3 },
      ],
    });
  });

  it('keeps the grouping written with parentheses', () => {
    expect(conditionOf('(person.a = 1 and person.b = 2) and person.c = 3')).toEqual({
      kind: 'and', operands: [
        { kind: 'and', operands: [
          { kind: 'compare', field: 'person.a', operator: '=', value: 1 },
          { kind: 'compare', field: 'person.b', operator: '=', value: 2 },
        ] },
        { kind: 'compare', field: 'person.c', operator: '=', value: 3 },
      ],
    });
  });

  it('reads every comparison and value kind', () => {
    expect(conditionOf('person.a != "x"')).toMatchObject({ kind: 'compare', operator: '!=', value: 'x' });
    expect(conditionOf('person.a <= -2.5')).toMatchObject({ kind: 'compare', operator: '<=', value: -2.5 });
    expect(conditionOf('person.a >= 0')).toMatchObject({ kind: 'compare', operator: '>=', value: 0 });
    expect(conditionOf('person.a < 1')).toMatchObject({ operator: '<' });
    expect(conditionOf('person.a > 1')).toMatchObject({ operator: '>' });
    expect(conditionOf('person.a = true')).toMatchObject({ value: true });
    expect(conditionOf('person.a in ["x", 2, false]')).toEqual({ kind: 'in', field: 'person.a', values: ['x', 2, false] });
    expect(conditionOf('person.a in []')).toEqual({ kind: 'in', field: 'person.a', values: [] });
    expect(conditionOf('person.interests contains "Zon"')).toEqual({ kind: 'contains', field: 'person.interests', value: 'Zon' });
    expect(conditionOf('person.mobile is empty')).toEqual({ kind: 'empty', field: 'person.mobile', negated: false });
    expect(conditionOf('person.mobile is not empty')).toEqual({ kind: 'empty', field: 'person.mobile', negated: true });
    expect(conditionOf('person.category changed to "Klant"')).toEqual({ kind: 'changed', field: 'person.category', to: 'Klant' });
    expect(conditionOf('quote_request.status = "a\\"b\\\\c"')).toMatchObject({ field: 'quote_request.status', value: 'a"b\\c' });
  });

  it.each([
    [workflow('on person created', 'when person.x = ', 'send email "k" to person'),
      ["4:3+4 error: expected a value (a quoted text, a number, true or false) after '=', found 'send'"]],
    [workflow('on person created', 'when person = 3', 'send email "k" to person'),
      ["3:15+1 error: expected a field, as in person.first_name after 'person', found '='"]],
    [workflow('on person created', 'when person.x in ["a" "b"]', 'send email "k" to person'),
      ["3:25+3 error: expected ']' after '\"a\"', found '\"b\"'"]],
    [workflow('on person created', 'when (person.x = 1', 'send email "k" to person'),
      ["4:3+4 error: expected ')' after '1', found 'send'"]],
    [workflow('on person created', 'when person.x = 1e999', 'send email "k" to person'),
      ['3:19+5 error: the number 1e999 is too large']],
  ])('reports %j exactly', (source, expected) => {
    expect(errorsOf(source)).toEqual(expected);
  });
});

describe('flows', () => {
  it.each([
    [flow('sender "a"', 'sender "b"'), ['3:3+10 error: the flow already has a sender setting']],
    [flow('send_window mon-zat 08:00-25:00'),
      ["2:19+3 error: expected a day (mon, tue, wed, thu, fri, sat, sun), found 'zat'", "2:29+5 error: '25:00' is not a time of day"]],
    [flow('send_window workdays 20:00-08:00'), ['2:3+32 error: the send window closes before it opens']],
    [flow('create follow_up "t"'), [
      '2:3+20 error: create follow_up needs a type: type "<type>"',
    ]],
    [flow('create sale "t" type "x" stage open priority "p" after 3 days'), [
      "2:39+12 error: 'priority' is not a setting of create sale",
      "2:52+12 error: 'after' is not a setting of create sale; write 'date after …'",
    ]],
    [flow('create request "t" type "x" type "y" status "s" owner our_contact'), [
      "2:31+8 error: 'type' is given twice",
      "2:57+11 error: a request's 'owner' takes auto, unassigned or a quoted employee e-mail address, not our_contact",
    ]],
    [flow('distribute to owner'), ['2:3+19 error: say among whom to distribute: among "<e-mail>", … or group "<name>"']],
    [flow('distribute to owner among "a" group "g"'), ['2:3+39 error: distribute among employees or to a group, not both']],
    [flow('notify email to person "text"'), [
      '2:3+29 error: notify email with a text of its own needs a subject: subject "<subject>"',
      "2:19+6 error: 'notify … to' takes our_contact, service_contact or a quoted e-mail address, not person",
    ]],
    [flow('notify email to our_contact'), [
      '2:3+27 error: notify email needs a template (template "<key>") or a subject and text (subject "<subject>" "<text>")',
    ]],
    [flow('notify email to our_contact template "t" subject "s"'), [
      '2:52+3 error: notify email sends a template or a subject and text of its own, not both',
    ]],
    [flow('notify email to our_contact subject "s" from "Loket"'), [
      "2:3+52 error: notify email with a subject needs the text of the message in quotes",
      "2:48+7 error: an e-mail goes out from the flow's sender; 'from' is for SMS",
    ]],
    [flow('notify sms to our_contact "hoi" subject "s" from "A" from "B"'), [
      '2:43+3 error: an SMS has no subject',
      "2:61+3 error: 'from' is given twice",
    ]],
    [flow('send sms "hoi" from "A" from "B"'), ["2:32+3 error: 'from' is given twice"]],
    [flow('distribute to owner group "g" if unassigned if unassigned'), ["2:47+2 error: 'if unassigned' is given twice"]],
    [flow('wait until "morgen"'), ['2:14+8 error: expected a date and time such as "2026-12-01T09:00"']],
    [flow('wait for link clicked at most 2 days at most 3 days else continue else leave'),
      ["2:40+14 error: 'at most' is given twice", "2:69+10 error: 'else' is given twice"]],
    [flow('split "s" {', '  others continue', '  branch "a" when person.x = 1 {', '  }', '}'),
      ["3:5+15 error: 'others' comes after the last branch"]],
    [flow('send email "k" to person'),
      ["2:21+6 error: a flow's messages go to the participant; use 'notify' to write to someone else"]],
    [flow('success when person created'), ["2:16+14 error: success counts 'sale created', 'follow_up created' or 'request created'"]],
    [flow('wait 1.5 days'), ['2:8+3 error: expected a whole number of days, found 1.5']],
    [flow('update person {', '  set x 3', '}'), ["3:11+1 error: expected '=' after 'x', found '3'"]],
    [flow('sned email "x"', 'wait 2 days'),
      ["2:3+4 error: expected a step (send, update, add, remove, create, distribute, run, notify, wait, split, leave, complete or call), found 'sned'"]],
    [flow('wait 2'), ["3:1+1 error: expected a unit: minutes, hours, days, workdays or weeks after '2', found '}'"]],
  ])('reports %j exactly', (source, expected) => {
    expect(errorsOf(source)).toEqual(expected);
  });

  it('reads labels, and a name followed by a colon is the next step, not a reference', () => {
    const declaration = parse(flow('a: send email "x"', 'wait for email opened', 'b: wait 1 day')).ast.declarations[0] as Flow;
    expect(declaration.steps.map((step) => [step.id, step.kind])).toEqual([['a', 'send_email'], [undefined, 'wait_for'], ['b', 'wait']]);
    expect(stripLocations(declaration.steps[1])).toEqual({ kind: 'wait_for', event: { kind: 'email_opened' } });
  });

  it('sorts flow settings into canonical order', () => {
    const declaration = parse(flow('once per person', 'trigger manual', 'sender "s"', 'wait 1 day', 'reply_to "r"')).ast.declarations[0] as Flow;
    expect(declaration.settings.map((s) => s.kind)).toEqual(['sender', 'reply_to', 'trigger', 'once_per_person']);
  });
});

describe('error recovery', () => {
  it('reports several errors in one pass and keeps reading', () => {
    const source = workflow('on person created', 'foo bar', 'send email "k" to person', 'baz', 'after x days send email "k" to person');
    expect(errorsOf(source)).toEqual([
      "3:3+3 error: expected a workflow line (on, when, after, send or remind) or '}', found 'foo'",
      "5:3+3 error: expected a workflow line (on, when, after, send or remind) or '}', found 'baz'",
      "6:9+1 error: expected a number of minutes, hours, days, workdays or weeks after 'after', found 'x'",
    ]);
    expect((parse(source).ast.declarations[0] as Workflow).actions.length).toBeGreaterThanOrEqual(1);
  });

  it('reads a text with errors again with recovery, and leaves the parser as it found it', () => {
    // A text is first read without recovery; one with an error is read again with it, from a clean slate.
    const bad = workflow('on person created', 'foo bar', 'send email "k" to person', 'baz');
    const good = workflow('on person created', 'send email "k" to person');
    const first = parse(bad);
    expect(first.diagnostics).toHaveLength(2);
    expect(parse(good)).toEqual(parse(good));
    expect(parse(good).diagnostics).toEqual([]);
    expect(parse(bad)).toEqual(first);
  });

  it('skips text outside any declaration to the next declaration', () => {
    const parsed = parse(lines('junk here', 'workflow "a" {', '  on person created', '  send email "k" to person', '}', '}', 'flow "b" {', '  wait 1 day', '}'));
    expect(show(parsed.diagnostics)).toEqual([
      "1:1+4 error: unexpected 'junk'; expected a workflow or a flow",
      "6:1+1 error: unexpected '}': there is no block to close",
    ]);
    expect(parsed.ast.declarations.map((d) => d.name)).toEqual(['a', 'b']);
  });

  it('reports unterminated texts and scripts once', () => {
    expect(errorsOf(workflow('on person created', 'send sms "unterminated'))).toEqual(['3:12+13 error: this text has no closing quote']);
    expect(errorsOf(flow('run script """never'))).toEqual(['2:14+10 error: this script has no closing """']);
  });

  it('reports the end of the text where a declaration stops short', () => {
    expect(errorsOf('workflow')).toEqual(["1:9+1 error: expected the workflow's name in quotes after 'workflow', found the end of the text"]);
    expect(errorsOf('workflow "x" {')).toEqual(['1:14+1 error: this block opened here is not closed: a } is missing']);
  });

  it('caps nesting depth with a diagnostic instead of overflowing the stack', () => {
    const deep = workflow('on person created', `when ${'('.repeat(5000)}person.a = 1${')'.repeat(5000)}`, 'send email "k" to person');
    // The workflow's own block counts as the first level.
    expect(errorsOf(deep)).toEqual(['3:71+1 error: blocks and parentheses nest deeper than 64 levels']);
    const nots = workflow('on person created', `when ${'not '.repeat(100_000)}person.a = 1`, 'send email "k" to person');
    expect(errorsOf(nots)).toEqual(['3:8+400012 error: conditions nest deeper than 64 levels']);
    const blocks = flow(`${'split "s" { branch "b" when person.a = 1 { '.repeat(40)}wait 1 day${' }'.repeat(80)}`);
    expect(errorsOf(blocks)[0]).toMatch(/nest deeper than 64 levels/);
  });

  it('counts columns and lengths in UTF-16 code units', () => {
    expect(errorsOf('flow "🌷🌷" {\n  sned\n}')).toEqual([
      "2:3+4 error: expected a step (send, update, add, remove, create, distribute, run, notify, wait, split, leave, complete or call), found 'sned'",
    ]);
    expect(errorsOf('flow "🌷" { wait 1 day } §')).toEqual(['1:26+1 error: unexpected character "§"']);
  });

  it('never throws and limits the number of diagnostics on garbage', () => {
    const garbage = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    expect(parse(garbage).diagnostics.length).toBeGreaterThan(0);
    const parsed = parse('flow "x" { § '.repeat(5_000));
    expect(parsed.diagnostics.length).toBe(100);
    expect(parsed.diagnostics.at(-1)?.message).toMatch(/too many problems/);
  });

  it('reads a 1 MB program', () => {
    const step = '  wait for link clicked in welkom at most 7 days else leave { add to selection "x" }\n';
    const source = `flow "groot" {\n  welkom: send email "w"\n${step.repeat(Math.ceil(1_000_000 / step.length))}}\n`;
    const started = performance.now();
    const parsed = parse(source);
    expect(parsed.diagnostics).toEqual([]);
    expect((parsed.ast.declarations[0] as Flow).steps.length).toBeGreaterThan(11_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
