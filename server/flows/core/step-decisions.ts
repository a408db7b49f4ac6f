import { conditionHolds, type Duration, type FlowNode, type LeaveAction, type Target, type UpdateOperation } from '@stroom/dsl';
import { DateTime } from 'luxon';
import { toCamel } from '../../common/naming.js';
import { addTime, type Calendar } from '../../scheduling/calendar.js';

/**
 * What a step decides, as pure functions of the step, the facts and the time: the engine's step
 * handlers apply these decisions in their transaction, the forecast applies them in memory, so
 * both walk a flow the same way.
 */

type Json = Record<string, unknown>;

/** A wait for an action lasts at most 7 days unless the step says otherwise. */
export const DEFAULT_MAX_WAIT: Duration = { amount: 7, unit: 'days' };

/** When a `wait <duration>` or `wait until <moment>` step entered at `at` ends (a moment without an offset is in the calendar's zone). */
export function waitEnd(node: FlowNode, at: Date, calendar: Calendar): Date {
  if (node.kind === 'wait') {
    const { duration } = node.settings as { duration: Duration };
    return addTime(at, duration.amount, duration.unit, calendar);
  }
  const until = String(node.settings.until);
  const moment = DateTime.fromISO(until, { zone: calendar.zone });
  if (!moment.isValid) throw new Error(`step ${node.id}: "${until}" is not a date-time`);
  return moment.toJSDate();
}

/** When a `wait for …` step entered at `at` times out. */
export function waitForTimeout(node: FlowNode, at: Date, calendar: Calendar): Date {
  const max = (node.settings.atMost as Duration | undefined) ?? DEFAULT_MAX_WAIT;
  return addTime(at, max.amount, max.unit, calendar);
}

/** What a `wait for …` step does at its time-out: go on, or leave with these actions (a dropout). */
export function onWaitTimeout(node: FlowNode): { kind: 'continue' } | { kind: 'leave'; actions: LeaveAction[] } {
  const onTimeout = node.settings.onTimeout as { kind: 'continue' } | { kind: 'leave'; actions: LeaveAction[] } | undefined;
  return onTimeout?.kind === 'leave' ? onTimeout : { kind: 'continue' };
}

/**
 * A split on conditions: the first branch whose condition holds on the facts (the person's data,
 * `participant` behaviour, `webhook` answers), else "others": go on to a target or leave.
 */
export async function conditionBranch(node: FlowNode, facts: Json): Promise<{ kind: 'next'; next: Target } | { kind: 'leave'; actions: LeaveAction[] }> {
  for (const branch of node.branches ?? []) {
    if (await conditionHolds(branch.condition, facts)) return { kind: 'next', next: branch.next };
  }
  const others = node.others;
  if (others?.kind === 'leave') return { kind: 'leave', actions: others.actions };
  return { kind: 'next', next: others?.next ?? null };
}

/**
 * An `update person` step: the patch to store (field names as the API takes them, `extra.<name>`
 * merged into `extra`) and the person's facts after it (snake_case, as rules read them).
 */
export function personUpdate(person: Json, operations: readonly UpdateOperation[]): { patch: Json; after: Json } {
  const patch: Json = {};
  const after: Json = { ...person };
  const extra: Json = { ...((person.extra as Json | null) ?? {}) };
  for (const op of operations) {
    const inExtra = op.field.startsWith('extra.');
    const key = inExtra ? op.field.slice('extra.'.length) : op.field;
    const current = inExtra ? extra[key] : after[key];
    const list = Array.isArray(current) ? (current as unknown[]) : [];
    let value: unknown;
    switch (op.kind) {
      case 'set': value = op.value; break;
      case 'clear': value = Array.isArray(current) ? [] : null; break;
      case 'add': value = list.includes(op.value) ? list : [...list, op.value]; break;
      case 'remove': value = list.filter((item) => item !== op.value); break;
      case 'increase': value = (typeof current === 'number' ? current : Number(current) || 0) + op.by; break;
    }
    if (inExtra) {
      extra[key] = value;
      patch.extra = extra;
      after.extra = extra;
    } else {
      patch[toCamel(key)] = value;
      after[key] = value;
    }
  }
  return { patch, after };
}
