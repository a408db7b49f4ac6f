// CST → AST for flow steps: one small handler per step kind.
import type { CstNode, IToken } from 'chevrotain';
import type {
  Branch, CompleteAction, CompleteStep, DistributeStep, LeaveStep, MembershipStep, NotifyEmailStep,
  NotifySmsStep, Others, RunScriptStep, SendEmailStep, SendSmsStep, SplitStep, Step, UpdateOperation,
  UpdatePersonStep, WaitEvent, WaitForStep,
} from './ast.js';
import {
  BuildContext, conditionOf, durationOf, numberOf, partyOf, pathOf, sendPartsOf, text, valueOf,
  wholeNumber, withLeaveActions, withPart,
} from './ast-builder-common.js';
import { createStepOf } from './ast-builder-create.js';
import { childOf, childrenOf, firstPresent, has, isCstNode, isReal, tokenOf, tokensOf } from './cst.js';
import { UnterminatedTripleString } from './tokens.js';
import { untripleQuote } from './strings.js';

type StepHandler = (ctx: BuildContext, node: CstNode) => Step;

const handlers: Record<string, StepHandler> = {
  sendAction: sendStepOf,
  updatePersonStep: updatePersonOf,
  membershipStep: membershipOf,
  createStep: createStepOf,
  distributeStep: distributeOf,
  runScriptStep: runScriptOf,
  notifyStep: notifyOf,
  waitStep: waitOf,
  splitStep: splitOf,
  leaveStep: (ctx, node) => withLeaveActions(ctx, childOf(node, 'leaveBlock'), { kind: 'leave' } as LeaveStep),
  completeStep: completeOf,
};

const HANDLED = Object.keys(handlers);

export function stepsOf(ctx: BuildContext, nodes: readonly CstNode[]): Step[] {
  const steps: Step[] = [];
  for (const node of nodes) {
    const kind = firstPresent(node, HANDLED);
    if (!kind) continue; // nothing recognisable: the parser has reported it
    const step = handlers[kind]!(ctx, childOf(node, kind)!);
    const label = tokenOf(node, 'Identifier');
    if (isReal(label)) {
      step.id = label.image;
      withPart(step, 'id', ctx.at.token(label));
    }
    step.loc = ctx.at.node(node);
    steps.push(step);
  }
  return steps;
}

function duplicates(ctx: BuildContext, found: readonly (IToken | CstNode)[], what: string): void {
  if (found.length < 2) return;
  for (const extra of found.slice(1)) {
    ctx.error('image' in extra ? ctx.at.token(extra) : ctx.at.node(extra), `${what} is given twice`);
  }
}

function sendStepOf(ctx: BuildContext, node: CstNode): SendEmailStep | SendSmsStep {
  const parts = sendPartsOf(ctx, node);
  for (const recipient of parts.recipients) {
    ctx.error(ctx.at.node(recipient), "a flow's messages go to the participant; use 'notify' to write to someone else");
  }
  if (parts.channel === 'email') {
    for (const option of parts.noMobile) ctx.error(ctx.at.node(option), "'if no mobile' applies to an SMS");
    duplicates(ctx, parts.subjects, 'the subject');
    const step: SendEmailStep = { kind: 'send_email', template: parts.template ?? '', attachments: parts.attachments.map(text) };
    if (parts.subjects[0]) step.subject = text(parts.subjects[0]);
    return withPart(step, 'template', parts.keyLoc);
  }
  const step: SendSmsStep = {
    kind: 'send_sms',
    message: parts.template !== undefined ? { kind: 'template', template: parts.template } : { kind: 'text', text: parts.smsText ?? '' },
  };
  duplicates(ctx, parts.noMobile, "'if no mobile'");
  const noMobile = parts.noMobile[0];
  if (noMobile) {
    step.ifNoMobile = has(noMobile, 'skip')
      ? { kind: 'skip' }
      : withLeaveActions(ctx, childOf(noMobile, 'leaveBlock'), { kind: 'leave' as const });
  }
  return withPart(step, parts.template !== undefined ? 'template' : 'text', parts.keyLoc);
}

function updatePersonOf(ctx: BuildContext, node: CstNode): UpdatePersonStep {
  const step: UpdatePersonStep = { kind: 'update_person', operations: [] };
  for (const operation of childrenOf(node, 'updateOperation')) {
    // Fields are the person's own, so a leading `person.` adds nothing.
    const path = pathOf(childOf(operation, 'path'));
    const field = path.startsWith('person.') ? path.slice('person.'.length) : path;
    const value = valueOf(ctx, childOf(operation, 'value'));
    let built: UpdateOperation;
    if (has(operation, 'set')) built = { kind: 'set', field, value };
    else if (has(operation, 'clear')) built = { kind: 'clear', field };
    else if (has(operation, 'add')) built = { kind: 'add', field, value };
    else if (has(operation, 'remove')) built = { kind: 'remove', field, value };
    else built = { kind: 'increase', field, by: numberOf(ctx, childOf(operation, 'numberValue')) };
    built.loc = ctx.at.node(operation);
    step.operations.push(withPart(built, 'field', ctx.at.node(childOf(operation, 'path'))));
  }
  ctx.scope(tokenOf(node, 'LCurly'), tokenOf(node, 'RCurly'), step, step.operations);
  return step;
}

function membershipOf(ctx: BuildContext, node: CstNode): MembershipStep {
  const name = tokenOf(node, 'String');
  return withPart({
    kind: 'membership', change: has(node, 'add') ? 'add' : 'remove',
    target: has(node, 'project') ? 'project' : 'selection', name: text(name),
  }, 'name', ctx.at.token(name));
}

function distributeOf(ctx: BuildContext, node: CstNode): DistributeStep {
  const amongs = tokensOf(node, 'among');
  const groups = tokensOf(node, 'group');
  const fallbacks = tokensOf(node, 'fallback');
  duplicates(ctx, amongs, "'among'");
  duplicates(ctx, groups, "'group'");
  duplicates(ctx, fallbacks, "'fallback'");
  const loc = ctx.at.node(node);
  if (amongs.length > 0 && groups.length > 0) ctx.error(loc, "distribute among employees or to a group, not both");
  if (amongs.length === 0 && groups.length === 0) ctx.missingPart(loc, "say among whom to distribute: among \"<e-mail>\", … or group \"<name>\"");
  // Strings in source order: the among list, then group and fallback; pick them by position.
  const strings = tokensOf(node, 'String');
  const after = (keyword: IToken | undefined) => strings.find((s) => keyword && s.startOffset > keyword.startOffset);
  const step: DistributeStep = groups.length > 0 && amongs.length === 0
    ? { kind: 'distribute', pool: { kind: 'group', name: text(after(groups[0])) } }
    : { kind: 'distribute', pool: { kind: 'employees', emails: amongEmails(strings, amongs[0], [...groups, ...fallbacks]) } };
  if (fallbacks[0]) step.fallback = text(after(fallbacks[0]));
  return step;
}

function amongEmails(strings: readonly IToken[], among: IToken | undefined, otherKeywords: IToken[]): string[] {
  if (!among) return [];
  const stop = Math.min(...otherKeywords.map((k) => k.startOffset).filter((offset) => offset > among.startOffset));
  return strings.filter((s) => s.startOffset > among.startOffset && s.startOffset < stop).map(text);
}

function runScriptOf(ctx: BuildContext, node: CstNode): RunScriptStep {
  const triple = tokenOf(node, 'TripleString');
  const quoted = triple ?? tokenOf(node, 'String');
  const source = !isReal(quoted) ? ''
    : quoted === triple ? untripleQuote(quoted.image, quoted.tokenType !== UnterminatedTripleString)
    : text(quoted);
  const step: RunScriptStep = { kind: 'run_script', source };
  const numbers = tokensOf(node, 'Number');
  const numberAfter = (keyword: IToken) => numbers.find((number) => number.startOffset > keyword.startOffset);
  duplicates(ctx, tokensOf(node, 'timeout'), "'timeout'");
  duplicates(ctx, tokensOf(node, 'memory'), "'memory'");
  const timeout = tokenOf(node, 'timeout');
  const memory = tokenOf(node, 'memory');
  if (timeout) step.timeoutMs = wholeNumber(ctx, numberAfter(timeout), 'milliseconds');
  if (memory) step.memoryMb = wholeNumber(ctx, numberAfter(memory), 'megabytes');
  return withPart(step, 'source', ctx.at.token(quoted));
}

function notifyOf(ctx: BuildContext, node: CstNode): NotifyEmailStep | NotifySmsStep {
  const recipients: CstNode[] = [];
  const templates: IToken[] = [];
  const texts: IToken[] = [];
  for (const setting of childrenOf(node, 'notifySetting')) {
    for (const party of setting.children['party'] ?? []) if (isCstNode(party)) recipients.push(party);
    if (has(setting, 'template')) templates.push(tokenOf(setting, 'String')!);
    else if (!has(setting, 'to')) texts.push(tokenOf(setting, 'String')!);
  }
  const loc = ctx.at.node(node);
  const isEmail = has(node, 'email');
  duplicates(ctx, recipients, "'to'");
  if (recipients.length === 0) ctx.missingPart(loc, "say whom to notify, as in 'to our_contact'");
  const to = partyOf(ctx, recipients[0], ['our_contact', 'service_contact'], "'notify … to'",
    isEmail ? 'a quoted e-mail address' : 'a quoted phone number');
  if (isEmail) {
    for (const extra of texts) ctx.error(ctx.at.token(extra), 'notify email sends a template: write template "<key>"');
    duplicates(ctx, templates, 'the template');
    if (templates.length === 0) ctx.missingPart(loc, 'notify email needs a template: template "<key>"');
    return withPart({ kind: 'notify_email', to, template: text(templates[0]) }, 'template', ctx.at.token(templates[0]));
  }
  for (const extra of templates) ctx.error(ctx.at.token(extra), 'notify sms sends the text given in quotes, not a template');
  duplicates(ctx, texts, 'the text');
  if (texts.length === 0) ctx.missingPart(loc, 'notify sms needs the text of the message in quotes');
  return withPart({ kind: 'notify_sms', to, text: text(texts[0]) }, 'text', ctx.at.token(texts[0]));
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function waitOf(ctx: BuildContext, node: CstNode): Step {
  if (has(node, 'duration')) return { kind: 'wait', duration: durationOf(ctx, childOf(node, 'duration')) };
  if (has(node, 'until')) {
    const token = tokenOf(node, 'String');
    const until = text(token);
    if (isReal(token) && (!ISO_DATE_TIME.test(until) || Number.isNaN(Date.parse(until)))) {
      ctx.error(ctx.at.token(token), 'expected a date and time such as "2026-12-01T09:00"');
    }
    return withPart({ kind: 'wait_until', until }, 'until', ctx.at.token(token));
  }
  const step: WaitForStep = { kind: 'wait_for', event: waitEventOf(ctx, childOf(node, 'waitEvent')) };
  const maxima: CstNode[] = [];
  const elses: CstNode[] = [];
  for (const option of childrenOf(node, 'waitOption')) {
    if (has(option, 'most')) maxima.push(option);
    if (has(option, 'else')) elses.push(option);
  }
  duplicates(ctx, maxima, "'at most'");
  duplicates(ctx, elses, "'else'");
  if (maxima[0]) step.atMost = durationOf(ctx, childOf(maxima[0], 'duration'));
  if (elses[0]) {
    step.onTimeout = has(elses[0], 'continue')
      ? { kind: 'continue' }
      : withLeaveActions(ctx, childOf(elses[0], 'leaveBlock'), { kind: 'leave' as const });
  }
  const reference = childOf(childOf(node, 'waitEvent'), 'stepReference');
  return withPart(step, 'step', ctx.at.token(tokenOf(reference, 'Identifier')));
}

function waitEventOf(ctx: BuildContext, node: CstNode | undefined): WaitEvent {
  if (has(node, 'form')) return { kind: 'form_submitted', form: text(tokenOf(node, 'String')) };
  const label = tokenOf(childOf(node, 'stepReference'), 'Identifier');
  const kind = has(node, 'email') ? 'email_opened' : 'link_clicked';
  return isReal(label) ? { kind, step: label.image } : { kind };
}

function splitOf(ctx: BuildContext, node: CstNode): SplitStep {
  const nameToken = tokenOf(node, 'String');
  const step: SplitStep = withPart({ kind: 'split', name: text(nameToken), branches: [] }, 'name', ctx.at.token(nameToken));
  const branchNodes = childrenOf(node, 'branchClause');
  const othersNodes = childrenOf(node, 'othersClause');
  step.branches = branchNodes.map((branch) => branchOf(ctx, branch));
  duplicates(ctx, othersNodes, "'others'");
  const lastBranch = ctx.at.node(branchNodes.at(-1));
  const firstOthers = othersNodes[0];
  if (firstOthers) {
    const othersLoc = ctx.at.node(firstOthers);
    if (lastBranch && othersLoc && othersLoc.offset < lastBranch.offset) {
      ctx.error(othersLoc, "'others' comes after the last branch");
    }
    step.others = othersOf(ctx, firstOthers);
    step.others.loc = othersLoc;
  }
  ctx.scope(tokenOf(node, 'LCurly'), tokenOf(node, 'RCurly'), step, [...step.branches, ...(step.others ? [step.others] : [])]);
  return step;
}

function stepBlockOf(ctx: BuildContext, block: CstNode | undefined, owner: { steps: Step[]; endComments?: string[] }): void {
  owner.steps = stepsOf(ctx, childrenOf(block, 'step'));
  ctx.scope(tokenOf(block, 'LCurly'), tokenOf(block, 'RCurly'), owner, owner.steps);
}

function branchOf(ctx: BuildContext, node: CstNode): Branch {
  const nameToken = tokenOf(node, 'String');
  const branch: Branch = {
    kind: 'branch', name: text(nameToken), condition: conditionOf(ctx, childOf(node, 'condition')), steps: [],
    loc: ctx.at.node(node),
  };
  stepBlockOf(ctx, childOf(node, 'stepBlock'), branch);
  return withPart(branch, 'name', ctx.at.token(nameToken));
}

function othersOf(ctx: BuildContext, node: CstNode): Others {
  if (has(node, 'continue')) return { kind: 'continue' };
  if (has(node, 'leave')) return withLeaveActions(ctx, childOf(node, 'leaveBlock'), { kind: 'leave' as const });
  const others: Others = { kind: 'steps', steps: [] };
  stepBlockOf(ctx, childOf(node, 'stepBlock'), others);
  return others;
}

function completeOf(ctx: BuildContext, node: CstNode): CompleteStep {
  const step: CompleteStep = { kind: 'complete', actions: [] };
  for (const item of childrenOf(node, 'completeItem')) {
    const flowName = tokenOf(item, 'String');
    const action: CompleteAction = {
      kind: 'on_outcome', outcome: has(item, 'no_success') ? 'no_success' : 'success', flow: text(flowName),
      loc: ctx.at.node(item),
    };
    step.actions.push(withPart(action, 'flow', ctx.at.token(flowName)));
  }
  ctx.scope(tokenOf(node, 'LCurly'), tokenOf(node, 'RCurly'), step, step.actions);
  return step;
}
