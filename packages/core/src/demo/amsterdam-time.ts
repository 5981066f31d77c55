/**
 * Local clock time in Europe/Amsterdam without a time-zone library: CET (UTC+1) in winter and
 * CEST (UTC+2) from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of
 * October, the EU rule in force since 1996. The demo generator uses it for day/night and weekday
 * patterns, which chain partners think of in local time. The rule itself lives in the flow
 * engine's timestamp parser, so demo data and analyses can never disagree about local time.
 */
import { amsterdamOffsetMs } from '../flow/parse-timestamp.ts';
import { amsterdamHourOf } from '../flow/local-time.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Wall-clock reading in Amsterdam. */
export interface AmsterdamClock {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** Day of the month, 1-based. */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
}

/** Offset of Amsterdam local time from UTC at the instant `epochMs`: 60 (CET) or 120 (CEST) minutes. */
export function computeAmsterdamOffsetMinutes(epochMs: number): 60 | 120 {
  return amsterdamOffsetMs(epochMs) === 2 * HOUR_MS ? 120 : 60;
}

/** Local hour (0–23) in Amsterdam at `epochMs`; the cheap path used inside the generator's loops. */
export function computeAmsterdamHour(epochMs: number): number {
  return amsterdamHourOf(epochMs);
}

/** The wall clock in Amsterdam at `epochMs`. */
export function toAmsterdamClock(epochMs: number): AmsterdamClock {
  const local = new Date(epochMs + computeAmsterdamOffsetMinutes(epochMs) * MINUTE_MS);
  const utcWeekday = local.getUTCDay();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: utcWeekday === 0 ? 7 : utcWeekday,
  };
}

/**
 * The instant at which the Amsterdam wall clock shows the given date and time. A time skipped by
 * the spring change (02:00–03:00) maps one hour later; a time shown twice in autumn maps to the
 * second showing (winter time).
 */
export function fromAmsterdamClock(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let instant = asUtc - computeAmsterdamOffsetMinutes(asUtc - HOUR_MS) * MINUTE_MS;
  const offset = computeAmsterdamOffsetMinutes(instant) * MINUTE_MS;
  if (asUtc - instant !== offset) instant = asUtc - offset;
  return instant;
}
