// The canonical printer: one layout for every program, so that parse(print(ast)) equals ast and
// formatting twice changes nothing. Steps are printed by the handlers in printer-steps.ts.
import type {
  Declaration, Flow, FlowSetting, FlowTrigger, Program, SuccessCriterion, Workflow, WorkflowAction, WorkflowTrigger,
} from './ast.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { parse } from './parse.js';
import { printSteps } from './printer-steps.js';
import {
  changedText, conditionText, durationText, Lines, partyText, printLeaveBlock,
} from './printer-text.js';
import { quote } from './strings.js';

export function print(program: Program): string {
  const out = new Lines();
  for (const declaration of program.declarations) {
    out.blank();
    printDeclaration(out, declaration);
  }
  if (program.endComments?.length) out.blank();
  out.comments(0, program.endComments);
  return out.lines.length > 0 ? `${out.lines.join('\n')}\n` : '';
}

function printDeclaration(out: Lines, declaration: Declaration): void {
  out.comments(0, declaration.comments);
  if (declaration.kind === 'workflow') printWorkflow(out, declaration);
  else printFlow(out, declaration);
}

function printWorkflow(out: Lines, workflow: Workflow): void {
  out.add(0, `workflow ${quote(workflow.name)}${workflow.active ? '' : ' inactive'} {`);
  out.comments(1, workflow.trigger.comments);
  out.add(1, triggerText(workflow.trigger));
  if (workflow.when) {
    out.comments(1, workflow.when.comments);
    out.add(1, `when ${conditionText(workflow.when.condition)}`);
  }
  for (const action of workflow.actions) {
    out.comments(1, action.comments);
    out.add(1, actionText(action));
    if (action.reminder) {
      const { everyDays, maxCount, comments } = action.reminder;
      out.comments(1, comments);
      out.add(1, `remind every ${durationText({ amount: everyDays, unit: 'days' })} at most ${maxCount} ${maxCount === 1 ? 'time' : 'times'}`);
    }
  }
  out.comments(1, workflow.endComments);
  out.add(0, '}');
}

function triggerText(trigger: WorkflowTrigger): string {
  switch (trigger.kind) {
    case 'record_event': return `on ${trigger.entity} ${trigger.event}`;
    case 'task_expired': return 'on task expired';
    case 'task_completed': return 'on task completed';
    case 'field_changed': return `on ${trigger.entity}.${trigger.field} ${changedText(trigger)}`;
  }
}

function actionText(action: WorkflowAction): string {
  const delay = action.delay ? `after ${durationText(action.delay)} ` : '';
  if (action.kind === 'send_email') return `${delay}send email ${quote(action.template)} to ${partyText(action.recipient)}`;
  const message = action.message.kind === 'template' ? `template ${quote(action.message.template)}` : quote(action.message.text);
  return `${delay}send sms ${message}`;
}

function printFlow(out: Lines, flow: Flow): void {
  out.add(0, `flow ${quote(flow.name)} {`);
  for (const setting of flow.settings) {
    out.comments(1, setting.comments);
    if (setting.kind === 'exit') printLeaveBlock(out, 1, settingText(setting), setting, 'then leave');
    else out.add(1, settingText(setting));
  }
  if (flow.settings.length > 0 && flow.steps.length > 0) out.blank();
  printSteps(out, 1, flow.steps);
  out.comments(1, flow.endComments);
  out.add(0, '}');
}

function settingText(setting: FlowSetting): string {
  switch (setting.kind) {
    case 'sender': return `sender ${quote(setting.address)}`;
    case 'reply_to': return `reply_to ${quote(setting.address)}`;
    case 'sms_sender': return `sms_sender ${quote(setting.name)}`;
    case 'timezone': return `timezone ${quote(setting.zone)}`;
    case 'send_window': {
      const { days } = setting;
      const dayText = days.kind === 'workdays' ? 'workdays' : days.from === days.to ? days.from : `${days.from}-${days.to}`;
      return `send_window ${dayText} ${setting.start}-${setting.end}`;
    }
    case 'trigger': return `trigger ${flowTriggerText(setting.trigger)}`;
    case 'filter': return `filter ${conditionText(setting.condition)}`;
    case 'exclude': return `exclude selection ${quote(setting.selection)}`;
    case 'once_per_person': return 'once per person';
    case 'when_limited': return `when limited ${setting.action}`;
    case 'restart': return `restart after ${durationText({ amount: setting.afterDays, unit: 'days' })}`;
    case 'exit': return `exit when ${conditionText(setting.condition)}`;
    case 'success': {
      const then = setting.then ? ` then ${setting.then}` : '';
      return `success when ${setting.criteria.map(criterionText).join(' or ')}${then}`;
    }
  }
}

function flowTriggerText(trigger: FlowTrigger): string {
  switch (trigger.kind) {
    case 'manual': return 'manual';
    case 'form_submitted': return `form ${quote(trigger.form)} submitted`;
    case 'selection_added': return `selection ${quote(trigger.selection)} added`;
    case 'link_clicked': return 'link clicked';
    case 'condition': return `when ${conditionText(trigger.condition)}`;
    case 'date': return `${durationText({ amount: trigger.amount, unit: trigger.unit })} ${trigger.direction} ${trigger.entity}.${trigger.field}`;
    case 'yearly': return `yearly on ${trigger.entity}.${trigger.field}`;
  }
}

function criterionText(criterion: SuccessCriterion): string {
  switch (criterion.kind) {
    case 'record_created': return `${criterion.entity} created`;
    case 'form_submitted': return `form ${quote(criterion.form)} submitted`;
    case 'link_clicked': return 'link clicked';
    case 'added_to': return `added to ${criterion.target} ${quote(criterion.name)}`;
    case 'field_changed': return `${criterion.entity}.${criterion.field} ${changedText(criterion)}`;
  }
}

/** The canonical form of a source text, or its syntax errors when it has any. */
export function format(source: string): { source?: string; diagnostics: Diagnostic[] } {
  const parsed = parse(source);
  if (hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
  return { source: print(parsed.ast), diagnostics: parsed.diagnostics };
}
