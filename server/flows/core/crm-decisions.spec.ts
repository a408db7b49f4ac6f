import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { appCalendar } from '../../scheduling/calendar.js';
import { distributes, firstFreeHour, followUpSearch, saleDate } from './crm-decisions.js';

const calendar = appCalendar({ appTimezone: 'Europe/Amsterdam', holidays: ['2026-03-03'] });
/** Monday 2 March 2026, 10:20 in Amsterdam. */
const MONDAY = new Date('2026-03-02T09:20:00Z');
const local = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Amsterdam' });

describe('CRM step decisions (pure core)', () => {
  it('plans a task today, a meeting from the next hour or from the day N ahead', () => {
    expect(followUpSearch({ kind: 'task_date' }, MONDAY, calendar)).toEqual({ at: MONDAY });
    const first = followUpSearch({ kind: 'first_available' }, MONDAY, calendar) as { from: DateTime };
    expect(first.from.toISO()).toBe(local('2026-03-02T11:00').toISO());
    const later = followUpSearch({ kind: 'after', duration: { amount: 2, unit: 'workdays' } }, MONDAY, calendar) as { from: DateTime };
    // Tuesday is a holiday: two workdays on is Thursday, from its start.
    expect(later.from.toISO()).toBe(local('2026-03-05T00:00').toISO());
  });

  it('takes the first working hour that is free, skipping nights, weekends and holidays', () => {
    const from = local('2026-03-02T16:00');
    const until = from.plus({ days: 30 });
    expect(firstFreeHour(from, until, new Set(), calendar)).toEqual(from.toJSDate());
    // 16:00 taken: the next working hour is Wednesday 09:00 (Tuesday is a holiday).
    expect(firstFreeHour(from, until, new Set([from.toMillis()]), calendar)).toEqual(local('2026-03-04T09:00').toJSDate());
    const friday = local('2026-03-06T16:00');
    expect(firstFreeHour(friday, friday.plus({ days: 30 }), new Set([friday.toMillis()]), calendar)).toEqual(local('2026-03-09T09:00').toJSDate());
  });

  it('dates a sale N ahead or leaves it open, and distributes only where asked', () => {
    expect(saleDate(undefined, MONDAY, calendar)).toBeUndefined();
    expect(saleDate({ kind: 'after', duration: { amount: 2, unit: 'weeks' } }, MONDAY, calendar)).toEqual(new Date('2026-03-16T09:20:00Z'));
    expect(distributes(true, { our_contact_id: '4' })).toBe(false);
    expect(distributes(true, { our_contact_id: null })).toBe(true);
    expect(distributes(undefined, { our_contact_id: '4' })).toBe(true);
  });
});
