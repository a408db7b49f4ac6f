// fast-check generators of canonical ASTs (the shapes the parser produces), for property tests.
import fc from 'fast-check';
import {
  DATE_TRIGGER_ENTITIES, ENTITIES, FLOW_SETTING_ORDER, TIME_UNITS, WEBHOOK_METHODS, WEEKDAYS, type Branch, type CompareOperator, type Condition,
  type Declaration, type Duration, type Flow, type FlowSetting, type LeaveAction, type LeaveOptions, type Party,
  type Program, type Role, type Step, type SuccessCriterion, type UpdateOperation, type Value, type Workflow,
  type WorkflowAction, type WorkflowTrigger,
} from '../ast.js';
import { KEYWORDS } from '../tokens.js';

const RESERVED = new Set<string>([...KEYWORDS, 'minute', 'hour', 'day', 'workday', 'week', 'time']);

export const text = fc.string({ unit: 'binary', maxLength: 12 });
const commentText = fc.string({ unit: 'grapheme', maxLength: 16 }).map((s) => s.replace(/[\r\n]/g, ' ').trimEnd());
const comments = fc.option(fc.array(commentText, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 4 });

export const identifier = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
  .filter((word) => !RESERVED.has(word));
/** Any word the lexer reads as a name: identifiers and keywords alike. */
const word = fc.oneof(identifier, fc.constantFrom(...RESERVED));
const fieldName = fc.array(word, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('.'));
const fieldPath = fc.tuple(word, fieldName).map(([head, rest]) => `${head}.${rest}`);

export const value: fc.Arbitrary<Value> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
);
const whole = fc.nat({ max: 10_000 });
const positive = fc.integer({ min: 1, max: 1000 });
const duration: fc.Arbitrary<Duration> = fc.record({ amount: whole, unit: fc.constantFrom(...TIME_UNITS) });
const entity = fc.constantFrom(...ENTITIES);
const address = (roles: Role[]): fc.Arbitrary<Party> => fc.oneof(
  fc.constantFrom(...roles).map((role): Party => ({ kind: 'role', role })),
  text.map((a): Party => ({ kind: 'address', address: a })),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const changeValues = fc.record({ from: value, to: value }, { requiredKeys: [] });

/** Drops undefined properties, as the builder never sets them. */
function clean<T extends object>(node: T): T {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined)) as T;
}

export const condition: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('compare' as const), field: fieldPath, operator: fc.constantFrom<CompareOperator>('=', '!=', '<', '<=', '>', '>='), value }),
    fc.record({ kind: fc.constant('in' as const), field: fieldPath, values: fc.array(value, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('contains' as const), field: fieldPath, value }),
    fc.record({ kind: fc.constant('empty' as const), field: fieldPath, negated: fc.boolean() }),
    fc.tuple(fieldPath, changeValues).map(([field, change]): Condition => ({ kind: 'changed', field, ...change })),
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), operands: fc.array(tie('condition'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('condition') }),
  ),
})).condition;

// ---- workflows ----------------------------------------------------------------------------------

const trigger: fc.Arbitrary<WorkflowTrigger> = fc.oneof(
  fc.record({ kind: fc.constant('record_event' as const), entity, event: fc.constantFrom('created' as const, 'updated' as const, 'deleted' as const) }),
  fc.constant({ kind: 'task_expired' as const }),
  fc.constant({ kind: 'task_completed' as const }),
  fc.tuple(entity, word, changeValues).map(([e, field, change]): WorkflowTrigger => ({ kind: 'field_changed', entity: e, field, ...change })),
);

const reminder = optional(fc.record({ kind: fc.constant('remind' as const), everyDays: positive, maxCount: positive, comments }));

const workflowAction: fc.Arbitrary<WorkflowAction> = fc.oneof(
  fc.record({
    kind: fc.constant('send_email' as const), delay: optional(duration), template: text,
    recipient: address(['person', 'contact', 'responsible', 'owner', 'our_contact', 'service_contact']), reminder, comments,
  }),
  fc.record({
    kind: fc.constant('send_sms' as const), delay: optional(duration), reminder, comments,
    message: fc.oneof(text.map((t) => ({ kind: 'text' as const, text: t })), text.map((t) => ({ kind: 'template' as const, template: t }))),
  }),
).map(clean);

export const workflow: fc.Arbitrary<Workflow> = fc.record({
  kind: fc.constant('workflow' as const), name: text, active: fc.boolean(),
  trigger: fc.tuple(trigger, comments).map(([t, c]) => clean({ ...t, comments: c })),
  when: optional(fc.record({ kind: fc.constant('when' as const), condition, comments }).map(clean)),
  actions: fc.array(workflowAction, { maxLength: 3 }), comments, endComments: comments,
}).map(clean);

// ---- flows ------------------------------------------------------------------------------------

const leaveAction: fc.Arbitrary<LeaveAction> = fc.oneof(
  fc.record({ kind: fc.constant('move_to_flow' as const), flow: text, comments }),
  fc.record({ kind: fc.constant('add_to_selection' as const), selection: text, comments }),
).map(clean);
const leaveOptions: fc.Arbitrary<LeaveOptions> = fc.record({ actions: fc.array(leaveAction, { maxLength: 2 }), endComments: comments }).map(clean);
const leave = leaveOptions.map((options) => ({ kind: 'leave' as const, ...options }));

const minuteOfDay = fc.integer({ min: 0, max: 24 * 60 });
const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const settingOf: { [K in FlowSetting['kind']]: fc.Arbitrary<FlowSetting> } = {
  sender: text.map((a) => ({ kind: 'sender', address: a })),
  reply_to: text.map((a) => ({ kind: 'reply_to', address: a })),
  sms_sender: text.map((name) => ({ kind: 'sms_sender', name })),
  send_window: fc.tuple(
    fc.oneof(fc.constant({ kind: 'workdays' as const }), fc.record({ kind: fc.constant('days' as const), from: fc.constantFrom(...WEEKDAYS), to: fc.constantFrom(...WEEKDAYS) })),
    minuteOfDay, minuteOfDay,
  ).filter(([, a, b]) => a !== b).map(([days, a, b]) => ({ kind: 'send_window', days, start: time(Math.min(a, b)), end: time(Math.max(a, b)) })),
  timezone: text.map((zone) => ({ kind: 'timezone', zone })),
  trigger: fc.oneof(
    fc.constant({ kind: 'manual' as const }),
    text.map((form) => ({ kind: 'form_submitted' as const, form })),
    text.map((selection) => ({ kind: 'selection_added' as const, selection })),
    fc.constant({ kind: 'link_clicked' as const }),
    condition.map((c) => ({ kind: 'condition' as const, condition: c })),
    fc.record({
      kind: fc.constant('date' as const), amount: whole, unit: fc.constantFrom('days' as const, 'workdays' as const),
      direction: fc.constantFrom('before' as const, 'after' as const), entity: fc.constantFrom(...DATE_TRIGGER_ENTITIES), field: fieldName,
    }),
    fieldName.map((field) => ({ kind: 'yearly' as const, entity: 'person' as const, field })),
  ).map((t) => ({ kind: 'trigger', trigger: t })),
  filter: condition.map((c) => ({ kind: 'filter', condition: c })),
  exclude: text.map((selection) => ({ kind: 'exclude', selection })),
  exit: fc.tuple(condition, leaveOptions).map(([c, options]) => ({ kind: 'exit', condition: c, ...options })),
  once_per_person: fc.constant({ kind: 'once_per_person' }),
  when_limited: fc.record({ kind: fc.constant('when_limited' as const), action: fc.constantFrom('defer' as const, 'skip' as const) }),
  restart: whole.map((days) => ({ kind: 'restart', afterDays: days })),
  success: fc.record({
    criteria: fc.array(fc.oneof(
      fc.constantFrom('sale' as const, 'follow_up' as const, 'request' as const).map((e): SuccessCriterion => ({ kind: 'record_created', entity: e })),
      text.map((form): SuccessCriterion => ({ kind: 'form_submitted', form })),
      fc.constant<SuccessCriterion>({ kind: 'link_clicked' }),
      fc.tuple(fc.constantFrom('selection' as const, 'project' as const), text).map(([target, name]): SuccessCriterion => ({ kind: 'added_to', target, name })),
      fc.tuple(entity, fieldName, changeValues).map(([e, field, change]): SuccessCriterion => ({ kind: 'field_changed', entity: e, field, ...change })),
    ), { minLength: 1, maxLength: 3 }),
    then: optional(fc.constantFrom('stop' as const, 'continue' as const)),
  }).map((s) => clean({ kind: 'success', ...s }) as FlowSetting),
};
const REPEATABLE = new Set(['trigger', 'exclude']);

const settings: fc.Arbitrary<FlowSetting[]> = fc.tuple(
  ...FLOW_SETTING_ORDER.map((kind) => (REPEATABLE.has(kind)
    ? fc.array(settingOf[kind], { maxLength: 2 })
    : fc.option(settingOf[kind], { nil: undefined }).map((s) => (s ? [s] : [])))),
).chain((groups) => fc.tuple(...groups.flat().map((s) => comments.map((c) => clean({ ...s, comments: c }) as FlowSetting))));

const updateField = fieldName.filter((field) => !field.startsWith('person.'));
const updateOperation: fc.Arbitrary<UpdateOperation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: updateField, value, comments }),
  fc.record({ kind: fc.constant('clear' as const), field: updateField, comments }),
  fc.record({ kind: fc.constantFrom('add' as const, 'remove' as const), field: updateField, value, comments }),
  fc.record({ kind: fc.constant('increase' as const), field: updateField, by: fc.double({ noNaN: true, noDefaultInfinity: true }), comments }),
).map(clean);

const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

function simpleSteps(): fc.Arbitrary<Step>[] {
  return [
    fc.record({ kind: fc.constant('send_email' as const), template: text, subject: optional(text), attachments: fc.array(text, { maxLength: 2 }), transactional: optional(fc.constant(true as const)) }),
    fc.record({
      kind: fc.constant('send_sms' as const),
      message: fc.oneof(text.map((t) => ({ kind: 'text' as const, text: t })), text.map((t) => ({ kind: 'template' as const, template: t }))),
      transactional: optional(fc.constant(true as const)),
      from: optional(text),
      ifNoMobile: optional(fc.oneof(fc.constant({ kind: 'skip' as const }), leave)),
    }),
    fc.record({ kind: fc.constant('update_person' as const), operations: fc.array(updateOperation, { maxLength: 3 }), endComments: comments }),
    fc.record({ kind: fc.constant('membership' as const), change: fc.constantFrom('add' as const, 'remove' as const), target: fc.constantFrom('selection' as const, 'project' as const), name: text }),
    fc.record({
      kind: fc.constant('create_follow_up' as const), title: text, type: text, project: optional(text),
      date: fc.oneof(fc.constant({ kind: 'first_available' as const }), fc.constant({ kind: 'task_date' as const }), duration.map((d) => ({ kind: 'after' as const, duration: d }))),
      assign: address(['our_contact', 'service_contact']), agenda: optional(text),
    }),
    fc.record({
      kind: fc.constant('create_request' as const), title: text, type: text, status: text, category: optional(text), priority: optional(text),
      owner: address(['auto', 'unassigned']), message: optional(text),
    }),
    fc.record({
      kind: fc.constant('create_sale' as const), title: text, type: text, stage: fc.constantFrom('open' as const, 'sold' as const, 'lost' as const),
      amount: optional(fc.double({ noNaN: true, noDefaultInfinity: true })), description: optional(text), project: optional(text),
      date: optional(fc.oneof(fc.constant({ kind: 'by_type' as const }), duration.map((d) => ({ kind: 'after' as const, duration: d })))),
      owner: optional(address(['our_contact', 'service_contact'])),
    }),
    fc.record({
      kind: fc.constant('distribute' as const),
      pool: fc.oneof(fc.array(text, { minLength: 1, maxLength: 3 }).map((emails) => ({ kind: 'employees' as const, emails })), text.map((name) => ({ kind: 'group' as const, name }))),
      fallback: optional(text),
      onlyIfUnassigned: optional(fc.constant(true as const)),
    }),
    fc.record({ kind: fc.constant('run_script' as const), source: fc.string({ unit: 'binary', maxLength: 30 }), timeoutMs: optional(whole), memoryMb: optional(whole) }),
    fc.record({
      kind: fc.constant('call_webhook' as const), method: fc.constantFrom(...WEBHOOK_METHODS), url: text,
      headers: fc.array(fc.record({ name: text, secret: text }), { maxLength: 2 }), body: optional(fc.string({ unit: 'binary', maxLength: 30 })), timeoutMs: optional(whole),
    }),
    fc.record({ kind: fc.constant('notify_email' as const), to: address(['our_contact', 'service_contact']), template: text }),
    fc.record({ kind: fc.constant('notify_email' as const), to: address(['our_contact', 'service_contact']), subject: text, text }),
    fc.record({ kind: fc.constant('notify_sms' as const), to: address(['our_contact', 'service_contact']), text, from: optional(text) }),
    fc.record({ kind: fc.constant('wait' as const), duration }),
    fc.record({ kind: fc.constant('wait_until' as const), until: isoDate }),
    fc.record({
      kind: fc.constant('wait_for' as const),
      event: fc.oneof(
        fc.record({ kind: fc.constant('link_clicked' as const), step: optional(identifier) }),
        fc.record({ kind: fc.constant('email_opened' as const), step: optional(identifier) }),
        text.map((form) => ({ kind: 'form_submitted' as const, form })),
      ).map(clean),
      atMost: optional(duration),
      onTimeout: optional(fc.oneof(fc.constant({ kind: 'continue' as const }), leave)),
    }),
    leave,
    fc.record({
      kind: fc.constant('complete' as const),
      actions: fc.array(fc.record({ kind: fc.constant('on_outcome' as const), outcome: fc.constantFrom('success' as const, 'no_success' as const), flow: text, comments }).map(clean), { maxLength: 2 }),
      endComments: comments,
    }),
  ].map((arbitrary) => (arbitrary as fc.Arbitrary<Step>).map((step) => clean(step)));
}

const labelled = (step: fc.Arbitrary<Step>): fc.Arbitrary<Step> =>
  fc.tuple(step, optional(identifier), comments).map(([s, id, c]) => clean({ ...s, id, comments: c }) as Step);

export const steps: fc.Arbitrary<Step[]> = fc.letrec<{ steps: Step[]; step: Step }>((tie) => ({
  step: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ...simpleSteps().map(labelled),
    labelled(fc.record({
      kind: fc.constant('split' as const), name: text,
      branches: fc.array(fc.record({ kind: fc.constant('branch' as const), name: text, condition, steps: tie('steps'), comments, endComments: comments }).map((b) => clean(b) as Branch), { maxLength: 2 }),
      others: optional(fc.tuple(fc.oneof(
        fc.constant({ kind: 'continue' as const }),
        leave,
        fc.record({ kind: fc.constant('steps' as const), steps: tie('steps'), endComments: comments }).map(clean),
      ), comments).map(([o, c]) => clean({ ...o, comments: c }))),
      endComments: comments,
    }).map((s) => clean(s) as Step)),
  ),
  steps: fc.array(tie('step'), { maxLength: 3 }),
})).steps;

export const flow: fc.Arbitrary<Flow> = fc.record({
  kind: fc.constant('flow' as const), name: text, settings, steps, comments, endComments: comments,
}).map(clean);

export const program: fc.Arbitrary<Program> = fc.record({
  kind: fc.constant('program' as const),
  declarations: fc.array(fc.oneof(workflow, flow) as fc.Arbitrary<Declaration>, { maxLength: 3 }),
  endComments: comments,
}).map(clean);
