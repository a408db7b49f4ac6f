// CST → AST for programs and workflows. Flows are built in ast-builder-flow.ts.
import type { CstNode } from 'chevrotain';
import {
  ENTITIES, type Entity, type Program, type Reminder, type Role, type SmsMessage, type When, type Workflow,
  type WorkflowAction, type WorkflowTrigger,
} from './ast.js';
import {
  assignChangeValues, BuildContext, conditionOf, durationOf, partyOf, sendPartsOf, text, wholeNumber,
  withPart,
} from './ast-builder-common.js';
import { flowOf } from './ast-builder-flow.js';
import { childOf, childrenOf, firstPresent, has, isReal, tokenOf, tokensOf } from './cst.js';

export function programOf(ctx: BuildContext, node: CstNode | undefined): Program {
  const program: Program = { kind: 'program', declarations: [] };
  const workflows = childrenOf(node, 'workflowDeclaration').map((child) => workflowOf(ctx, child));
  const flows = childrenOf(node, 'flowDeclaration').map((child) => flowOf(ctx, child));
  program.declarations = [...workflows, ...flows].sort((a, b) => (a.loc?.offset ?? 0) - (b.loc?.offset ?? 0));
  return program;
}

const fallbackTrigger = (): WorkflowTrigger => ({ kind: 'record_event', entity: 'person', event: 'created' });

function workflowOf(ctx: BuildContext, node: CstNode): Workflow {
  const nameToken = tokenOf(node, 'String');
  const workflow: Workflow = {
    kind: 'workflow', name: text(nameToken), active: !has(node, 'inactive'), trigger: fallbackTrigger(),
    actions: [], loc: ctx.at.node(node),
  };
  withPart(workflow, 'name', ctx.at.token(nameToken));
  const items: (WorkflowTrigger | When | WorkflowAction | Reminder)[] = [];
  let trigger: WorkflowTrigger | undefined;
  let lastAction: WorkflowAction | undefined;
  for (const item of childrenOf(node, 'workflowItem')) {
    const loc = ctx.at.node(item);
    if (has(item, 'workflowTrigger')) {
      const found = triggerOf(ctx, childOf(item, 'workflowTrigger')!);
      if (trigger) ctx.error(loc, 'a workflow has one trigger; this is a second one');
      else trigger = found;
      items.push(found);
    } else if (has(item, 'when')) {
      const when: When = { kind: 'when', condition: conditionOf(ctx, childOf(item, 'condition')), loc };
      if (workflow.when) ctx.error(loc, "a workflow has one 'when'; join the conditions with 'and'");
      else workflow.when = when;
      items.push(when);
    } else if (has(item, 'workflowAction')) {
      lastAction = actionOf(ctx, childOf(item, 'workflowAction')!);
      workflow.actions.push(lastAction);
      items.push(lastAction);
    } else if (has(item, 'reminder')) {
      const reminder = reminderOf(ctx, childOf(item, 'reminder')!);
      if (!lastAction) ctx.error(loc, "'remind' repeats the send before it, but there is none");
      else if (lastAction.reminder) ctx.error(loc, 'this send already has a reminder');
      else lastAction.reminder = reminder;
      items.push(reminder);
    }
  }
  if (trigger) workflow.trigger = trigger;
  else ctx.missingPart(workflow.locs?.name ?? workflow.loc, "a workflow needs a trigger, as in 'on person created'");
  ctx.scope(tokenOf(node, 'LCurly'), tokenOf(node, 'RCurly'), workflow, items);
  return workflow;
}

export function entityOf(ctx: BuildContext, name: string, loc: Parameters<BuildContext['error']>[0]): Entity {
  if ((ENTITIES as readonly string[]).includes(name)) return name as Entity;
  if (name) ctx.error(loc, `unknown record type '${name}'; expected ${ENTITIES.join(', ')}`);
  return 'person';
}

const TRIGGER_EVENTS = ['created', 'updated', 'deleted', 'expired', 'completed'] as const;

function triggerOf(ctx: BuildContext, node: CstNode): WorkflowTrigger {
  const pathNode = childOf(node, 'path');
  const names = tokensOf(pathNode, 'Name');
  const entityName = names[0]?.image ?? '';
  const field = names[1]?.image;
  const pathLoc = ctx.at.node(pathNode);
  const loc = ctx.at.node(node);
  const entity = entityOf(ctx, entityName, pathLoc);
  if (names.length > 2) {
    ctx.error(pathLoc, `expected a record type or record.field, found '${names.map((name) => name.image).join('.')}'`);
  }
  const locs = { entity: pathLoc };
  if (has(node, 'changeValues')) {
    if (!field) ctx.error(pathLoc, `say which field changes, as in 'on ${entity}.status changed'`);
    const changed: WorkflowTrigger = { kind: 'field_changed', entity, field: field ?? '' };
    assignChangeValues(ctx, childOf(node, 'changeValues'), changed);
    changed.loc = loc;
    changed.locs = locs;
    return changed;
  }
  const event = firstPresent(node, TRIGGER_EVENTS);
  if (!event) return { ...fallbackTrigger(), loc };
  if (field) ctx.error(pathLoc, `'${event}' follows a record type, as in 'on ${entity} ${event}'; only 'changed' follows a field`);
  if (event === 'expired' || event === 'completed') {
    if (entity !== 'task') ctx.error(pathLoc, `only tasks are ${event}; write 'on task ${event}'`);
    return { kind: event === 'expired' ? 'task_expired' : 'task_completed', loc, locs };
  }
  return { kind: 'record_event', entity, event, loc, locs };
}

const EMAIL_RECIPIENTS: readonly Role[] = ['person', 'contact', 'responsible', 'owner', 'our_contact', 'service_contact'];

function actionOf(ctx: BuildContext, node: CstNode): WorkflowAction {
  const sendNode = childOf(node, 'sendAction');
  const parts = sendPartsOf(ctx, sendNode);
  const loc = ctx.at.node(node);
  for (const subject of parts.subjects) {
    ctx.error(ctx.at.token(subject), "a workflow's e-mail takes its subject from the template");
  }
  for (const attachment of parts.attachments) ctx.error(ctx.at.token(attachment), "'attach' is only available in flows");
  for (const option of parts.noMobile) ctx.error(ctx.at.node(option), "'if no mobile' is only available in flows");
  const delay = has(node, 'after') ? durationOf(ctx, childOf(node, 'duration')) : undefined;
  // Built key by key rather than spread: `delay`, when given, comes right after `kind`.
  let action: WorkflowAction;
  if (parts.channel === 'email') {
    const { recipients } = parts;
    const recipientNode = recipients[0];
    if (!recipientNode) ctx.missingPart(loc, "say who receives the e-mail, as in 'to person'");
    for (let i = 1; i < recipients.length; i++) ctx.error(ctx.at.node(recipients[i]), 'the e-mail already has a recipient');
    const recipient = partyOf(ctx, recipientNode, EMAIL_RECIPIENTS, "'to'", 'a quoted e-mail address');
    const template = parts.template ?? '';
    action = delay
      ? { kind: 'send_email', delay, template, recipient, loc }
      : { kind: 'send_email', template, recipient, loc };
    withPart(action, 'recipient', ctx.at.node(recipientNode));
  } else {
    for (const recipient of parts.recipients) {
      ctx.error(ctx.at.node(recipient), "a workflow's SMS goes to the record's person; 'to' is not available");
    }
    const message: SmsMessage = parts.template !== undefined
      ? { kind: 'template', template: parts.template }
      : { kind: 'text', text: parts.smsText ?? '' };
    action = delay ? { kind: 'send_sms', delay, message, loc } : { kind: 'send_sms', message, loc };
  }
  return withPart(action, parts.channel === 'email' || parts.template !== undefined ? 'template' : 'text', parts.keyLoc);
}

function reminderOf(ctx: BuildContext, node: CstNode): Reminder {
  const [everyToken, countToken] = tokensOf(node, 'Number');
  const everyDays = wholeNumber(ctx, everyToken, 'days');
  const maxCount = wholeNumber(ctx, countToken, 'times');
  if (isReal(everyToken) && everyDays < 1) ctx.error(ctx.at.token(everyToken), 'reminders repeat every 1 day or more');
  if (isReal(countToken) && maxCount < 1) ctx.error(ctx.at.token(countToken), 'a reminder is sent at most 1 time or more');
  return { kind: 'remind', everyDays, maxCount, loc: ctx.at.node(node) };
}
