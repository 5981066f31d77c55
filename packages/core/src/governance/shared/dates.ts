/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, in whole days. Pure: dates are computed from
 * their parts in UTC, never from the clock, so the same input gives the same day number anywhere.
 */

const MS_PER_DAY = 86_400_000;

/** Average length of a Gregorian year in days; used to express slopes per year. */
export const DAYS_PER_YEAR = 365.2425;

/** Average length of a month in days (a Gregorian year divided by twelve); used for slopes per month. */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (negative before). */
export function toDayNumber(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The `YYYY-MM-DD` date of a day number from {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` whole days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The last day of the given month (1-based). */
export function lastDayOfMonth(year: number, month: number): string {
  const firstOfNext = month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1, 2)}-01`;
  return addDays(firstOfNext, -1);
}

/** Zero-padded decimal representation. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
