// Checking and compiling a contact policy: each rule at most once per channel, then the plain
// object the delivery side decides with.
import { byPosition, diagnosticAt, type Diagnostic } from './diagnostics.js';
import type { ContactPolicyDocument, PolicyChannel, PolicyRule, PolicySpan } from './policy-ast.js';
import { parsePolicy } from './policy-parse.js';
import { policyRuleRank } from './policy-printer.js';

export interface CompiledQuietHours {
  /** Local times `HH:MM` in the person's zone; `start > end` crosses midnight. */
  start: string;
  end: string;
}

export interface CompiledContactPolicy {
  limits: Partial<Record<PolicyChannel, { count: number; per: PolicySpan }>>;
  gap?: PolicySpan;
  quietHours: Partial<Record<PolicyChannel, CompiledQuietHours>>;
  whenLimited: 'defer' | 'skip';
}

/** A policy that stops nothing: what applies while no policy is saved. */
export const OPEN_POLICY: CompiledContactPolicy = { limits: {}, quietHours: {}, whenLimited: 'defer' };

export function checkPolicy(policy: ContactPolicyDocument): Diagnostic[] {
  const seen = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  for (const rule of policy.rules) {
    const rank = policyRuleRank(rule);
    if (seen.has(rank) && rule.loc) {
      diagnostics.push(diagnosticAt(rule.loc, 'error', 'policy-given-twice', { what: `'${ruleName(rule)}'` }));
    }
    seen.add(rank);
  }
  return diagnostics;
}

export function compilePolicy(policy: ContactPolicyDocument): CompiledContactPolicy {
  const compiled: CompiledContactPolicy = { limits: {}, quietHours: {}, whenLimited: 'defer' };
  for (const rule of policy.rules) {
    if (rule.kind === 'limit') compiled.limits[rule.channel] ??= { count: rule.count, per: rule.per };
    else if (rule.kind === 'gap') compiled.gap ??= rule.span;
    else if (rule.kind === 'when_limited') compiled.whenLimited = rule.action;
  }
  // A channel's own quiet hours win over those for every channel.
  const quiet = policy.rules.filter((rule) => rule.kind === 'quiet_hours');
  for (const channel of ['email', 'sms'] as const) {
    const rule = quiet.find((q) => q.channel === channel) ?? quiet.find((q) => q.channel === undefined);
    if (rule) compiled.quietHours[channel] = { start: rule.start, end: rule.end };
  }
  return compiled;
}

/** Parse, check and compile in one: the compiled policy only when there is no error. */
export function readPolicy(source: string): { diagnostics: Diagnostic[]; policy?: CompiledContactPolicy } {
  const { ast, diagnostics } = parsePolicy(source);
  const all = [...diagnostics, ...checkPolicy(ast)].sort(byPosition);
  return all.some((d) => d.severity === 'error') ? { diagnostics: all } : { diagnostics: all, policy: compilePolicy(ast) };
}

function ruleName(rule: PolicyRule): string {
  const channel = 'channel' in rule && rule.channel ? `${rule.channel} ` : '';
  return { limit: `${channel}at most`, gap: 'gap at least', quiet_hours: `${channel}quiet hours`, when_limited: 'when limited' }[rule.kind];
}
