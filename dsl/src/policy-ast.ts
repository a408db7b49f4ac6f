// The contact policy document: one per installation, limiting how often and when marketing
// messages reach a person. A language of its own beside workflows and flows (`policy { … }`).
import type { Loc } from './ast.js';

export const POLICY_CHANNELS = ['email', 'sms'] as const;
export type PolicyChannel = (typeof POLICY_CHANNELS)[number];

/** Elapsed minutes and hours; days and weeks keep the person's wall-clock time across DST. */
export const POLICY_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type PolicyUnit = (typeof POLICY_UNITS)[number];

export interface PolicySpan {
  amount: number;
  unit: PolicyUnit;
}

interface PolicyLine {
  loc?: Loc;
  /** Full-line comments written above the line (text after `#`). */
  comments?: string[];
}

/** `email at most 2 per 7 days` */
export interface ContactLimit extends PolicyLine {
  kind: 'limit';
  channel: PolicyChannel;
  count: number;
  per: PolicySpan;
}

/** `gap at least 12 hours`: between any two marketing messages, whatever their channel. */
export interface ContactGap extends PolicyLine {
  kind: 'gap';
  span: PolicySpan;
}

/** `quiet hours 21:00-08:00`, or for one channel only: `sms quiet hours 21:00-08:00`. */
export interface QuietHours extends PolicyLine {
  kind: 'quiet_hours';
  channel?: PolicyChannel;
  start: string;
  end: string;
}

/** `when limited defer|skip`: what happens to a message the policy stops (defer when absent). */
export interface WhenLimited extends PolicyLine {
  kind: 'when_limited';
  action: 'defer' | 'skip';
}

export type PolicyRule = ContactLimit | ContactGap | QuietHours | WhenLimited;

export interface ContactPolicyDocument {
  kind: 'policy';
  rules: PolicyRule[];
  comments?: string[];
  endComments?: string[];
  loc?: Loc;
}
