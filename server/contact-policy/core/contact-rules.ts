import { spanText, type CompiledContactPolicy, type PolicyChannel, type PolicySpan } from '@stroom/dsl';
import { DateTime } from 'luxon';

/** A marketing message the person was sent (or is being sent in this transaction). */
export interface Contact {
  at: Date;
  channel: PolicyChannel;
}

export type ContactVerdict =
  | { kind: 'send' }
  /** Not now: the first moment every rule allows it, and the rules that stood in the way. */
  | { kind: 'limited'; until: Date; rules: string[] };

/** Rounds of moving the moment later: each rule can only push it forward, so a few settle it. */
const MAX_ROUNDS = 20;

/** `at` plus or minus a span in `zone`: days and weeks keep the wall-clock time across DST. */
function shift(at: Date, span: PolicySpan, zone: string, sign: 1 | -1): Date {
  return DateTime.fromJSDate(at, { zone }).plus({ [span.unit]: sign * span.amount }).toJSDate();
}

/** The earliest moment the history that matters starts: older contacts cannot limit a message now. */
export function lookBackStart(policy: CompiledContactPolicy, now: Date, zone: string): Date {
  const spans = [...Object.values(policy.limits).map((limit) => limit.per), ...(policy.gap ? [policy.gap] : [])];
  return spans.reduce((earliest, span) => {
    const start = shift(now, span, zone, -1);
    return start < earliest ? start : earliest;
  }, now);
}

/** True when the policy limits anything at all (no lock or history is needed otherwise). */
export function limitsAnything(policy: CompiledContactPolicy): boolean {
  return Object.keys(policy.limits).length > 0 || policy.gap !== undefined || Object.keys(policy.quietHours).length > 0;
}

/**
 * Whether a marketing message on `channel` may go to the person now, given the marketing messages
 * they were sent: the rolling limit of the channel, the gap since the last message of any channel
 * and the channel's quiet hours in the person's time zone. When not, the first moment all allow it.
 */
export function decideContact(policy: CompiledContactPolicy, history: readonly Contact[], channel: PolicyChannel, now: Date, zone: string): ContactVerdict {
  const rules = new Set<string>();
  let at = now;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = at.getTime();
    at = afterGap(policy, history, at, zone, rules);
    at = afterLimit(policy, history, channel, at, zone, rules);
    at = afterQuietHours(policy, channel, at, zone, rules);
    if (at.getTime() === before) break;
  }
  return at.getTime() === now.getTime() ? { kind: 'send' } : { kind: 'limited', until: at, rules: [...rules] };
}

function afterGap(policy: CompiledContactPolicy, history: readonly Contact[], at: Date, zone: string, rules: Set<string>): Date {
  if (!policy.gap || history.length === 0) return at;
  const last = history.reduce((latest, contact) => (contact.at > latest ? contact.at : latest), history[0]!.at);
  const allowed = shift(last, policy.gap, zone, 1);
  if (allowed <= at) return at;
  rules.add(`gap at least ${spanText(policy.gap)}`);
  return allowed;
}

function afterLimit(policy: CompiledContactPolicy, history: readonly Contact[], channel: PolicyChannel, at: Date, zone: string, rules: Set<string>): Date {
  const limit = policy.limits[channel];
  if (!limit) return at;
  // A contact counts while `at` is before it plus the window. One stamped after `at` counts too:
  // another instance's clock may run a little ahead, and its message has gone all the same.
  const counted = history.filter((c) => c.channel === channel && shift(c.at, limit.per, zone, 1) > at)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  if (counted.length < limit.count) return at;
  rules.add(`${channel} at most ${limit.count} per ${spanText(limit.per)}`);
  // Room for one more once the oldest surplus contact has left the window.
  return shift(counted[counted.length - limit.count]!.at, limit.per, zone, 1);
}

function afterQuietHours(policy: CompiledContactPolicy, channel: PolicyChannel, at: Date, zone: string, rules: Set<string>): Date {
  const quiet = policy.quietHours[channel];
  if (!quiet) return at;
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return at;
  rules.add(`${channel === 'sms' ? 'sms ' : 'email '}quiet hours ${quiet.start}-${quiet.end}`);
  const endToday = local.startOf('day').plus({ minutes: end });
  return (endToday > local ? endToday : local.startOf('day').plus({ days: 1, minutes: end })).toJSDate();
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}
