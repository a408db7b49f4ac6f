import { describe, it, expect } from '@jest/globals';
import { parse, type Workflow } from '@stroom/dsl';
import {
  EMPTY_STATUS_SETTING, EMPTY_TASK_SETTING, emptyTaskSetting, readStatusWorkflow, readTaskWorkflow, sameStatusSettingButActive,
  statusSettingFromWorkflow, statusWorkflowName, statusWorkflowSource, switchedWorkflowSource, taskSettingFromWorkflow,
  taskWorkflowName, taskWorkflowSource,
  type StatusKind, type StatusSetting, type TaskSetting, type TaskWorkflowKind,
} from './settings-dsl.js';

function only(source: string): Workflow {
  const { ast, diagnostics } = parse(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(ast.declarations).toHaveLength(1);
  const [workflow] = ast.declarations;
  if (workflow?.kind !== 'workflow') throw new Error('expected a workflow');
  return workflow;
}

const STATUS: Record<StatusKind, string> = {
  quote_request: 'Offertezoek - Offerte aangevraagd',
  opportunity: 'Nieuw',
  intake_measure: 'Aangemeld',
};

function status(overrides: Partial<StatusSetting>): StatusSetting {
  return {
    active: true, sendReminder: false, templateKey: 'offerte-aangevraagd', delayDays: 0, recipient: 'person',
    reminderIntervalDays: null, reminderMaxCount: null, ...overrides,
  };
}

const STATUS_ROWS: [string, Partial<StatusSetting>][] = [
  ['at once, to the person', {}],
  ['after 3 days', { delayDays: 3 }],
  ['with a reminder', { sendReminder: true, reminderIntervalDays: 7, reminderMaxCount: 3 }],
  ['after 1 day with one reminder', { delayDays: 1, sendReminder: true, reminderIntervalDays: 1, reminderMaxCount: 1 }],
  ['to the owner', { recipient: 'owner' }],
  ['to our contact', { recipient: 'our_contact', delayDays: 2 }],
  ['to the service contact', { recipient: 'service_contact' }],
  ['to an address', { recipient: 'info@energieloket.example', delayDays: 5 }],
  ['inactive, everything kept', {
    active: false, delayDays: 4, recipient: 'owner', sendReminder: true, reminderIntervalDays: 2, reminderMaxCount: 5,
  }],
  ['inactive at once', { active: false }],
  ['a template key with quotes', { templateKey: 'de "beste" mail' }],
];

describe('names', () => {
  it.each<[StatusKind, string, string]>([
    ['quote_request', 'Offertezoek - Offerte aangevraagd', 'Kansactie: Offertezoek - Offerte aangevraagd'],
    ['opportunity', 'Nieuw', 'Kans: Nieuw'],
    ['intake_measure', 'Aangemeld', 'Intake: Aangemeld'],
  ])('status workflow of %s %s is %s', (kind, name, expected) => {
    expect(statusWorkflowName(kind, name)).toBe(expected);
  });

  it.each<[TaskWorkflowKind, string]>([
    ['new', 'Taak Bellen: nieuw'], ['expired', 'Taak Bellen: verlopen'], ['completed', 'Taak Bellen: afgehandeld'],
  ])('task workflow %s is %s', (which, expected) => {
    expect(taskWorkflowName('Bellen', which)).toBe(expected);
  });
});

describe('status rows: setting → source → parse → setting', () => {
  const cases = (Object.keys(STATUS) as StatusKind[]).flatMap((kind) =>
    STATUS_ROWS.map(([label, overrides]) => [kind, label, status(overrides)] as const));

  it.each(cases)('%s: %s', (kind, _label, setting) => {
    const source = statusWorkflowSource(kind, STATUS[kind], setting);
    expect(source).not.toBeNull();
    const workflow = only(source!);
    expect(workflow.name).toBe(statusWorkflowName(kind, STATUS[kind]));
    expect(statusSettingFromWorkflow(kind, STATUS[kind], workflow)).toEqual({ ...setting, customized: false });
  });

  it('writes readable DSL with delay, address and reminder', () => {
    expect(statusWorkflowSource('quote_request', 'Offertezoek - Offerte aangevraagd', status({
      delayDays: 3, recipient: 'info@energieloket.example', sendReminder: true, reminderIntervalDays: 7, reminderMaxCount: 3,
    }))).toBe([
      'workflow "Kansactie: Offertezoek - Offerte aangevraagd" {',
      '  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"',
      '  after 3 days send email "offerte-aangevraagd" to "info@energieloket.example"',
      '  remind every 7 days at most 3 times',
      '}',
      '',
    ].join('\n'));
  });

  it('writes an inactive row at once to a role without a remind line', () => {
    expect(statusWorkflowSource('opportunity', 'Nieuw', status({ active: false, templateKey: 'kans-nieuw', recipient: 'owner' })))
      .toBe([
        'workflow "Kans: Nieuw" inactive {',
        '  on opportunity.status changed to "Nieuw"',
        '  send email "kans-nieuw" to owner',
        '}',
        '',
      ].join('\n'));
  });

  it('writes a row switched off with its reminder: the remind line stays, and reads back every value', () => {
    const setting = status({ active: false, delayDays: 3, recipient: 'owner', sendReminder: true, reminderIntervalDays: 7, reminderMaxCount: 3 });
    const source = statusWorkflowSource('quote_request', STATUS.quote_request, setting);
    expect(source).toBe([
      'workflow "Kansactie: Offertezoek - Offerte aangevraagd" inactive {',
      '  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"',
      '  after 3 days send email "offerte-aangevraagd" to owner',
      '  remind every 7 days at most 3 times',
      '}',
      '',
    ].join('\n'));
    const back = statusSettingFromWorkflow('quote_request', STATUS.quote_request, only(source!));
    expect(back).toEqual({ ...setting, customized: false });
    // And on again: the same rule without `inactive`.
    expect(statusWorkflowSource('quote_request', STATUS.quote_request, { ...back, active: true })).toBe(source!.replace(' inactive {', ' {'));
  });

  it('reads a missing delay back as 0 days', () => {
    const source = statusWorkflowSource('intake_measure', 'Aangemeld', status({ delayDays: null }));
    expect(source).toContain('  send email "offerte-aangevraagd" to person\n');
    expect(statusSettingFromWorkflow('intake_measure', 'Aangemeld', only(source!)).delayDays).toBe(0);
  });

  it('drops reminder numbers when reminders are off', () => {
    const source = statusWorkflowSource('quote_request', STATUS.quote_request,
      status({ sendReminder: false, reminderIntervalDays: 7, reminderMaxCount: 3 }));
    expect(source).not.toContain('remind');
  });

  it.each<[string, Partial<StatusSetting>]>([
    ['switched off, no template', { active: false, templateKey: null }],
    ['switched off, blank template', { active: false, templateKey: '  ' }],
    ['the empty row', EMPTY_STATUS_SETTING],
  ])('a never configured row has no workflow: %s', (_label, overrides) => {
    expect(statusWorkflowSource('quote_request', STATUS.quote_request, status(overrides))).toBeNull();
  });

  it.each<[string, Partial<StatusSetting>, string]>([
    ['active without template', { templateKey: null }, 'templateKey'],
    ['without recipient', { recipient: null }, 'recipient'],
    ['a recipient that is no address', { recipient: 'responsible' }, 'recipient'],
    ['negative delay', { delayDays: -1 }, 'delayDays'],
    ['fractional delay', { delayDays: 1.5 }, 'delayDays'],
    ['reminder without interval', { sendReminder: true, reminderMaxCount: 2 }, 'reminderIntervalDays'],
    ['reminder with 0 times', { sendReminder: true, reminderIntervalDays: 2, reminderMaxCount: 0 }, 'reminderMaxCount'],
  ])('refuses bad input: %s', (_label, overrides, field) => {
    expect(() => statusWorkflowSource('quote_request', STATUS.quote_request, status(overrides)))
      .toThrow(expect.objectContaining({ statusCode: 400, details: { field } }));
  });
});

describe('task rows: setting → source → parse → setting', () => {
  const cases: [TaskWorkflowKind, string, TaskSetting][] = [
    ['new', 'active', { active: true, templateKey: 'taak-nieuw' }],
    ['new', 'inactive', { active: false, templateKey: 'taak-nieuw' }],
    ['expired', 'active', { active: true, templateKey: 'taak-verlopen' }],
    ['expired', 'inactive', { active: false, templateKey: 'taak-verlopen' }],
    ['completed', 'after 2 days', { active: true, templateKey: 'taak-afgehandeld', delayDays: 2 }],
    ['completed', 'at once', { active: true, templateKey: 'taak-afgehandeld', delayDays: 0 }],
    ['completed', 'inactive after 5 days', { active: false, templateKey: 'taak-afgehandeld', delayDays: 5 }],
  ];

  it.each(cases)('%s: %s', (which, _label, setting) => {
    for (const typeName of ['Bellen', 'Huisbezoek "extra"']) {
      const source = taskWorkflowSource(typeName, which, setting);
      expect(source).not.toBeNull();
      const workflow = only(source!);
      expect(workflow.name).toBe(taskWorkflowName(typeName, which));
      expect(taskSettingFromWorkflow(typeName, which, workflow)).toEqual({ ...setting, customized: false });
    }
  });

  it.each<[TaskWorkflowKind, TaskSetting, string[]]>([
    ['new', { active: true, templateKey: 'taak-nieuw' }, [
      'workflow "Taak Bellen: nieuw" {', '  on task created', '  when task.type = "Bellen"',
      '  send email "taak-nieuw" to responsible', '}',
    ]],
    ['expired', { active: false, templateKey: 'taak-verlopen' }, [
      'workflow "Taak Bellen: verlopen" inactive {', '  on task expired', '  when task.type = "Bellen"',
      '  send email "taak-verlopen" to responsible', '}',
    ]],
    ['completed', { active: true, templateKey: 'taak-afgehandeld', delayDays: 3 }, [
      'workflow "Taak Bellen: afgehandeld" {', '  on task completed', '  when task.type = "Bellen"',
      '  after 3 days send email "taak-afgehandeld" to contact', '}',
    ]],
    ['completed', { active: true, templateKey: 'taak-afgehandeld', delayDays: 0 }, [
      'workflow "Taak Bellen: afgehandeld" {', '  on task completed', '  when task.type = "Bellen"',
      '  send email "taak-afgehandeld" to contact', '}',
    ]],
  ])('writes readable DSL for %s', (which, setting, lines) => {
    expect(taskWorkflowSource('Bellen', which, setting)).toBe(`${lines.join('\n')}\n`);
  });

  it.each(['new', 'expired', 'completed'] as const)('a never configured %s row has no workflow', (which) => {
    expect(taskWorkflowSource('Bellen', which, EMPTY_TASK_SETTING)).toBeNull();
    expect(taskWorkflowSource('Bellen', which, emptyTaskSetting(which))).toBeNull();
  });

  it('writes a completed-task row switched off with its template and days, and reads them back', () => {
    const setting: TaskSetting = { active: false, templateKey: 'taak-klaar', delayDays: 4 };
    const source = taskWorkflowSource('Bellen', 'completed', setting);
    expect(source).toContain('workflow "Taak Bellen: afgehandeld" inactive {');
    expect(source).toContain('after 4 days send email "taak-klaar" to contact');
    expect(taskSettingFromWorkflow('Bellen', 'completed', only(source!))).toEqual({ ...setting, customized: false });
  });

  it('refuses an active row without template, and a completed row without days', () => {
    expect(() => taskWorkflowSource('Bellen', 'new', { active: true, templateKey: null }))
      .toThrow(expect.objectContaining({ details: { field: 'templateKey' } }));
    expect(() => taskWorkflowSource('Bellen', 'completed', { active: true, templateKey: 'x', delayDays: null }))
      .toThrow(expect.objectContaining({ details: { field: 'delayDays' } }));
  });

  it('empty rows', () => {
    expect(emptyTaskSetting('completed')).toEqual({ active: false, templateKey: null, delayDays: null });
    expect(emptyTaskSetting('new')).toEqual({ active: false, templateKey: null });
  });
});

describe('hand-edited status workflows are customized', () => {
  const head = 'workflow "Kansactie: Offertezoek - Offerte aangevraagd" {';
  const trigger = '  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"';
  const cases: [string, string[], Partial<StatusSetting>][] = [
    ['two actions', [head, trigger, '  send email "a" to person', '  after 2 days send email "b" to owner', '}'],
      { templateKey: 'a', recipient: 'person', delayDays: 0 }],
    ['after 2 workdays', [head, trigger, '  after 2 workdays send email "a" to person', '}'],
      { templateKey: 'a', recipient: 'person', delayDays: null }],
    ['after 4 hours', [head, trigger, '  after 4 hours send email "a" to person', '}'],
      { templateKey: 'a', delayDays: null }],
    ['after 1 weeks', [head, trigger, '  after 1 weeks send email "a" to person', '}'],
      { templateKey: 'a', delayDays: 7 }],
    ['an extra when', [head, trigger, '  when quote_request.kind = "Offertezoek"', '  send email "a" to person', '}'],
      { templateKey: 'a', recipient: 'person' }],
    ['send sms', [head, trigger, '  after 1 days send sms "Uw offerte is aangevraagd"', '}'],
      { templateKey: null, recipient: null, delayDays: 1 }],
    ['a different status', [head, '  on quote_request.status changed to "Offertezoek - Uitgevoerd"', '  send email "a" to person', '}'],
      { templateKey: 'a', recipient: 'person' }],
    ['a from value', [head, '  on quote_request.status changed from "X" to "Offertezoek - Offerte aangevraagd"', '  send email "a" to person', '}'],
      { templateKey: 'a' }],
    ['another entity', [head, '  on opportunity.status changed to "Offertezoek - Offerte aangevraagd"', '  send email "a" to person', '}'],
      { templateKey: 'a' }],
    ['another trigger', [head, '  on quote_request created', '  send email "a" to person', '}'], { templateKey: 'a' }],
    ['a recipient the form lacks', [head, trigger, '  send email "a" to responsible', '}'], { templateKey: 'a', recipient: null }],
    ['a reminder on the second send', [head, trigger, '  send email "a" to person', '  after 3 days send email "b" to person',
      '  remind every 2 days at most 2 times', '}'], { templateKey: 'a', sendReminder: false }],
    ['a comment', [head, '  # waarom', trigger, '  send email "a" to person', '}'], { templateKey: 'a', recipient: 'person' }],
  ];

  it.each(cases)('%s', (_label, lines, readable) => {
    const result = statusSettingFromWorkflow('quote_request', 'Offertezoek - Offerte aangevraagd', only(lines.join('\n')));
    expect(result.customized).toBe(true);
    expect(result).toMatchObject(readable);
  });

  it('an inactive hand-edited workflow still reads as inactive', () => {
    const result = statusSettingFromWorkflow('opportunity', 'Nieuw', only([
      'workflow "Kans: Nieuw" inactive {', '  on opportunity.status changed to "Nieuw"',
      '  after 3 hours send email "a" to owner', '  remind every 2 days at most 4 times', '}',
    ].join('\n')));
    expect(result).toEqual({
      active: false, sendReminder: true, templateKey: 'a', delayDays: null, recipient: 'owner',
      reminderIntervalDays: 2, reminderMaxCount: 4, customized: true,
    });
  });

  it('a renamed workflow with the canonical shape is not customized', () => {
    const result = statusSettingFromWorkflow('quote_request', 'Offertezoek - Offerte aangevraagd',
      only(['workflow "Mijn eigen naam" {', trigger, '  send email "a" to person', '}'].join('\n')));
    expect(result.customized).toBe(false);
  });
});

describe('hand-edited task workflows are customized', () => {
  const cases: [string, TaskWorkflowKind, string[], Partial<TaskSetting>][] = [
    ['two actions', 'new', ['on task created', 'when task.type = "Bellen"', 'send email "a" to responsible',
      'send email "b" to contact'], { templateKey: 'a' }],
    ['after 2 workdays', 'completed', ['on task completed', 'when task.type = "Bellen"',
      'after 2 workdays send email "a" to contact'], { templateKey: 'a', delayDays: null }],
    ['a delay on a new task', 'new', ['on task created', 'when task.type = "Bellen"',
      'after 1 days send email "a" to responsible'], { templateKey: 'a' }],
    ['an extra condition', 'expired', ['on task expired', 'when task.type = "Bellen" and task.title contains "x"',
      'send email "a" to responsible'], { templateKey: 'a' }],
    ['no condition', 'expired', ['on task expired', 'send email "a" to responsible'], { templateKey: 'a' }],
    ['another task type', 'expired', ['on task expired', 'when task.type = "Mailen"', 'send email "a" to responsible'],
      { templateKey: 'a' }],
    ['send sms', 'expired', ['on task expired', 'when task.type = "Bellen"', 'send sms template "sms-verlopen"'],
      { templateKey: null }],
    ['a different trigger', 'new', ['on task updated', 'when task.type = "Bellen"', 'send email "a" to responsible'],
      { templateKey: 'a' }],
    ['another recipient', 'completed', ['on task completed', 'when task.type = "Bellen"',
      'after 1 days send email "a" to responsible'], { templateKey: 'a', delayDays: 1 }],
    ['a reminder', 'completed', ['on task completed', 'when task.type = "Bellen"', 'send email "a" to contact',
      'remind every 2 days at most 1 time'], { templateKey: 'a', delayDays: 0 }],
  ];

  it.each(cases)('%s', (_label, which, body, readable) => {
    const source = [`workflow "Taak Bellen: x" {`, ...body.map((line) => `  ${line}`), '}'].join('\n');
    const result = taskSettingFromWorkflow('Bellen', which, only(source));
    expect(result.customized).toBe(true);
    expect(result).toMatchObject(readable);
  });
});

describe('the DSL-only parts a form save would drop', () => {
  const head = 'workflow "Kansactie: Offertezoek - Offerte aangevraagd" {';
  const trigger = '  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"';
  it.each<[string, string[], string[]]>([
    ['nothing', [head, trigger, '  send email "a" to person', '}'], []],
    ['a condition', [head, trigger, '  when quote_request.kind = "Offertezoek"', '  send email "a" to person', '}'], ['condition']],
    ['two actions', [head, trigger, '  send email "a" to person', '  send email "b" to owner', '}'], ['second action']],
    ['hours', [head, trigger, '  after 4 hours send email "a" to person', '}'], ['delay in hours']],
    ['workdays and a comment', [head, '  # waarom', trigger, '  after 2 workdays send email "a" to person', '}'], ['comments', 'delay in workdays']],
    ['a from status', [head, '  on quote_request.status changed from "X" to "Offertezoek - Offerte aangevraagd"', '  send email "a" to person', '}'], ['from status']],
    ['another trigger', [head, '  on quote_request created', '  send email "a" to person', '}'], ['trigger']],
    ['a recipient the form lacks', [head, trigger, '  send email "a" to responsible', '}'], ['recipient']],
    ['an sms', [head, trigger, '  send sms "Hallo"', '}'], ['send sms']],
  ])('status row with %s', (_label, lines, parts) => {
    expect(readStatusWorkflow('quote_request', 'Offertezoek - Offerte aangevraagd', only(lines.join('\n'))).dslOnlyParts).toEqual(parts);
  });

  it.each<[string, TaskWorkflowKind, string[], string[]]>([
    ['nothing', 'completed', ['on task completed', 'when task.type = "Bellen"', 'after 2 days send email "a" to contact'], []],
    ['an extra condition', 'expired', ['on task expired', 'when task.type = "Bellen" and task.title contains "x"', 'send email "a" to responsible'], ['condition']],
    ['a reminder', 'completed', ['on task completed', 'when task.type = "Bellen"', 'send email "a" to contact', 'remind every 2 days at most 1 time'], ['reminder']],
    ['a delay on a new task', 'new', ['on task created', 'when task.type = "Bellen"', 'after 1 days send email "a" to responsible'], ['delay']],
  ])('task row with %s', (_label, which, body, parts) => {
    const source = ['workflow "Taak Bellen: x" {', ...body.map((line) => `  ${line}`), '}'].join('\n');
    expect(readTaskWorkflow('Bellen', which, only(source)).dslOnlyParts).toEqual(parts);
  });
});

describe('switching a customized workflow on or off', () => {
  const source = [
    'workflow "Kansactie: Offertezoek - Offerte aangevraagd" {',
    '  # alleen voor offertezoek',
    '  on quote_request.status changed to "Offertezoek - Offerte aangevraagd"',
    '  when quote_request.kind = "Offertezoek"',
    '  after 4 hours send email "a" to person',
    '  remind every 2 days at most 3 times',
    '}',
    '',
  ].join('\n');

  it('changes only the header: condition, comment, hours and reminder stay', () => {
    const off = switchedWorkflowSource(only(source), false);
    expect(off).toBe(source.replace(' {\n', ' inactive {\n'));
    expect(switchedWorkflowSource(only(off), true)).toBe(source);
  });

  it('tells a save that changes nothing but the switch from one that changes a setting', () => {
    const shown = readStatusWorkflow('quote_request', 'Offertezoek - Offerte aangevraagd', only(source)).setting;
    expect(sameStatusSettingButActive({ ...shown, active: false }, shown)).toBe(true);
    expect(sameStatusSettingButActive({ ...shown, delayDays: 1 }, shown)).toBe(false);
    expect(sameStatusSettingButActive({ ...shown, reminderMaxCount: 4 }, shown)).toBe(false);
  });
});
