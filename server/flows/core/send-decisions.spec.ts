import { describe, expect, it } from '@jest/globals';
import type { FlowNode } from '@stroom/dsl';
import { heldBack, policyApplies, recipient, withoutMobile } from './send-decisions.js';

const node = (settings: Record<string, unknown>): FlowNode => ({ id: 'stap', kind: 'send_sms', settings, next: 'verder' }) as unknown as FlowNode;

describe('send step decisions (pure core)', () => {
  it.each([
    [{ email: ' an@example.nl ', mobile: '+31612345678' }, 'email', 'an@example.nl'],
    [{ email: '', mobile: '+31612345678' }, 'email', null],
    [{ email: 'an@example.nl', mobile: null }, 'sms', null],
    [{ email: null, mobile: '+31612345678' }, 'sms', '+31612345678'],
  ] as const)('%j by %s goes to %j', (person, channel, expected) => {
    expect(recipient(person, channel)).toBe(expected);
  });

  it('lets the contact policy decide only on a marketing message to an address', () => {
    expect(policyApplies(node({}), 'an@example.nl')).toBe(true);
    expect(policyApplies(node({ transactional: true }), 'an@example.nl')).toBe(false);
    expect(policyApplies(node({}), null)).toBe(false);
  });

  it('skips an SMS to a person without a mobile number unless the step says leave', () => {
    expect(withoutMobile(node({}))).toEqual({ kind: 'skip' });
    expect(withoutMobile(node({ ifNoMobile: { kind: 'leave', actions: [] } }))).toEqual({ kind: 'leave', actions: [] });
  });

  it('waits on the step for a deferred message and goes on past a skipped one, saying why', () => {
    const until = new Date('2026-03-03T08:00:00Z');
    expect(heldBack({ kind: 'defer', until, reason: 'email at most 1 per 7 days' }, 'email', node({}))).toEqual({
      note: 'e-mail deferred until 2026-03-03T08:00:00.000Z by the contact policy (email at most 1 per 7 days)', wait: until,
    });
    expect(heldBack({ kind: 'skip', reason: 'quiet hours' }, 'sms', node({}))).toEqual({ note: 'SMS skipped by the contact policy (quiet hours)', next: 'verder' });
  });
});
