import { conditionHolds, type ActionDescriptor, type Party } from '@stroom/dsl';
import { addTime, type Calendar } from '../../scheduling/calendar.js';
import type { InstalledRule, RuleSet } from './rule-set.js';

/**
 * What the workflow runtime decides, as pure functions of the rules, the change, the record's
 * facts and the time: which sends to make now, which to plan for later, which pending ones to
 * cancel, and when a reminder follows. The runtime (rules-runtime.ts) loads the facts and applies
 * these decisions in the event's transaction; tests run them on plain objects.
 */

type Facts = Record<string, unknown>;

/** What a pending or immediate send is about: which rule, event, action and reminder. */
export interface SendOrder {
  workflowId: string;
  eventId: string;
  entity: string;
  entityId: string;
  action: number;
  reminder: number;
}

export interface ChangeOfRecord {
  id: string;
  entity: string;
  entityId: string;
  kind: string;
  changes?: Record<string, unknown>;
  at: Date;
}

/** A send decided: its rule, action and order, due now or later. */
export interface PlannedSend {
  rule: InstalledRule;
  action: ActionDescriptor;
  order: SendOrder;
  due: Date;
}

export interface EventDecision {
  /**
   * The record's pending sends to cancel: those of every rule except `keep` (undefined: cancel
   * nothing; a record just created has none).
   */
  cancelAllBut?: string[];
  /** Sends due now (delay none or passed). */
  now: PlannedSend[];
  /** Sends due later, each a job due at `due`. */
  later: PlannedSend[];
}

/** One change of a record against the rule set: what to cancel, send now and plan for later. */
export async function decideChange(rules: RuleSet, change: ChangeOfRecord, facts: Facts, now: Date, calendar: Calendar): Promise<EventDecision> {
  const decision: EventDecision = { now: [], later: [] };
  if (change.kind !== 'created') decision.cancelAllBut = change.kind === 'deleted' ? [] : await rules.stillHolding(change.entity, facts);
  for (const rule of await rules.matching(change, facts)) {
    for (const action of rule.compiled.actions) {
      const order: SendOrder = { workflowId: rule.workflowId, eventId: change.id, entity: change.entity, entityId: change.entityId, action: action.index, reminder: 0 };
      const due = action.delay ? addTime(change.at, action.delay.amount, action.delay.unit, calendar) : change.at;
      (due.getTime() <= now.getTime() ? decision.now : decision.later).push({ rule, action, order, due });
    }
  }
  return decision;
}

/**
 * A send that is due: whether it goes out (the record still qualifies for its rule) and, when it
 * does and reminders are left, the next reminder.
 */
export async function decideDueSend(rule: InstalledRule, action: ActionDescriptor, order: SendOrder, facts: Facts, now: Date, calendar: Calendar): Promise<{ send: boolean; reminder?: { order: SendOrder; due: Date } }> {
  if (rule.compiled.stillHolds && !(await conditionHolds(rule.compiled.stillHolds, facts))) return { send: false };
  if (!action.reminders || order.reminder >= action.reminders.maxCount) return { send: true };
  return { send: true, reminder: { order: { ...order, reminder: order.reminder + 1 }, due: addTime(now, action.reminders.everyDays, 'days', calendar) } };
}

/** The idempotency key of a send: rule + event + action + reminder number. */
export function sendKey(order: SendOrder): string {
  return `wf:${order.workflowId}:ev:${order.eventId}:a${order.action}:r${order.reminder}`;
}

/** Pending work of a workflow for one record shares this prefix, so leaving the status cancels it all. */
export function pendingKey(workflowId: string, entity: string, entityId: string): string {
  return `wf:${workflowId}:${entity}:${entityId}:`;
}

/** The address of a send's recipient among the facts (a task's contact stands in for its person). */
export function recipientAddress(party: Party, channel: 'email' | 'sms', facts: Facts): string | null {
  if (party.kind === 'address') return party.address;
  const role = party.role === 'person' && !facts.person && facts.contact ? 'contact' : party.role;
  const holder = facts[role] as Record<string, unknown> | undefined;
  const value = holder?.[channel === 'email' ? 'email' : 'mobile'];
  return typeof value === 'string' && value ? value : null;
}
