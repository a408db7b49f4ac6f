// Semantic checks: names against the catalog (skipped offline), types, what a rule's trigger makes
// available, unreachable steps and missing flow settings. Each finding is a Diagnostic with a code.
import { checkAddresses } from './addresses.js';
import type { Entity, Program, Workflow, WorkflowTrigger } from './ast.js';
import type { Catalog } from './catalog.js';
import {
  CheckContext, checkTemplate, checkVariables, mergeVariablesIn, RECORDS_OF, type CheckMode, type RecordScope,
} from './checker-common.js';
import { checkChange, checkCondition, fieldTypeOf } from './checker-conditions.js';
import { checkFlow } from './checker-flow.js';
import { byPosition, hasErrors, type Diagnostic } from './diagnostics.js';
import { parse } from './parse.js';
import { softenMissingContent } from './flow-content.js';

export type { CheckMode } from './checker-common.js';

export interface CheckOptions {
  /** Without a catalog (offline, the CLI) names are not looked up; everything else is checked. */
  catalog?: Catalog;
  mode?: CheckMode;
}

export function check(program: Program, options: CheckOptions = {}): Diagnostic[] {
  const ctx = new CheckContext(options.catalog, options.mode ?? 'save');
  for (const declaration of program.declarations) {
    if (declaration.kind === 'workflow') checkWorkflow(ctx, declaration);
    else {
      const from = ctx.diagnostics.length;
      checkFlow(ctx, declaration);
      softenMissingContent(ctx.diagnostics, from, ctx.mode);
    }
  }
  checkAddresses(ctx, program);
  return ctx.diagnostics.sort(byPosition);
}

/** Parses and, when the text has no syntax errors, checks it. */
export function checkSource(source: string, options: CheckOptions = {}): { ast: Program; diagnostics: Diagnostic[] } {
  const parsed = parse(source);
  if (hasErrors(parsed.diagnostics)) return parsed;
  return { ast: parsed.ast, diagnostics: [...parsed.diagnostics, ...check(parsed.ast, options)].sort(byPosition) };
}

export function triggerEntity(trigger: WorkflowTrigger): Entity {
  return trigger.kind === 'task_expired' || trigger.kind === 'task_completed' ? 'task' : trigger.entity;
}

function checkWorkflow(ctx: CheckContext, workflow: Workflow): void {
  const entity = triggerEntity(workflow.trigger);
  const scope: RecordScope = { records: RECORDS_OF[entity], about: `a ${entity} workflow` };
  const { trigger } = workflow;
  if (trigger.kind === 'field_changed') {
    const path = `${trigger.entity}.${trigger.field}`;
    const type = fieldTypeOf(ctx, path, scope, trigger.locs?.entity ?? trigger.loc);
    if (type) checkChange(ctx, path, type, trigger, trigger.loc);
  }
  if (workflow.when) checkCondition(ctx, workflow.when.condition, scope);
  for (const action of workflow.actions) {
    const keyLoc = action.locs?.template ?? action.loc;
    if (action.kind === 'send_email') {
      checkTemplate(ctx, action.template, 'email', scope, keyLoc);
      const { recipient } = action;
      if (recipient.kind === 'role' && !scope.records.includes(recipient.role)) {
        ctx.report(action.locs?.recipient ?? action.loc, 'error', 'recipient', { about: scope.about, role: recipient.role });
      }
    } else if (action.message.kind === 'template') {
      checkTemplate(ctx, action.message.template, 'sms', scope, keyLoc);
    } else {
      checkVariables(ctx, mergeVariablesIn(action.message.text), scope, 'the text', action.locs?.text ?? action.loc);
    }
    if (action.reminder && trigger.kind !== 'field_changed') {
      ctx.report(action.reminder.loc, 'warning', 'reminder-without-status', {});
    }
  }
}
