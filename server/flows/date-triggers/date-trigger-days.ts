// Which date values enrol a person on a given day: the pure day maths of date triggers.
import type { DateTrigger, YearlyTrigger } from '@stroom/dsl';
import { DateTime } from 'luxon';
import { isWorkday, type Calendar } from '../../scheduling/calendar.js';

/** ISO dates (YYYY-MM-DD), both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

const shift = (iso: string, days: number): string => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate()!;

function workday(iso: string, calendar: Calendar): boolean {
  return isWorkday(DateTime.fromISO(`${iso}T12:00`, { zone: calendar.zone }).toJSDate(), calendar);
}

/** `iso` moved by `count` workdays (forwards for a positive count); 0 leaves it as it is. */
function moveWorkdays(iso: string, count: number, calendar: Calendar): string {
  let day = iso;
  const step = count > 0 ? 1 : -1;
  for (let left = Math.abs(count); left > 0; ) {
    day = shift(day, step);
    if (workday(day, calendar)) left--;
  }
  return day;
}

/**
 * The date values a trigger enrols on `day`. `30 days before` enrols on the value minus 30 days;
 * `3 workdays before` on the third workday before the value (so a value on a Sunday is reached
 * from the same workday as the Monday after it): a day that is no workday enrols nobody.
 */
export function valuesEnrolledOn(trigger: DateTrigger, day: string, calendar: Calendar): DateRange | undefined {
  const { amount, direction } = trigger;
  if (trigger.unit === 'days' || amount === 0) {
    const value = shift(day, direction === 'before' ? amount : -amount);
    return { from: value, to: value };
  }
  if (!workday(day, calendar)) return undefined;
  if (direction === 'before') {
    return { from: shift(moveWorkdays(day, amount - 1, calendar), 1), to: moveWorkdays(day, amount, calendar) };
  }
  return { from: moveWorkdays(day, -amount, calendar), to: shift(moveWorkdays(day, -(amount - 1), calendar), -1) };
}

/** The day a date value enrols on (undefined for a value that is no date). */
export function enrolmentDay(trigger: DateTrigger | YearlyTrigger, value: string, calendar: Calendar, today: string): string | undefined {
  const date = DateTime.fromISO(value.slice(0, 10), { zone: 'UTC' });
  if (!date.isValid) return undefined;
  const iso = date.toISODate()!;
  if (trigger.kind === 'yearly') {
    const year = Number(today.slice(0, 4));
    const thisYear = DateTime.fromObject({ year, month: date.month, day: Math.min(date.day, DateTime.utc(year, date.month).daysInMonth!) }, { zone: 'UTC' });
    return thisYear.toISODate()!;
  }
  if (trigger.unit === 'days' || trigger.amount === 0) return shift(iso, trigger.direction === 'before' ? -trigger.amount : trigger.amount);
  return moveWorkdays(iso, trigger.direction === 'before' ? -trigger.amount : trigger.amount, calendar);
}

/** The month-days (MM-DD) a yearly trigger enrols on `day`: 29 February falls on the 28th in other years. */
export function monthDaysOn(day: string): string[] {
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  const monthDay = day.slice(5);
  return monthDay === '02-28' && !date.isInLeapYear ? [monthDay, '02-29'] : [monthDay];
}

/** What counts as "once" for a date value: the value itself, and for a yearly trigger the year too. */
export function dateValueKey(trigger: DateTrigger | YearlyTrigger, value: string, day: string): string {
  const date = value.slice(0, 10);
  return trigger.kind === 'yearly' ? `${day.slice(0, 4)}:${date}` : date;
}

/** A stable name of a trigger within its flow, for the once-per-value record. */
export function triggerKey(trigger: DateTrigger | YearlyTrigger): string {
  return trigger.kind === 'yearly' ? `yearly:${trigger.entity}.${trigger.field}` : `${trigger.amount}:${trigger.unit}:${trigger.direction}:${trigger.entity}.${trigger.field}`;
}
