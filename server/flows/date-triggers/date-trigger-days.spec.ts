import { describe, expect, it } from '@jest/globals';
import type { DateTrigger } from '@stroom/dsl';
import { dateValueKey, enrolmentDay, monthDaysOn, valuesEnrolledOn } from './date-trigger-days.js';

const calendar = { zone: 'Europe/Amsterdam', extraHolidays: ['2027-01-13'] };
const trigger = (amount: number, unit: 'days' | 'workdays', direction: 'before' | 'after'): DateTrigger => ({
  kind: 'date', amount, unit, direction, entity: 'person', field: 'extra.contract_end',
});

describe('date trigger days', () => {
  it.each([
    // 2027-01-11 is a Monday; 2027-01-13 an extra holiday.
    [trigger(30, 'days', 'before'), '2027-01-11', { from: '2027-02-10', to: '2027-02-10' }],
    [trigger(3, 'days', 'after'), '2027-01-11', { from: '2027-01-08', to: '2027-01-08' }],
    [trigger(0, 'workdays', 'before'), '2027-01-16', { from: '2027-01-16', to: '2027-01-16' }],
    // Friday, 1 workday before: Saturday, Sunday and Monday all have Friday as their workday before.
    [trigger(1, 'workdays', 'before'), '2027-01-15', { from: '2027-01-16', to: '2027-01-18' }],
    // Tuesday, 1 workday before: Wednesday is a holiday, so Wednesday and Thursday.
    [trigger(1, 'workdays', 'before'), '2027-01-12', { from: '2027-01-13', to: '2027-01-14' }],
    // Tuesday, 2 workdays after: Friday and the weekend after it (Monday is 1 workday before).
    [trigger(2, 'workdays', 'after'), '2027-01-19', { from: '2027-01-15', to: '2027-01-17' }],
    [trigger(1, 'workdays', 'after'), '2027-01-16', undefined],
  ])('%j on %s enrols the values %j', (t, day, range) => {
    expect(valuesEnrolledOn(t, day, calendar)).toEqual(range);
  });

  it('is the inverse of the enrolment day of every value it gives', () => {
    for (const t of [trigger(1, 'workdays', 'before'), trigger(3, 'workdays', 'before'), trigger(2, 'workdays', 'after'), trigger(5, 'days', 'before')]) {
      for (let day = 1; day <= 31; day++) {
        const iso = `2027-01-${String(day).padStart(2, '0')}`;
        const range = valuesEnrolledOn(t, iso, calendar);
        if (!range) continue;
        for (let value = range.from; value <= range.to; value = next(value)) expect([t, value, enrolmentDay(t, value, calendar, iso)]).toEqual([t, value, iso]);
      }
    }
  });

  it('puts a yearly 29 February on the 28th in other years, and counts each year once', () => {
    expect(monthDaysOn('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(monthDaysOn('2028-02-28')).toEqual(['02-28']);
    const yearly = { kind: 'yearly' as const, entity: 'person' as const, field: 'extra.birthday' };
    expect(enrolmentDay(yearly, '1980-02-29', calendar, '2027-06-01')).toBe('2027-02-28');
    expect(dateValueKey(yearly, '1980-02-29', '2027-02-28')).toBe('2027:1980-02-29');
    expect(enrolmentDay(trigger(30, 'days', 'before'), 'geen datum', calendar, '2027-01-01')).toBeUndefined();
  });
});

function next(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
