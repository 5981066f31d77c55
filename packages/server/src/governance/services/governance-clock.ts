/**
 * "Today" for the governance figures: the calendar date in Europe/Amsterdam, the time zone the
 * partners think in. Review dates, due dates and evaluation periods are whole days there.
 */
import { toAmsterdamClock } from '@ketenregie/core';

/** The calendar date (YYYY-MM-DD) in Amsterdam at `now`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  const clock = toAmsterdamClock(now.getTime());
  return `${String(clock.year).padStart(4, '0')}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, from its parts in UTC (no clock, no zone). */
function toDayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY,
  );
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenDates(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The date `days` whole days after `date` (before it when negative). */
export function addDaysTo(date: string, days: number): string {
  return new Date((toDayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}
