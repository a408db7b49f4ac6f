import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { Remembered } from '@stroom/dsl';

/**
 * Time maths in a time zone: minutes and hours are elapsed time; days and weeks keep the
 * local wall-clock time across DST changes; workdays skip weekends, the Dutch public holidays of
 * date-holidays (type "public": Nieuwjaar, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst) and
 * the configured extra dates. Bevrijdingsdag is not a public holiday there (only a day off in some
 * years and contracts): add it to HOLIDAYS where it is one.
 */
export type TimeUnit = 'minutes' | 'hours' | 'days' | 'workdays' | 'weeks';

export interface Calendar {
  zone: string;
  /** Extra non-working days, ISO dates (YYYY-MM-DD). */
  extraHolidays: readonly string[];
}

export interface SendWindow {
  /** 'workdays', or luxon weekday numbers (1 = Monday … 7 = Sunday). */
  days: 'workdays' | number[];
  from: string;
  to: string;
}

const dutch = new Holidays('NL');
const holidayCache = new Map<number, Set<string>>();
const extraCache = new WeakMap<readonly string[], Set<string>>();

function extraHolidays(calendar: Calendar): Set<string> {
  let dates = extraCache.get(calendar.extraHolidays);
  if (!dates) {
    dates = new Set(calendar.extraHolidays);
    extraCache.set(calendar.extraHolidays, dates);
  }
  return dates;
}

function publicHolidays(year: number): Set<string> {
  let dates = holidayCache.get(year);
  if (!dates) {
    dates = new Set(dutch.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, dates);
  }
  return dates;
}

function isWorkdayLocal(day: DateTime, calendar: Calendar): boolean {
  if (day.weekday >= 6) return false;
  const iso = day.toISODate()!;
  return !publicHolidays(day.year).has(iso) && !extraHolidays(calendar).has(iso);
}

export function isWorkday(date: Date, calendar: Calendar): boolean {
  return isWorkdayLocal(DateTime.fromJSDate(date, { zone: calendar.zone }), calendar);
}

/**
 * Sums in local time already worked out, by the calendar's extra holidays: a batch of flow steps
 * (a campaign's participants entering a wait at one instant) asks the same sum for every
 * participant, and each takes luxon a time zone lookup or more.
 */
const localSums = new WeakMap<readonly string[], Remembered<string, number>>();

/** `from` plus `amount` units in the calendar's zone. */
export function addTime(from: Date, amount: number, unit: TimeUnit, calendar: Calendar): Date {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`amount must be a whole number of ${unit} from 0, got ${amount}`);
  if (amount === 0) return new Date(from.getTime());
  if (unit === 'minutes') return new Date(from.getTime() + amount * 60_000);
  if (unit === 'hours') return new Date(from.getTime() + amount * 3_600_000);
  let sums = localSums.get(calendar.extraHolidays);
  if (!sums) localSums.set(calendar.extraHolidays, (sums = new Remembered(10_000)));
  return new Date(sums.get(`${calendar.zone}|${from.getTime()}|${amount}|${unit}`, () => addLocalTime(from, amount, unit, calendar).getTime()));
}

function addLocalTime(from: Date, amount: number, unit: 'days' | 'weeks' | 'workdays', calendar: Calendar): Date {
  const local = DateTime.fromJSDate(from, { zone: calendar.zone });
  switch (unit) {
    case 'days':
      return local.plus({ days: amount }).toJSDate();
    case 'weeks':
      return local.plus({ weeks: amount }).toJSDate();
    case 'workdays': {
      // Count on bare dates, then add the days to `from` in one step: stepping the local time day by
      // day would carry a spring-forward shift (02:30 → 03:30) into every later day.
      let date = DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: 'UTC' });
      let days = 0;
      for (let left = amount; left > 0; ) {
        date = date.plus({ days: 1 });
        days++;
        if (isWorkdayLocal(date, calendar)) left--;
      }
      return local.plus({ days }).toJSDate();
    }
  }
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Parses `workdays 08:00-20:00`, `mon-sat 09:00-17:00` or `mon,wed,fri 09:00-12:00`. */
export function parseSendWindow(text: string): SendWindow {
  const match = text.trim().toLowerCase().match(/^([a-z,-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/);
  if (!match) throw new Error(`"${text}" is not a send window such as "workdays 08:00-20:00" or "mon-sat 09:00-17:00"`);
  const [, daysText, from, to] = match as unknown as [string, string, string, string];
  for (const time of [from, to]) {
    const [h, m] = time.split(':').map(Number) as [number, number];
    if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Error(`"${time}" is not a time of day`);
  }
  if (from >= to) throw new Error(`the window must open before it closes (${from}-${to})`);
  if (daysText === 'workdays') return { days: 'workdays', from, to };
  const days = new Set<number>();
  for (const part of daysText.split(',')) {
    const [start, end] = part.split('-');
    const a = DAY_NAMES.indexOf(start ?? '');
    const b = end === undefined ? a : DAY_NAMES.indexOf(end);
    if (a < 0 || b < 0 || b < a) throw new Error(`"${part}" is not a day or range of days (mon … sun)`);
    for (let d = a; d <= b; d++) days.add(d + 1);
  }
  return { days: [...days].sort(), from, to };
}

/** The local wall-clock time on that day (not elapsed hours since midnight, which DST days skew). */
function atTime(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  if (hour === 24) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function dayAllowed(day: DateTime, window: SendWindow, calendar: Calendar): boolean {
  return window.days === 'workdays' ? isWorkdayLocal(day, calendar) : window.days.includes(day.weekday);
}

/** `at` when it lies inside the window (opening inclusive, closing exclusive), else the next opening. */
export function nextWindowOpening(at: Date, window: SendWindow, calendar: Calendar): Date {
  const local = DateTime.fromJSDate(at, { zone: calendar.zone });
  for (let offset = 0; offset < 400; offset++) {
    const day = local.plus({ days: offset });
    if (!dayAllowed(day, window, calendar)) continue;
    const opens = atTime(day, window.from);
    const closes = atTime(day, window.to);
    if (offset === 0 && local >= opens && local < closes) return at;
    if (offset > 0 || local < opens) return opens.toJSDate();
  }
  throw new Error('the send window never opens');
}

/** The service's calendar: APP_TIMEZONE and HOLIDAYS. */
export function appCalendar(config: { appTimezone: string; holidays: readonly string[] }): Calendar {
  return { zone: config.appTimezone, extraHolidays: config.holidays };
}
