import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { addTime, isWorkday, nextWindowOpening, parseSendWindow, type Calendar, type TimeUnit } from './calendar.js';

const amsterdam: Calendar = { zone: 'Europe/Amsterdam', extraHolidays: ['2026-12-31'] };
const local = (iso: string, zone = 'Europe/Amsterdam') => DateTime.fromISO(iso, { zone }).toJSDate();
const show = (date: Date, zone = 'Europe/Amsterdam') => DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");

describe('addTime in Europe/Amsterdam', () => {
  it.each<[string, number, TimeUnit, string]>([
    // Spring forward: 2026-03-29 02:00 → 03:00
    ['2026-03-28T09:00', 1, 'days', '2026-03-29T09:00 Sun'],
    ['2026-03-28T09:00', 24, 'hours', '2026-03-29T10:00 Sun'],
    ['2026-03-29T01:30', 60, 'minutes', '2026-03-29T03:30 Sun'],
    ['2026-03-25T09:00', 1, 'weeks', '2026-04-01T09:00 Wed'],
    ['2026-03-28T02:30', 1, 'days', '2026-03-29T03:30 Sun'],
    // Fall back: 2026-10-25 03:00 → 02:00
    ['2026-10-24T09:00', 1, 'days', '2026-10-25T09:00 Sun'],
    ['2026-10-24T09:00', 24, 'hours', '2026-10-25T08:00 Sun'],
    ['2026-10-25T01:30', 120, 'minutes', '2026-10-25T02:30 Sun'],
    ['2026-10-20T09:00', 1, 'weeks', '2026-10-27T09:00 Tue'],
    // Workdays: weekends, holidays, extra holidays
    ['2026-03-27T09:00', 1, 'workdays', '2026-03-30T09:00 Mon'],
    ['2026-04-02T10:00', 1, 'workdays', '2026-04-03T10:00 Fri'],
    ['2026-04-03T10:00', 1, 'workdays', '2026-04-07T10:00 Tue'],
    ['2026-04-24T10:00', 1, 'workdays', '2026-04-28T10:00 Tue'],
    ['2026-05-13T10:00', 1, 'workdays', '2026-05-15T10:00 Fri'],
    ['2026-05-22T10:00', 1, 'workdays', '2026-05-26T10:00 Tue'],
    ['2026-12-24T10:00', 1, 'workdays', '2026-12-28T10:00 Mon'],
    ['2026-12-30T10:00', 1, 'workdays', '2027-01-04T10:00 Mon'],
    ['2026-03-28T10:00', 1, 'workdays', '2026-03-30T10:00 Mon'],
    ['2026-03-20T09:00', 5, 'workdays', '2026-03-27T09:00 Fri'],
    ['2026-03-28T09:00', 0, 'days', '2026-03-28T09:00 Sat'],
    // A time in the spring gap shifts on that day only, not on every day after it
    ['2026-03-27T02:30', 1, 'workdays', '2026-03-30T02:30 Mon'],
    ['2026-03-27T02:30', 2, 'workdays', '2026-03-31T02:30 Tue'],
    // An ambiguous autumn time takes the earlier (summer-time) offset
    ['2026-10-24T02:30', 1, 'days', '2026-10-25T02:30 Sun'],
  ])('%s + %d %s = %s', (from, amount, unit, expected) => {
    expect(show(addTime(local(from), amount, unit, amsterdam))).toBe(expected);
  });

  it('keeps 23 and 25 hours between the same local times across the changes', () => {
    const spring = local('2026-03-28T09:00');
    expect(addTime(spring, 1, 'days', amsterdam).getTime() - spring.getTime()).toBe(23 * 3_600_000);
    const autumn = local('2026-10-24T09:00');
    expect(addTime(autumn, 1, 'days', amsterdam).getTime() - autumn.getTime()).toBe(25 * 3_600_000);
  });

  it('follows the given zone', () => {
    const ny: Calendar = { zone: 'America/New_York', extraHolidays: [] };
    const from = local('2026-03-07T09:00', ny.zone);
    expect(show(addTime(from, 1, 'days', ny), ny.zone)).toBe('2026-03-08T09:00 Sun');
    expect(addTime(from, 1, 'days', ny).getTime() - from.getTime()).toBe(23 * 3_600_000);
  });

  it('gives a sum asked again (a batch of participants) the same answer, per zone and holidays, as a Date of its own', () => {
    const from = local('2026-12-30T10:00');
    const first = addTime(from, 1, 'workdays', amsterdam);
    first.setTime(0);
    expect(show(addTime(from, 1, 'workdays', amsterdam))).toBe('2027-01-04T10:00 Mon');
    expect(show(addTime(from, 1, 'workdays', { ...amsterdam, extraHolidays: [] }))).toBe('2026-12-31T10:00 Thu');
    const spring = local('2026-03-28T09:00');
    expect(addTime(spring, 1, 'days', amsterdam).getTime() - spring.getTime()).toBe(23 * 3_600_000);
    expect(addTime(spring, 1, 'days', { zone: 'UTC', extraHolidays: amsterdam.extraHolidays }).getTime() - spring.getTime()).toBe(24 * 3_600_000);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => addTime(new Date(), -1, 'days', amsterdam)).toThrow(RangeError);
    expect(() => addTime(new Date(), 1.5, 'days', amsterdam)).toThrow(RangeError);
  });

  it('is fast for long workday spans', () => {
    const started = performance.now();
    addTime(local('2026-01-01T09:00'), 1000, 'workdays', amsterdam);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('knows workdays', () => {
    expect(isWorkday(local('2026-04-27T12:00'), amsterdam)).toBe(false);
    expect(isWorkday(local('2026-04-28T12:00'), amsterdam)).toBe(true);
    expect(isWorkday(local('2026-12-31T12:00'), amsterdam)).toBe(false);
  });
});

describe('send windows', () => {
  const workdays = parseSendWindow('workdays 08:00-20:00');
  it.each([
    ['2026-03-25T10:00', '2026-03-25T10:00 Wed'],
    ['2026-03-25T07:59', '2026-03-25T08:00 Wed'],
    ['2026-03-25T20:00', '2026-03-26T08:00 Thu'],
    ['2026-03-27T21:00', '2026-03-30T08:00 Mon'],
    ['2026-04-25T10:00', '2026-04-28T08:00 Tue'],
  ])('workdays 08:00-20:00: %s → %s', (at, expected) => {
    expect(show(nextWindowOpening(local(at), workdays, amsterdam))).toBe(expected);
  });

  it.each([
    ['2026-03-29T06:00', '2026-03-29T09:00 Sun'],
    ['2026-03-29T09:30', '2026-03-29T09:30 Sun'],
    ['2026-10-25T06:00', '2026-10-25T09:00 Sun'],
    ['2026-10-25T08:30', '2026-10-25T09:00 Sun'],
  ])('opens at the local time on DST Sundays: %s → %s', (at, expected) => {
    expect(show(nextWindowOpening(local(at), parseSendWindow('sun 09:00-17:00'), amsterdam))).toBe(expected);
  });

  it('closes at midnight for a window up to 24:00, also on a DST day', () => {
    const allDay = parseSendWindow('mon-sun 00:00-24:00');
    expect(show(nextWindowOpening(local('2026-03-29T23:30'), allDay, amsterdam))).toBe('2026-03-29T23:30 Sun');
    expect(show(nextWindowOpening(local('2026-10-25T23:59'), allDay, amsterdam))).toBe('2026-10-25T23:59 Sun');
  });

  it('parses day ranges and lists', () => {
    expect(parseSendWindow('mon-sat 09:00-17:00')).toEqual({ days: [1, 2, 3, 4, 5, 6], from: '09:00', to: '17:00' });
    expect(parseSendWindow('mon,wed,fri 09:00-12:00')).toEqual({ days: [1, 3, 5], from: '09:00', to: '12:00' });
    expect(show(nextWindowOpening(local('2026-03-28T18:00'), parseSendWindow('mon-sat 09:00-17:00'), amsterdam))).toBe('2026-03-30T09:00 Mon');
    expect(show(nextWindowOpening(local('2026-04-27T10:00'), parseSendWindow('mon-sat 09:00-17:00'), amsterdam))).toBe('2026-04-27T10:00 Mon');
  });

  it.each(['always', 'workdays 20:00-08:00', 'mon-xyz 09:00-10:00', 'workdays 25:00-26:00'])('refuses %s', (text) => {
    expect(() => parseSendWindow(text)).toThrow();
  });
});
