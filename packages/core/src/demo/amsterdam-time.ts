/**
 * Local clock time in Europe/Amsterdam without a time-zone library: CET (UTC+1) in winter and
 * CEST (UTC+2) from 01:00 UTC on the last Sunday of March until 01:00 UTC on the last Sunday of
 * October, the EU rule in force since 1996. The demo generator uses it for day/night and weekday
 * patterns, which chain partners think of in local time.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

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

const transitionsByYear = new Map<number, readonly [number, number]>();

/** Epoch ms of 01:00 UTC on the last Sunday of the given month (0-based) of `year`. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS + HOUR_MS;
}

function summerTimeOf(year: number): readonly [number, number] {
  let transitions = transitionsByYear.get(year);
  if (transitions === undefined) {
    transitions = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)];
    transitionsByYear.set(year, transitions);
  }
  return transitions;
}

/** Offset of Amsterdam local time from UTC at the instant `epochMs`: 60 (CET) or 120 (CEST) minutes. */
export function computeAmsterdamOffsetMinutes(epochMs: number): 60 | 120 {
  const [start, end] = summerTimeOf(new Date(epochMs).getUTCFullYear());
  return epochMs >= start && epochMs < end ? 120 : 60;
}

/** Local hour (0–23) in Amsterdam at `epochMs`; the cheap path used inside the generator's loops. */
export function computeAmsterdamHour(epochMs: number): number {
  const local = epochMs + computeAmsterdamOffsetMinutes(epochMs) * MINUTE_MS;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
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
