import type { FollowUpDate, SaleDate, TimeUnit } from '@stroom/dsl';
import { DateTime } from 'luxon';
import { addTime, isWorkday, type Calendar } from '../../scheduling/calendar.js';

/**
 * What the CRM-action steps decide, as pure functions of the step's settings, the time and what
 * the adapter read: when a follow-up is planned, a sale's date, whether distribution changes the
 * owner. The engine's CrmSteps read and write around these.
 */

/** Meetings at "first available" go in the first free hour of a working day, 09:00–17:00. */
export const WORKING_HOURS = { start: 9, end: 17 };
/** How far ahead a free hour is searched. */
const SEARCH_DAYS = 366;

/**
 * Where the search for a follow-up's moment starts: a task is today (now, no search); a meeting
 * from the next whole hour ("first available") or from the start of the day N days/workdays/weeks
 * ahead ("first after N …"), whichever is later.
 */
export function followUpSearch(date: FollowUpDate, now: Date, calendar: Calendar): { at: Date } | { from: DateTime; until: DateTime } {
  if (date.kind === 'task_date') return { at: now };
  const nextHour = DateTime.fromJSDate(now, { zone: calendar.zone }).startOf('hour').plus({ hours: 1 });
  const from = date.kind === 'after' ? DateTime.max(nextHour, dayAfter(now, date.duration.amount, date.duration.unit, calendar)) : nextHour;
  return { from, until: from.plus({ days: SEARCH_DAYS }) };
}

/** The first whole working hour from `from` on that is not `taken` (hour starts in ms), else `from`. */
export function firstFreeHour(from: DateTime, until: DateTime, taken: ReadonlySet<number>, calendar: Calendar): Date {
  for (let slot = from; slot < until; slot = slot.plus({ hours: 1 })) {
    if (slot.hour < WORKING_HOURS.start || slot.hour >= WORKING_HOURS.end || !isWorkday(slot.toJSDate(), calendar)) continue;
    if (!taken.has(slot.toMillis())) return slot.toJSDate();
  }
  return from.toJSDate();
}

/** A sale's date: N days/workdays/weeks after now, or left open ("by sale type": the CRM estimates it). */
export function saleDate(date: SaleDate | undefined, now: Date, calendar: Calendar): Date | undefined {
  return date?.kind === 'after' ? addTime(now, date.duration.amount, date.duration.unit, calendar) : undefined;
}

/** Whether a distribute step looks for an owner at all: with `if unassigned` only for a person without our contact. */
export function distributes(onlyIfUnassigned: boolean | undefined, person: Record<string, unknown>): boolean {
  return !(onlyIfUnassigned && person.our_contact_id);
}

function dayAfter(now: Date, amount: number, unit: TimeUnit, calendar: Calendar): DateTime {
  return DateTime.fromJSDate(addTime(now, amount, unit, calendar), { zone: calendar.zone }).startOf('day');
}
