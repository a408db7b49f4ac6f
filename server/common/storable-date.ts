/**
 * The instants a date-time field accepts: years 1 to 9999. JavaScript reads year 0000 and six-digit
 * years, but PostgreSQL has no year 0 and ISO 8601 without an agreed extension has four digits.
 */
const EARLIEST = Date.UTC(1, 0, 1) - 14 * 3_600_000; // allow for the largest UTC offset
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 14 * 3_600_000;

export function isStorableInstant(date: Date): boolean {
  const ms = date.getTime();
  return Number.isFinite(ms) && ms >= EARLIEST && ms <= LATEST && /^\d{4}-/.test(date.toISOString());
}
