import { describe, expect, it } from '@jest/globals';
import { InMemoryCatalog } from './catalog.js';
import { checkSource, type CheckOptions } from './checker.js';
import { fixture, lines, show } from './testing/test-support.js';

const catalog = new InMemoryCatalog({
  templates: [
    { key: 'offerte', channel: 'email', variables: ['person.first_name', 'quote_request.status', 'unsubscribe_url'] },
    { key: 'taak', channel: 'email', variables: ['task.title', 'responsible.name'] },
    { key: 'sms-kort', channel: 'sms', variables: ['person.first_name'] },
    { key: 'welkom', channel: 'email', variables: ['person.first_name'] },
  ],
  selections: ['Afmeldingen', 'Geen reactie'],
  projects: ['Zon op dak'],
  forms: ['contact-me'],
  flows: ['Upsell', 'Reactivatie'],
  taskTypes: ['Bellen'],
  groups: ['Adviseurs'],
  employees: ['Adviseur@energieloket.example'],
  files: [{ name: 'brochure.pdf', size: 20 * 1024 * 1024 }, { name: 'tarieven.pdf', size: 6 * 1024 * 1024 }],
  statuses: { quote_request: ['Offertezoek - Offerte aangevraagd'], opportunity: ['Gewonnen'] },
  fields: { person: { score: 'number' } },
});

const findings = (source: string, options: CheckOptions = { catalog }) => show(checkSource(source, options).diagnostics);
const workflow = (...body: string[]) => lines('workflow "w" {', ...body.map((l) => `  ${l}`), '}');
const flow = (...body: string[]) => lines('flow "f" {', '  sender "s@example.nl"', '  reply_to "r@example.nl"', '  sms_sender "S"', '  trigger manual', ...body.map((l) => `  ${l}`), '}');

describe('checker: workflows', () => {
  it('accepts a correct workflow', () => {
    expect(findings(workflow(
      'on quote_request.status changed to "Offertezoek - Offerte aangevraagd"',
      'when quote_request.kind = "Offertezoek" and person.score > 3',
      'after 3 days send email "offerte" to person',
      'remind every 7 days at most 3 times',
    ))).toEqual([]);
  });

  it.each([
    ['unknown template', workflow('on person created', 'send email "nope" to person'), ['3:14+6 error: unknown template "nope"']],
    ['channel', workflow('on person created', 'send email "sms-kort" to person'), ['3:14+10 error: "sms-kort" is an SMS template; this step sends an e-mail']],
    ['record the trigger lacks', workflow('on quote_request created', 'send email "taak" to person'), [
      '3:14+6 error: template "taak" uses task.title, but a quote_request workflow has no task',
      '3:14+6 error: template "taak" uses responsible.name, but a quote_request workflow has no responsible',
    ]],
    ['recipient', workflow('on quote_request created', 'send email "offerte" to responsible'), ['3:27+11 error: a quote_request workflow has no responsible to send to']],
    ['unknown field', workflow('on person created', 'when person.shoe = 3', 'send email "welkom" to person'), ["3:8+11 error: unknown field 'shoe' of person"]],
    ['type mismatch', workflow('on person created', 'when person.score = "hoog"', 'send email "welkom" to person'), ['3:8+21 error: person.score is a number, but "hoog" is a text']],
    ['ordering a text', workflow('on person created', 'when person.category < 3', 'send email "welkom" to person'), ['3:8+19 error: < compares numbers and dates, but person.category is a text']],
    ['field of a record not in reach', workflow('on person created', 'when task.title = "x"', 'send email "welkom" to person'), ['3:8+10 error: task.title is not available: a person workflow has no task']],
    ['unknown status', workflow('on quote_request.status changed to "Bestaat niet"', 'send email "offerte" to person'), ['2:3+49 error: unknown quote_request status "Bestaat niet"']],
    ['unknown task type', workflow('on task created', 'when task.type = "Mailen"', 'send email "taak" to responsible'), ['3:8+20 error: unknown task type "Mailen"']],
    ['reminder without status', workflow('on person created', 'send email "welkom" to person', 'remind every 2 days at most 1 time'),
      ['4:3+34 warning: reminders repeat while the record keeps the value it changed to; this trigger is not a field change']],
    ['merge variables in an SMS text', workflow('on person created', 'send sms "Taak {{ task.title }}"'), ['3:12+23 error: the text uses task.title, but a person workflow has no task']],
  ])('%s', (_, source, expected) => {
    expect(findings(source)).toEqual(expected);
  });

  it('skips name checks offline but still checks fields and types', () => {
    expect(findings(workflow('on person created', 'when person.shoe = 3', 'send email "nope" to person'), {})).toEqual(["3:8+11 error: unknown field 'shoe' of person"]);
  });

  it('gives diagnostics a stable code', () => {
    const [diagnostic] = checkSource(workflow('on person created', 'send email "nope" to person'), { catalog }).diagnostics;
    expect(diagnostic?.code).toBe('unknown-template');
  });
});

describe('checker: flows', () => {
  it('accepts the reference example offline except for its SMS sender', () => {
    expect(findings(fixture('spec-example.stroom'), {})).toEqual([
      "31:3+60 warning: this SMS step needs the flow's sms_sender",
    ]);
  });

  it.each([
    ['unknown names', flow('add to selection "X"', 'add to project "Y"', 'leave { move to flow "Z" }'), [
      '6:20+3 error: unknown selection "X"', '7:18+3 error: unknown project "Y"', '8:11+16 error: unknown flow "Z"',
    ]],
    ['unknown employee and group', flow('create request "t" type "a" status "b" owner "x@y"', 'distribute to owner group "G"'), [
      '6:42+11 error: no employee has the e-mail address "x@y"', '7:3+29 error: unknown group "G"',
    ]],
    ['unreachable steps', flow('leave', 'wait 1 day', 'wait 2 days'), ['7:3+10 warning: this step is never reached: the leave step before it ends the flow']],
    ['wait for a link in a step that sends no e-mail', flow('w: wait 1 day', 'wait for link clicked in w', 'wait for email opened nope'), [
      "7:28+1 error: 'w' labels a wait step, not an e-mail step", "8:25+4 error: no step is labelled 'nope'",
    ]],
    ['duplicate labels', flow('a: wait 1 day', 'a: wait 2 days'), ["7:3+1 error: the label 'a' is used twice"]],
    ['update person types', flow('update person {', '  increase category by 1', '  add score 3', '  set score = "x"', '}'), [
      '7:5+22 error: increase works on a number, but person.category is not one',
      '8:5+11 error: add works on a list, but person.score is not one; use set',
      '9:5+15 error: person.score is a number, but "x" is a text',
    ]],
    ['template with a record a flow lacks', flow('send email "taak"'), [
      '6:14+6 error: template "taak" uses task.title, but a flow has no task',
      '6:14+6 error: template "taak" uses responsible.name, but a flow has no responsible',
    ]],
    ['behaviour only in a split', flow('split "Gedrag" {', '  branch "Klikkers" when participant.clicked = true and participant.clicks >= 2 {', '    wait 1 day', '  }', '  branch "Fout" when participant.shoe = 1 {', '    wait 1 day', '  }', '  others continue', '}'), [
      "10:24+16 error: unknown field 'shoe' of participant",
    ]],
    ['behaviour in a filter', lines('flow "f" {', '  trigger manual', '  filter participant.clicked = true', '}'), [
      "3:10+19 error: participant.clicked is behaviour in this flow: only a split's branches can use it",
    ]],
    ['time zone', lines('flow "f" {', '  timezone "Mars/Olympus"', '  trigger manual', '}'), ['2:12+14 error: unknown time zone "Mars/Olympus"']],
  ])('%s', (_, source, expected) => {
    expect(findings(source)).toEqual(expected);
  });

  it('wants sender and reply_to for e-mail steps: a warning to save, an error to start', () => {
    const source = lines('flow "f" {', '  trigger manual', '  welkom: send email "welkom"', '}');
    expect(findings(source, { catalog, mode: 'save' })).toEqual([
      "3:3+27 warning: this e-mail step needs the flow's sender: sender \"Name <address>\"",
      "3:3+27 warning: this e-mail step needs the flow's reply_to address",
    ]);
    const started = checkSource(source, { catalog, mode: 'start' }).diagnostics;
    expect(started.map((d) => [d.severity, d.code, d.stepId])).toEqual([
      ['error', 'missing-sender', 'welkom'], ['error', 'missing-reply-to', 'welkom'],
    ]);
  });

  it('warns about a flow without a trigger', () => {
    expect(findings(lines('flow "f" {', '  wait 1 day', '}'))).toEqual(["1:6+3 warning: the flow has no trigger; add 'trigger manual' to enrol persons by hand"]);
  });

  it('does not check a text with syntax errors', () => {
    expect(findings(workflow('on person created', 'send email'))).toEqual(["4:1+1 error: expected a template key in quotes after 'email', found '}'"]);
  });
});

describe('checker: step settings of seed 003 and the values a start needs', () => {
  const start = (source: string) => show(checkSource(source, { catalog, mode: 'start' }).diagnostics);

  it('accepts an SMS sender id or number of its own, a notification with its own subject and text, and attachments within 25 MB', () => {
    expect(findings(flow(
      'send sms "Hoi {{ person.first_name }}" from "Loket2"',
      'notify sms to our_contact "Lead {{ person.full_name }}" from "+31201234567"',
      'notify email to our_contact subject "Lead {{ person.full_name }}" "Bel {{ person.first_name }}"',
      'send email "welkom" attach "brochure.pdf"',
      'distribute to owner group "Adviseurs" if unassigned',
    ))).toEqual([]);
  });

  it('checks the merge variables of a notification text', () => {
    expect(findings(flow('notify email to our_contact subject "{{ task.title }}" "x"'))).toEqual([
      '6:39+18 error: the subject uses task.title, but a flow has no task',
    ]);
  });

  it('an invalid SMS sender and attachments that are missing or too large warn on save and block a start', () => {
    const source = lines('flow "f" {', '  sender "s@example.nl"', '  reply_to "r@example.nl"', '  sms_sender "Energieloket"', '  trigger manual',
      '  send sms "x" from "Loket Noord"', '  send email "welkom" attach "brochure.pdf" attach "tarieven.pdf"', '  send email "welkom" attach "brochur.pdf"', '}');
    expect(findings(source)).toEqual([
      '4:14+14 warning: "Energieloket" is not an SMS sender: up to 11 letters and digits, or a phone number in international form (+31612345678)',
      '6:21+13 warning: "Loket Noord" is not an SMS sender: up to 11 letters and digits, or a phone number in international form (+31612345678)',
      '7:3+63 warning: the attachments of this step are 26.0 MB together; at most 25 MB',
      '8:3+40 warning: unknown attachment "brochur.pdf": upload it under Files first',
    ]);
    expect(start(source).filter((line) => line.includes('error'))).toHaveLength(4);
  });
});
