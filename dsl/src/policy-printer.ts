// The contact policy's canonical form: rules in a fixed order (limits by channel, the gap, quiet
// hours, what happens when limited), so that formatting twice changes nothing.
import type { ContactPolicyDocument, PolicyRule, PolicySpan } from './policy-ast.js';
import { Lines } from './printer-text.js';

const SINGULAR: Record<string, string> = { minutes: 'minute', hours: 'hour', days: 'day', weeks: 'week' };

export function spanText(span: PolicySpan): string {
  return `${span.amount} ${span.amount === 1 ? SINGULAR[span.unit] : span.unit}`;
}

export function policyRuleText(rule: PolicyRule): string {
  switch (rule.kind) {
    case 'limit': return `${rule.channel} at most ${rule.count} per ${spanText(rule.per)}`;
    case 'gap': return `gap at least ${spanText(rule.span)}`;
    case 'quiet_hours': return `${rule.channel ? `${rule.channel} ` : ''}quiet hours ${rule.start}-${rule.end}`;
    case 'when_limited': return `when limited ${rule.action}`;
  }
}

/** The order rules are printed in: e-mail before SMS, and a rule for all channels before one for a single channel. */
export function policyRuleRank(rule: PolicyRule): number {
  const channel = 'channel' in rule ? (rule.channel === undefined ? 0 : rule.channel === 'email' ? 1 : 2) : 0;
  return { limit: 0, gap: 10, quiet_hours: 20, when_limited: 30 }[rule.kind] + channel;
}

export function printPolicy(policy: ContactPolicyDocument): string {
  const out = new Lines();
  out.comments(0, policy.comments);
  out.add(0, 'policy {');
  for (const rule of [...policy.rules].sort((a, b) => policyRuleRank(a) - policyRuleRank(b))) {
    out.comments(1, rule.comments);
    out.add(1, policyRuleText(rule));
  }
  out.comments(1, policy.endComments);
  out.add(0, '}');
  return `${out.lines.join('\n')}\n`;
}
