// Flow checks: settings, labels, reachability, and one small check per step kind.
import {
  flowSettingsOf, stepsInOrder, type Flow, type FlowSettingsView, type LeaveAction, type Loc, type Party,
  type Step, type StepKind,
} from './ast.js';
import {
  CheckContext, checkTemplate, checkVariables, FLOW_RECORDS, SPLIT_RECORDS, mergeVariablesIn, type RecordScope,
} from './checker-common.js';
import type { Params } from './messages.js';
import { checkChange, checkCondition, checkValue, fieldTypeOf } from './checker-conditions.js';
import { checkDateTrigger, checkEntryRules, checkWebhook, checkWebhookLabels, checkYearlyOnce } from './checker-flow-rules.js';
import { smsSenderProblem } from './addresses.js';
import { closest } from './suggest.js';

/** The attachments of one e-mail step together, as mail servers commonly accept them. */
export const MAX_ATTACHMENTS_BYTES = 25 * 1024 * 1024;

const PERSON_SCOPE: RecordScope = { records: FLOW_RECORDS, about: 'a flow' };
const SPLIT_SCOPE: RecordScope = { records: SPLIT_RECORDS, about: 'a split' };

interface FlowCheck {
  ctx: CheckContext;
  settings: FlowSettingsView;
  labels: Map<string, Step>;
}

export function checkFlow(ctx: CheckContext, flow: Flow): void {
  const labels = new Map<string, Step>();
  for (const step of stepsInOrder(flow.steps)) {
    if (step.id === undefined) continue;
    if (labels.has(step.id)) {
      ctx.report(step.locs?.id ?? step.loc, 'error', 'duplicate-label', { label: step.id }, step.id);
    } else {
      labels.set(step.id, step);
    }
  }
  const check: FlowCheck = { ctx, settings: flowSettingsOf(flow), labels };
  checkSettings(check, flow);
  checkBlock(check, flow.steps);
}

function checkSettings(check: FlowCheck, flow: Flow): void {
  const { ctx, settings } = check;
  if (settings.triggers.length === 0) {
    ctx.report(flow.locs?.name ?? flow.loc, 'warning', 'no-trigger', {});
  }
  checkYearlyOnce(ctx, settings, flow.locs?.name ?? flow.loc);
  for (const setting of flow.settings) {
    const loc = setting.loc;
    switch (setting.kind) {
      case 'sms_sender':
        checkSmsSender(check, setting.name, setting.locs?.name ?? loc);
        break;
      case 'timezone':
        if (!isTimeZone(setting.zone)) ctx.report(setting.locs?.zone ?? loc, 'error', 'unknown-timezone', { name: setting.zone });
        break;
      case 'trigger': {
        const { trigger } = setting;
        if (trigger.kind === 'form_submitted') ctx.unknownName(loc, 'forms', trigger.form, 'unknown-form');
        if (trigger.kind === 'selection_added') ctx.unknownName(loc, 'selections', trigger.selection, 'unknown-selection');
        // A trigger condition may look at whatever record changed, not only the person.
        if (trigger.kind === 'condition') checkCondition(ctx, trigger.condition, undefined);
        checkDateTrigger(ctx, trigger, loc);
        break;
      }
      case 'exit':
        checkCondition(ctx, setting.condition, PERSON_SCOPE);
        checkLeaveActions({ ctx }, setting.actions, undefined);
        break;
      case 'restart':
        checkEntryRules(ctx, setting, settings);
        break;
      case 'filter':
        checkCondition(ctx, setting.condition, PERSON_SCOPE);
        break;
      case 'exclude':
        ctx.unknownName(setting.locs?.selection ?? loc, 'selections', setting.selection, 'unknown-selection');
        break;
      case 'success':
        for (const criterion of setting.criteria) {
          const at = criterion.loc ?? loc;
          if (criterion.kind === 'form_submitted') ctx.unknownName(at, 'forms', criterion.form, 'unknown-form');
          if (criterion.kind === 'added_to') checkListName(ctx, criterion.target, criterion.name, at);
          if (criterion.kind === 'field_changed') {
            const path = `${criterion.entity}.${criterion.field}`;
            const type = fieldTypeOf(ctx, path, undefined, at);
            if (type) checkChange(ctx, path, type, criterion, at);
          }
        }
        break;
      default:
        break;
    }
  }
}

/** Known answers: building an Intl.DateTimeFormat to test a zone costs more than the rest of a flow's checks. */
const timeZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = timeZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (timeZones.size < 1000) timeZones.set(zone, known);
  }
  return known;
}

function checkListName(ctx: CheckContext, target: 'selection' | 'project', name: string, loc: Loc | undefined, stepId?: string): void {
  if (target === 'selection') ctx.unknownName(loc, 'selections', name, 'unknown-selection', stepId);
  else ctx.unknownName(loc, 'projects', name, 'unknown-project', stepId);
}

/** Steps after a `leave` or `complete` in the same block never run; one warning per block. */
function checkBlock(check: FlowCheck, steps: readonly Step[]): void {
  let ending: Step | undefined;
  let warned = false;
  for (const step of steps) {
    if (ending && !warned) {
      check.ctx.report(step.loc, 'warning', 'unreachable', { ending: ending.kind }, step.id);
      warned = true;
    }
    checkStep(check, step);
    if (!ending && (step.kind === 'leave' || step.kind === 'complete')) ending = step;
  }
}

function checkStep(check: FlowCheck, step: Step): void {
  (stepChecks[step.kind] as StepCheck<StepKind>)(check, step as never, step.loc);
}

type StepCheck<K extends StepKind> = (check: FlowCheck, step: Extract<Step, { kind: K }>, loc: Loc | undefined) => void;

function requireSetting(check: FlowCheck, present: boolean, step: Step, code: string): void {
  if (present) return;
  check.ctx.report(step.loc, check.ctx.mode === 'start' ? 'error' : 'warning', code, {}, step.id);
}

/** A value that only blocks a start: saving a flow that is still being written stays possible. */
function startProblem(check: FlowCheck, loc: Loc | undefined, code: string, params: Params, stepId?: string): void {
  check.ctx.report(loc, check.ctx.mode === 'start' ? 'error' : 'warning', code, params, stepId);
}

function checkSmsSender(check: FlowCheck, sender: string, loc: Loc | undefined, stepId?: string): void {
  if (smsSenderProblem(sender)) startProblem(check, loc, 'invalid-sms-sender', { sender }, stepId);
}

/** Every attachment is an uploaded file, and together they stay within the limit. */
function checkAttachments(check: FlowCheck, names: readonly string[], loc: Loc | undefined, stepId?: string): void {
  const { catalog } = check.ctx;
  if (!catalog || names.length === 0) return;
  let total = 0;
  for (const name of names) {
    const file = catalog.file(name);
    if (!file) check.ctx.report(loc, 'error', 'unknown-file', { name }, stepId, closest(name, catalog.names('files')));
    total += file?.size ?? 0;
  }
  if (total > MAX_ATTACHMENTS_BYTES) {
    startProblem(check, loc, 'attachments-too-large', { size: (total / 1024 / 1024).toFixed(1), max: MAX_ATTACHMENTS_BYTES / 1024 / 1024 }, stepId);
  }
}

function checkLeaveActions({ ctx }: Pick<FlowCheck, 'ctx'>, actions: readonly LeaveAction[], stepId: string | undefined): void {
  for (const action of actions) {
    if (action.kind === 'move_to_flow') ctx.unknownName(action.loc, 'flows', action.flow, 'unknown-flow', stepId);
    else checkListName(ctx, 'selection', action.selection, action.loc, stepId);
  }
}

function checkEmployee({ ctx }: FlowCheck, party: Party | undefined, loc: Loc | undefined, stepId: string | undefined): void {
  if (party?.kind !== 'address') return;
  checkEmployeeEmail(ctx, party.address, loc, stepId);
}

function checkEmployeeEmail(ctx: CheckContext, email: string, loc: Loc | undefined, stepId: string | undefined): void {
  ctx.unknownName(loc, 'employees', email, 'unknown-employee', stepId);
}

const stepChecks: { [K in StepKind]: StepCheck<K> } = {
  send_email: (check, step, loc) => {
    checkTemplate(check.ctx, step.template, 'email', PERSON_SCOPE, step.locs?.template ?? loc, step.id);
    if (step.subject !== undefined) checkVariables(check.ctx, mergeVariablesIn(step.subject), PERSON_SCOPE, 'the subject', loc, step.id);
    requireSetting(check, check.settings.sender !== undefined, step, 'missing-sender');
    requireSetting(check, check.settings.replyTo !== undefined, step, 'missing-reply-to');
    checkAttachments(check, step.attachments, step.locs?.attachments ?? loc, step.id);
  },
  send_sms: (check, step, loc) => {
    if (step.message.kind === 'template') checkTemplate(check.ctx, step.message.template, 'sms', PERSON_SCOPE, step.locs?.template ?? loc, step.id);
    else checkVariables(check.ctx, mergeVariablesIn(step.message.text), PERSON_SCOPE, 'the text', step.locs?.text ?? loc, step.id);
    if (step.ifNoMobile?.kind === 'leave') checkLeaveActions(check, step.ifNoMobile.actions, step.id);
    if (step.from !== undefined) checkSmsSender(check, step.from, step.locs?.from ?? loc, step.id);
    else requireSetting(check, check.settings.smsSender !== undefined, step, 'missing-sms-sender');
  },
  update_person: ({ ctx }, step) => {
    for (const operation of step.operations) {
      const at = operation.locs?.field ?? operation.loc;
      const path = `person.${operation.field}`;
      const type = fieldTypeOf(ctx, path, PERSON_SCOPE, at, step.id);
      if (!type) continue;
      if (operation.kind === 'set') checkValue(ctx, path, type, operation.value, operation.loc, step.id);
      if ((operation.kind === 'add' || operation.kind === 'remove') && !['list', 'any'].includes(type)) {
        ctx.report(operation.loc, 'error', 'type-mismatch', { variant: 'list-operation', operation: operation.kind, path }, step.id);
      }
      if (operation.kind === 'increase' && !['number', 'any'].includes(type)) {
        ctx.report(operation.loc, 'error', 'type-mismatch', { variant: 'increase', path }, step.id);
      }
    }
  },
  membership: ({ ctx }, step, loc) => checkListName(ctx, step.target, step.name, step.locs?.name ?? loc, step.id),
  create_follow_up: (check, step, loc) => {
    if (step.project !== undefined) checkListName(check.ctx, 'project', step.project, step.locs?.project ?? loc, step.id);
    checkEmployee(check, step.assign, step.locs?.assign ?? loc, step.id);
  },
  create_request: (check, step, loc) => checkEmployee(check, step.owner, step.locs?.owner ?? loc, step.id),
  create_sale: (check, step, loc) => {
    if (step.project !== undefined) checkListName(check.ctx, 'project', step.project, step.locs?.project ?? loc, step.id);
    checkEmployee(check, step.owner, step.locs?.owner ?? loc, step.id);
  },
  distribute: ({ ctx }, step, loc) => {
    if (step.pool.kind === 'group') {
      const { name } = step.pool;
      ctx.unknownName(loc, 'groups', name, 'unknown-group', step.id);
    } else {
      for (const email of step.pool.emails) checkEmployeeEmail(ctx, email, loc, step.id);
    }
    if (step.fallback !== undefined) checkEmployeeEmail(ctx, step.fallback, loc, step.id);
  },
  run_script: () => {},
  call_webhook: ({ ctx }, step) => checkWebhook(ctx, step, PERSON_SCOPE),
  notify_email: (check, step, loc) => {
    if (step.template !== undefined) checkTemplate(check.ctx, step.template, 'email', PERSON_SCOPE, step.locs?.template ?? loc, step.id);
    if (step.subject !== undefined) checkVariables(check.ctx, mergeVariablesIn(step.subject), PERSON_SCOPE, 'the subject', step.locs?.subject ?? loc, step.id);
    if (step.text !== undefined) checkVariables(check.ctx, mergeVariablesIn(step.text), PERSON_SCOPE, 'the text', step.locs?.text ?? loc, step.id);
  },
  notify_sms: (check, step, loc) => {
    checkVariables(check.ctx, mergeVariablesIn(step.text), PERSON_SCOPE, 'the text', step.locs?.text ?? loc, step.id);
    if (step.from !== undefined) checkSmsSender(check, step.from, step.locs?.from ?? loc, step.id);
    else requireSetting(check, check.settings.smsSender !== undefined, step, 'missing-sms-sender');
  },
  wait: () => {},
  wait_until: () => {},
  wait_for: (check, step, loc) => {
    const { event } = step;
    if (event.kind === 'form_submitted') {
      check.ctx.unknownName(loc, 'forms', event.form, 'unknown-form', step.id);
    } else if (event.step !== undefined) {
      const target = check.labels.get(event.step);
      const at = step.locs?.step ?? loc;
      if (!target) check.ctx.report(at, 'error', 'unknown-label', { name: event.step }, step.id, closest(event.step, check.labels.keys()));
      else if (target.kind !== 'send_email') {
        check.ctx.report(at, 'error', 'not-an-email-step', { label: event.step, kind: target.kind }, step.id);
      }
    }
    if (step.onTimeout?.kind === 'leave') checkLeaveActions(check, step.onTimeout.actions, step.id);
  },
  split: (check, step) => {
    const names = new Set<string>();
    for (const branch of step.branches) {
      if (names.has(branch.name)) {
        check.ctx.report(branch.locs?.name ?? branch.loc, 'warning', 'duplicate-branch', { name: branch.name }, step.id);
      }
      names.add(branch.name);
      checkCondition(check.ctx, branch.condition, SPLIT_SCOPE, step.id);
      checkWebhookLabels(check.ctx, branch.condition, check.labels, step.id);
      checkBlock(check, branch.steps);
    }
    if (step.others?.kind === 'steps') checkBlock(check, step.others.steps);
    if (step.others?.kind === 'leave') checkLeaveActions(check, step.others.actions, step.id);
  },
  leave: (check, step) => checkLeaveActions(check, step.actions, step.id),
  complete: ({ ctx }, step) => {
    for (const action of step.actions) {
      ctx.unknownName(action.locs?.flow ?? action.loc, 'flows', action.flow, 'unknown-flow', step.id);
    }
  },
};
