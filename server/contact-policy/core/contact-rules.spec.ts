import { describe, expect, it } from '@jest/globals';
import { readPolicy } from '@stroom/dsl';
import { decideContact, lookBackStart, type Contact } from './contact-rules.js';

const policy = (source: string) => readPolicy(`policy {\n${source}\n}\n`).policy!;
const AMS = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const email = (iso: string): Contact => ({ at: at(iso), channel: 'email' });
const sms = (iso: string): Contact => ({ at: at(iso), channel: 'sms' });

describe('deciding whether a marketing message may go now', () => {
  const limit = policy('  email at most 2 per 7 days');

  it('lets messages through up to the limit and then waits until the oldest leaves the rolling window', () => {
    expect(decideContact(limit, [email('2026-03-02T09:00:00Z')], 'email', at('2026-03-03T09:00:00Z'), AMS)).toEqual({ kind: 'send' });
    const history = [email('2026-03-02T09:00:00Z'), email('2026-03-03T09:00:00Z')];
    expect(decideContact(limit, history, 'email', at('2026-03-04T09:00:00Z'), AMS))
      .toEqual({ kind: 'limited', until: at('2026-03-09T09:00:00Z'), rules: ['email at most 2 per 7 days'] });
    // SMS is counted on its own.
    expect(decideContact(limit, history, 'sms', at('2026-03-04T09:00:00Z'), AMS)).toEqual({ kind: 'send' });
    // Exactly a window later the oldest no longer counts.
    expect(decideContact(limit, history, 'email', at('2026-03-09T09:00:00Z'), AMS)).toEqual({ kind: 'send' });
  });

  it('keeps the wall-clock time of a days window across the change to summer time in the person\'s zone', () => {
    const history = [email('2026-03-27T09:00:00Z'), email('2026-03-27T10:00:00Z')];
    // 10:00 in Amsterdam on 27 March (CET) → 10:00 CEST on 3 April = 08:00Z.
    expect(decideContact(limit, history, 'email', at('2026-03-28T09:00:00Z'), AMS)).toMatchObject({ until: at('2026-04-03T08:00:00Z') });
  });

  it('keeps the gap after the last message of any channel', () => {
    const gap = policy('  gap at least 12 hours');
    expect(decideContact(gap, [sms('2026-03-02T09:00:00Z')], 'email', at('2026-03-02T15:00:00Z'), AMS))
      .toEqual({ kind: 'limited', until: at('2026-03-02T21:00:00Z'), rules: ['gap at least 12 hours'] });
  });

  it('waits for the end of quiet hours in the person\'s own zone, over midnight', () => {
    const quiet = policy('  sms quiet hours 21:00-08:00');
    // 22:30 in Amsterdam → 08:00 the next morning there.
    expect(decideContact(quiet, [], 'sms', at('2026-06-10T20:30:00Z'), AMS))
      .toEqual({ kind: 'limited', until: at('2026-06-11T06:00:00Z'), rules: ['sms quiet hours 21:00-08:00'] });
    // 05:00 in Amsterdam → 08:00 the same day.
    expect(decideContact(quiet, [], 'sms', at('2026-06-10T03:00:00Z'), AMS)).toMatchObject({ until: at('2026-06-10T06:00:00Z') });
    // The same instant is 16:30 in New York: allowed there; e-mail has no quiet hours here.
    expect(decideContact(quiet, [], 'sms', at('2026-06-10T20:30:00Z'), 'America/New_York')).toEqual({ kind: 'send' });
    expect(decideContact(quiet, [], 'email', at('2026-06-10T20:30:00Z'), AMS)).toEqual({ kind: 'send' });
  });

  it('combines the rules: a gap ending inside quiet hours moves on to their end', () => {
    const both = policy('  gap at least 12 hours\n  quiet hours 21:00-08:00');
    expect(decideContact(both, [email('2026-06-10T10:00:00Z')], 'email', at('2026-06-10T12:00:00Z'), AMS))
      .toEqual({ kind: 'limited', until: at('2026-06-11T06:00:00Z'), rules: ['gap at least 12 hours', 'email quiet hours 21:00-08:00'] });
  });

  it('looks back as far as the longest window or gap', () => {
    expect(lookBackStart(policy('  email at most 1 per 2 weeks\n  gap at least 1 day'), at('2026-06-15T10:00:00Z'), AMS)).toEqual(at('2026-06-01T10:00:00Z'));
  });
});
