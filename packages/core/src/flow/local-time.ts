/**
 * Calendar and clock readings in Europe/Amsterdam for grouping figures the way chain partners
 * think of them: by local month (a case started on 31 March at 23:30 UTC belongs to April), by
 * local hour and by part of the day. Uses the same daylight-saving rule as the timestamp parser.
 */
import { amsterdamOffsetMs } from './parse-timestamp.ts';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Parts of the local day that the analyses report waiting times and norm compliance for. */
export const DAY_PARTS = ['night', 'day', 'evening'] as const;

/**
 * One of {@link DAY_PARTS}: `night` is 23:00–07:00, `day` 07:00–19:00 and `evening` 19:00–23:00
 * local time — the shifts of most Dutch care organisations, so a night-time bottleneck (an on-call
 * team that has to come in) shows as such.
 */
export type DayPart = (typeof DAY_PARTS)[number];

/** The local Amsterdam wall-clock time at `utcMs`, written as if it were UTC epoch ms. */
export function toAmsterdamLocalMs(utcMs: number): number {
  return utcMs + amsterdamOffsetMs(utcMs);
}

/** The local hour (0–23) in Amsterdam at `utcMs`. */
export function amsterdamHourOf(utcMs: number): number {
  const local = toAmsterdamLocalMs(utcMs);
  return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
}

/** Index into {@link DAY_PARTS} of a local hour. */
export function dayPartOfHour(hour: number): number {
  if (hour >= 23 || hour < 7) return 0;
  return hour < 19 ? 1 : 2;
}

/** Index into {@link DAY_PARTS} of the local time at `utcMs`. */
export function amsterdamDayPartOf(utcMs: number): number {
  return dayPartOfHour(amsterdamHourOf(utcMs));
}

/**
 * The local month in Amsterdam at `utcMs` as one number, year·12 + (month − 1), so months sort
 * and subtract as integers; {@link formatMonthNumber} turns it into `YYYY-MM`.
 */
export function amsterdamMonthOf(utcMs: number): number {
  const days = Math.floor(toAmsterdamLocalMs(utcMs) / MS_PER_DAY);
  // Civil date from a day number (Howard Hinnant's algorithm), keeping only year and month.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month number from {@link amsterdamMonthOf}. */
export function formatMonthNumber(monthNumber: number): string {
  const year = Math.floor(monthNumber / 12);
  const month = monthNumber - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
