// The builder's shared state and the pieces every declaration uses: values, fields, durations,
// parties, conditions and leave blocks.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type {
  ChangeValues, CompareOperator, Condition, Duration, LeaveAction, LeaveOptions, Loc, Party, Role,
  TimeUnit, Value,
} from './ast.js';
import { childOf, childrenOf, firstPresent, has, isCstNode, isReal, Locator, tokenOf, tokensOf } from './cst.js';
import { diagnosticAt, type Diagnostic } from './diagnostics.js';
import { unquote } from './strings.js';
import { UnterminatedString } from './tokens.js';

/** Conditions and blocks nest at most this deep; deeper input gets a diagnostic, not a stack overflow. */
export const MAX_NESTING = 64;

/** A `{ … }` whose items can take the comments written inside it. */
export interface CommentScope {
  open: number;
  close: number;
  items: { loc?: Loc; comments?: string[] }[];
  owner: { endComments?: string[] };
}

export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  /** "Something is missing" findings: noise when the parser already failed, so kept apart. */
  readonly missing: Diagnostic[] = [];
  readonly scopes: CommentScope[] = [];

  constructor(readonly at: Locator) {}

  error(loc: Loc | undefined, message: string): void {
    this.diagnostics.push(diagnosticAt(loc ?? this.at.end(), 'error', message));
  }

  missingPart(loc: Loc | undefined, message: string): void {
    this.missing.push(diagnosticAt(loc ?? this.at.end(), 'error', message));
  }

  /** Registers a block for comment attachment; `items` is read after the whole build. */
  scope(open: IToken | undefined, close: IToken | undefined, owner: CommentScope['owner'], items: CommentScope['items']): void {
    if (!isReal(open)) return;
    this.scopes.push({ open: open.startOffset, close: isReal(close) ? close.startOffset : Infinity, items, owner });
  }
}

export function text(token: IToken | undefined): string {
  if (!isReal(token)) return '';
  return unquote(token.image, token.tokenType !== UnterminatedString);
}

/** Sets `locs[name]` when the part has a position. */
export function withPart<const T extends object>(node: T, name: string, loc: Loc | undefined): T {
  const positioned = node as { locs?: Partial<Record<string, Loc>> };
  // The builder's nodes each have their own `locs`: adding to it in place is safe.
  if (loc) (positioned.locs ??= {})[name] = loc;
  return node;
}

export function numberOf(ctx: BuildContext, node: CstNode | undefined): number {
  const digits = tokenOf(node, 'Number');
  if (!isReal(digits)) return 0;
  const magnitude = Number(digits.image);
  if (!Number.isFinite(magnitude)) {
    ctx.error(ctx.at.token(digits), `the number ${digits.image.slice(0, 20)} is too large`);
    return 0;
  }
  return has(node, 'Minus') ? -magnitude : magnitude;
}

/** A whole, non-negative number, e.g. a count of days; `what` names it in the diagnostic. */
export function wholeNumber(ctx: BuildContext, token: IToken | undefined, what: string): number {
  if (!isReal(token)) return 0;
  const value = Number(token.image);
  if (!Number.isSafeInteger(value)) ctx.error(ctx.at.token(token), `expected a whole number of ${what}, found ${token.image}`);
  return value;
}

export function valueOf(ctx: BuildContext, node: CstNode | undefined): Value {
  if (has(node, 'true')) return true;
  if (has(node, 'false')) return false;
  if (has(node, 'numberValue')) return numberOf(ctx, childOf(node, 'numberValue'));
  return text(tokenOf(node, 'String'));
}

export function pathOf(node: CstNode | undefined): string {
  let path = '';
  let first = true;
  for (const element of node?.children['Name'] ?? []) {
    if (isCstNode(element)) continue;
    path = first ? element.image : `${path}.${element.image}`;
    first = false;
  }
  return path;
}

const UNITS: readonly TimeUnit[] = ['minutes', 'hours', 'days', 'workdays', 'weeks'];

export function durationOf(ctx: BuildContext, node: CstNode | undefined): Duration {
  const unit = firstPresent(node, UNITS) ?? 'days';
  return { amount: wholeNumber(ctx, tokenOf(node, 'Number'), unit), unit };
}

const ROLE_TOKENS: readonly Role[] = [
  'person', 'contact', 'responsible', 'owner', 'our_contact', 'service_contact', 'auto', 'unassigned',
];

/** A party, checked against the roles allowed where it stands (`where` starts the diagnostic). */
export function partyOf(ctx: BuildContext, node: CstNode | undefined, allowed: readonly Role[], where: string, addressWord: string): Party {
  const address = tokenOf(node, 'String');
  if (address) return { kind: 'address', address: text(address) };
  const role = firstPresent(node, ROLE_TOKENS);
  if (!role) return { kind: 'role', role: allowed[0] ?? 'person' };
  if (!allowed.includes(role)) {
    ctx.error(ctx.at.node(node), `${where} takes ${[...allowed, addressWord].join(', ').replace(/, ([^,]*)$/, ' or $1')}, not ${role}`);
  }
  return { kind: 'role', role };
}

export function changeValuesOf(ctx: BuildContext, node: CstNode | undefined): ChangeValues {
  return assignChangeValues(ctx, node, {});
}

/** Adds `from` and `to` (those given) to `target`, in that order: `{ ...changeValuesOf() }` without the copy. */
export function assignChangeValues<T extends ChangeValues>(ctx: BuildContext, node: CstNode | undefined, target: T): T {
  const values = childrenOf(node, 'value');
  let next = 0;
  if (has(node, 'from')) target.from = valueOf(ctx, values[next++]);
  if (has(node, 'to')) target.to = valueOf(ctx, values[next]);
  return target;
}

// ---- conditions -------------------------------------------------------------------------------

const COMPARE_TOKENS: Record<string, CompareOperator> = {
  Equals: '=', NotEqual: '!=', Less: '<', LessOrEqual: '<=', Greater: '>', GreaterOrEqual: '>=',
};
const COMPARE_NAMES = Object.keys(COMPARE_TOKENS);

const placeholderCondition = (): Condition => ({ kind: 'empty', field: 'person.email', negated: false });

export function conditionOf(ctx: BuildContext, node: CstNode | undefined, depth = 0): Condition {
  const operands: Condition[] = [];
  for (const part of node?.children['andCondition'] ?? []) {
    if (isCstNode(part)) operands.push(andConditionOf(ctx, part, depth));
  }
  return operands.length === 1 ? operands[0]! : { kind: 'or', operands, loc: ctx.at.node(node) };
}

function andConditionOf(ctx: BuildContext, node: CstNode, depth: number): Condition {
  const operands: Condition[] = [];
  for (const part of node.children['notCondition'] ?? []) {
    if (isCstNode(part)) operands.push(notConditionOf(ctx, part, depth));
  }
  return operands.length === 1 ? operands[0]! : { kind: 'and', operands, loc: ctx.at.node(node) };
}

function notConditionOf(ctx: BuildContext, node: CstNode, depth: number): Condition {
  const nots = tokensOf(node, 'not');
  const innerDepth = depth + nots.length + (has(node, 'LParen') ? 1 : 0);
  if (innerDepth > MAX_NESTING) {
    ctx.error(ctx.at.node(node), `conditions nest deeper than ${MAX_NESTING} levels`);
    return placeholderCondition();
  }
  let condition = has(node, 'comparison')
    ? comparisonOf(ctx, childOf(node, 'comparison')!)
    : conditionOf(ctx, childOf(node, 'condition'), innerDepth);
  if (nots.length === 0) return condition;
  const loc = ctx.at.node(node);
  for (let i = 0; i < nots.length; i++) condition = { kind: 'not', operand: condition, loc };
  return condition;
}

function comparisonOf(ctx: BuildContext, node: CstNode): Condition {
  const fieldPath = childOf(node, 'fieldPath');
  const field = pathOf(fieldPath);
  const loc = ctx.at.node(node);
  const locs = { field: ctx.at.node(fieldPath) };
  const values = childrenOf(node, 'value');
  const operatorToken = firstPresent(node, COMPARE_NAMES);
  if (operatorToken) {
    const operator = COMPARE_TOKENS[operatorToken]!;
    return { kind: 'compare', field, operator, value: valueOf(ctx, values[0]), loc, locs };
  }
  if (has(node, 'in')) return { kind: 'in', field, values: values.map((value) => valueOf(ctx, value)), loc, locs };
  if (has(node, 'contains')) return { kind: 'contains', field, value: valueOf(ctx, values[0]), loc, locs };
  if (has(node, 'is')) return { kind: 'empty', field, negated: has(node, 'not'), loc, locs };
  const changed: Condition = { kind: 'changed', field };
  assignChangeValues(ctx, childOf(node, 'changeValues'), changed);
  changed.loc = loc;
  changed.locs = locs;
  return changed;
}

// ---- leave blocks -----------------------------------------------------------------------------

/** Gives `node` the actions of a leave block (`{ move to flow … }`); the block may be absent. */
export function withLeaveActions<T extends object>(ctx: BuildContext, block: CstNode | undefined, node: T): T & LeaveOptions {
  const target = node as T & LeaveOptions;
  target.actions = [];
  if (!block) return target;
  for (const item of childrenOf(block, 'leaveItem')) {
    const name = tokensOf(item, 'String')[0];
    const action: LeaveAction = has(item, 'move')
      ? { kind: 'move_to_flow', flow: text(name) }
      : { kind: 'add_to_selection', selection: text(name) };
    action.loc = ctx.at.node(item);
    target.actions.push(withPart(action, has(item, 'move') ? 'flow' : 'selection', ctx.at.token(name)));
  }
  ctx.scope(tokenOf(block, 'LCurly'), tokenOf(block, 'RCurly'), target, target.actions);
  return target;
}

// ---- send actions (workflow actions and flow steps share the grammar) ---------------------------

export interface SendParts {
  channel: 'email' | 'sms';
  /** The e-mail template, or the SMS template (`send sms template "…"`). */
  template?: string;
  smsText?: string;
  keyLoc?: Loc;
  subjects: IToken[];
  attachments: IToken[];
  recipients: CstNode[];
  /** The `if no mobile …` options. */
  noMobile: CstNode[];
}

const NO_OPTIONS: readonly CstElement[] = [];

export function sendPartsOf(ctx: BuildContext, node: CstNode | undefined): SendParts {
  const key = tokenOf(node, 'String');
  const parts: SendParts = {
    channel: has(node, 'sms') ? 'sms' : 'email',
    keyLoc: ctx.at.token(key),
    subjects: [],
    attachments: [],
    recipients: [],
    noMobile: [],
  };
  // One pass over the options, in the order the lists had when built one by one: e-mail options
  // (subjects, attachments, recipients), then SMS options (recipients, `if no mobile`).
  const emailOptions = node?.children['emailOption'] ?? NO_OPTIONS;
  const smsOptions = node?.children['smsOption'] ?? NO_OPTIONS;
  for (const option of emailOptions) {
    if (!isCstNode(option)) continue;
    if (has(option, 'subject')) pushTokens(parts.subjects, option, 'String');
    if (has(option, 'attach')) pushTokens(parts.attachments, option, 'String');
    pushNodes(parts.recipients, option, 'party');
  }
  for (const option of smsOptions) {
    if (!isCstNode(option)) continue;
    pushNodes(parts.recipients, option, 'party');
    if (has(option, 'if')) parts.noMobile.push(option);
  }
  if (parts.channel === 'email' || has(node, 'template')) parts.template = text(key);
  else parts.smsText = text(key);
  return parts;
}

function pushTokens(into: IToken[], node: CstNode, name: string): void {
  const elements = node.children[name];
  if (elements) for (const element of elements) if (!isCstNode(element)) into.push(element);
}

function pushNodes(into: CstNode[], node: CstNode, name: string): void {
  const elements = node.children[name];
  if (elements) for (const element of elements) if (isCstNode(element)) into.push(element);
}
