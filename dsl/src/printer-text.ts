// The small pieces of the canonical printer that flows, workflows and steps share: the line
// collector and the text of values, durations, parties, conditions and leave blocks.
import type { ChangeValues, Condition, Duration, LeaveOptions, Party, Value } from './ast.js';
import { quote } from './strings.js';

/** Collects indented lines. */
export class Lines {
  readonly lines: string[] = [];

  add(depth: number, text: string): void {
    this.lines.push(`${'  '.repeat(depth)}${text}`);
  }

  comments(depth: number, comments: readonly string[] | undefined): void {
    for (const comment of comments ?? []) this.add(depth, `#${comment}`);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
  }
}

export function valueText(value: Value): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  return numberText(value);
}

export function numberText(value: number): string {
  return value < 0 || Object.is(value, -0) ? `-${String(-value)}` : String(value);
}

const SINGULAR: Record<string, string> = { minutes: 'minute', hours: 'hour', days: 'day', workdays: 'workday', weeks: 'week' };

export function durationText(duration: Duration): string {
  return `${duration.amount} ${duration.amount === 1 ? SINGULAR[duration.unit] : duration.unit}`;
}

export function partyText(party: Party): string {
  return party.kind === 'address' ? quote(party.address) : party.role;
}

export function changedText(change: ChangeValues): string {
  const from = change.from !== undefined ? ` from ${valueText(change.from)}` : '';
  const to = change.to !== undefined ? ` to ${valueText(change.to)}` : '';
  return `changed${from}${to}`;
}

/** Parenthesised where the structure would otherwise read differently (and binds tighter than or). */
export function conditionText(condition: Condition): string {
  switch (condition.kind) {
    case 'or':
      return condition.operands.map((operand) => operandText(operand, operand.kind === 'or')).join(' or ');
    case 'and':
      return condition.operands.map((operand) => operandText(operand, operand.kind === 'or' || operand.kind === 'and')).join(' and ');
    case 'not':
      return `not ${operandText(condition.operand, condition.operand.kind === 'or' || condition.operand.kind === 'and')}`;
    case 'compare': return `${condition.field} ${condition.operator} ${valueText(condition.value)}`;
    case 'in': return `${condition.field} in [${condition.values.map(valueText).join(', ')}]`;
    case 'contains': return `${condition.field} contains ${valueText(condition.value)}`;
    case 'empty': return `${condition.field} is ${condition.negated ? 'not ' : ''}empty`;
    case 'changed': return `${condition.field} ${changedText(condition)}`;
  }
}

function operandText(condition: Condition, parenthesise: boolean): string {
  const text = conditionText(condition);
  return parenthesise ? `(${text})` : text;
}

/** ` { … }` lines for a leave block, or nothing when it has no actions and no comments. */
/** `head` alone when there is nothing to do on leaving; else `head [leaveWord] { … }`. */
export function printLeaveBlock(out: Lines, depth: number, head: string, options: LeaveOptions, leaveWord?: string): void {
  if (options.actions.length === 0 && !options.endComments?.length) {
    out.add(depth, head);
    return;
  }
  out.add(depth, `${head}${leaveWord ? ` ${leaveWord}` : ''} {`);
  for (const action of options.actions) {
    out.comments(depth + 1, action.comments);
    out.add(depth + 1, action.kind === 'move_to_flow' ? `move to flow ${quote(action.flow)}` : `add to selection ${quote(action.selection)}`);
  }
  out.comments(depth + 1, options.endComments);
  out.add(depth, '}');
}

