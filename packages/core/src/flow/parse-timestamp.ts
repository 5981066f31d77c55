/**
 * Timestamps as partners deliver them, read into epoch milliseconds UTC without creating a
 * `Date` or a string per value.
 *
 * Accepted forms (surrounding spaces are ignored):
 * - ISO 8601: `yyyy-mm-dd`, optionally followed by `T` or a space and `hh:mm`, `hh:mm:ss` or
 *   `hh:mm:ss.fffffffff` (`,` also separates the fraction), optionally followed by a zone: `Z`,
 *   `±hh:mm`, `±hhmm` or `±hh`.
 * - Dutch: `dd-mm-yyyy` (or `dd/mm/yyyy`), optionally followed by a space and `hh:mm[:ss]`.
 *   Day, month and hour may have one digit.
 *
 * A time without a zone is local time in the given {@link TimeZoneRule}. For `Europe/Amsterdam`
 * this module carries the rule itself (core has no time-zone database): CET (UTC+1), and CEST
 * (UTC+2) from the last Sunday of March 01:00 UTC until the last Sunday of October 01:00 UTC
 * (the EU rule since 1996; the Dutch rules of 1977–1995 are included, no summer time before 1977).
 * A local time that occurs twice (the October hour) is read as the first occurrence, in summer
 * time; a local time that does not exist (the March hour) is read as if the clock had not yet
 * moved forward, i.e. as winter time — the same choice as JavaScript's `Date` and Temporal's
 * `compatible` disambiguation.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { encodeUtf8Into } from './utf8.ts';

/**
 * How to read times: a time without a zone as Amsterdam local time (the default) or as UTC; or
 * `wall-clock`, which ignores every zone designator and takes each time as written (as if UTC).
 * `wall-clock` reproduces tools that drop zone offsets — e.g. the pm4py reference figures for XES
 * logs that mix +01:00 and +02:00 — but measures an interval that spans a daylight-saving change
 * an hour wrong, so it is never the default.
 */
export type TimeZoneRule = 'Europe/Amsterdam' | 'UTC' | 'wall-clock';

/** Every {@link TimeZoneRule}, for validating user input. */
export const TIME_ZONE_RULES: readonly TimeZoneRule[] = ['Europe/Amsterdam', 'UTC', 'wall-clock'];

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number (since 1970-01-01) of the last Sunday of `month`. */
function lastSunday(year: number, month: number): number {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  const weekday = (((last + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); Sunday is 0
  return last - weekday;
}

/** Summer time of 1977–1980 in the Netherlands: [start month, day, end month, day]. */
const EARLY_SUMMER_TIME: Readonly<Record<number, readonly [number, number, number, number]>> = {
  1977: [4, 3, 9, 25],
  1978: [4, 2, 10, 1],
  1979: [4, 1, 9, 30],
  1980: [4, 6, 9, 28],
};

let cachedYear = Number.NaN;
let cachedStart = 0;
let cachedEnd = 0;

/** Sets the cached [start, end) of summer time in UTC ms for `year` (start = end when none). */
function loadSummerTime(year: number): void {
  cachedYear = year;
  if (year < 1977) {
    cachedStart = cachedEnd = 0;
    return;
  }
  const early = EARLY_SUMMER_TIME[year];
  let startDay: number;
  let endDay: number;
  if (early !== undefined) {
    startDay = daysFromCivil(year, early[0], early[1]);
    endDay = daysFromCivil(year, early[2], early[3]);
  } else {
    startDay = lastSunday(year, 3);
    endDay = lastSunday(year, year < 1996 ? 9 : 10);
  }
  cachedStart = startDay * MS_PER_DAY + MS_PER_HOUR;
  cachedEnd = endDay * MS_PER_DAY + MS_PER_HOUR;
}

/**
 * Converts a local Amsterdam wall-clock time, written as if it were UTC epoch ms, to real UTC
 * epoch ms. `year` is the calendar year of the wall-clock time (computed when omitted).
 */
export function amsterdamLocalToUtc(localMs: number, year = new Date(localMs).getUTCFullYear()): number {
  if (year !== cachedYear) loadSummerTime(year);
  const asSummer = localMs - 2 * MS_PER_HOUR;
  if (asSummer >= cachedStart && asSummer < cachedEnd) return asSummer;
  return localMs - MS_PER_HOUR;
}

/**
 * Offset of Amsterdam local time from UTC at the instant `utcMs`, in milliseconds: one hour (CET)
 * or two (CEST), by the same rule as {@link amsterdamLocalToUtc}.
 */
export function amsterdamOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  if (year !== cachedYear) loadSummerTime(year);
  return utcMs >= cachedStart && utcMs < cachedEnd ? 2 * MS_PER_HOUR : MS_PER_HOUR;
}

function isDigit(byte: number): boolean {
  return byte >= 48 && byte <= 57;
}

/** Result slots of {@link parseDateTime}: year, month, day, hour, minute, second, next position. */
const parsed = new Int32Array(7);

/**
 * Reads the date and (optional) clock time at `bytes[p, end)` into {@link parsed}; returns false
 * when they are not in an accepted form. Ranges are not checked here.
 */
function parseDateTime(bytes: Uint8Array, p: number, end: number): boolean {
  let first = 0;
  let firstDigits = 0;
  while (p < end && isDigit(bytes[p]!) && firstDigits < 5) {
    first = first * 10 + bytes[p]! - 48;
    p++;
    firstDigits++;
  }
  if (p >= end) return false;
  const separator = bytes[p]!;
  let year: number;
  let month = 0;
  let day = 0;
  if (firstDigits === 4 && separator === 45) {
    year = first;
    p++;
    let digits = 0;
    while (p < end && isDigit(bytes[p]!) && digits < 2) {
      month = month * 10 + bytes[p]! - 48;
      p++;
      digits++;
    }
    if (digits === 0 || p >= end || bytes[p] !== 45) return false;
    p++;
    digits = 0;
    while (p < end && isDigit(bytes[p]!) && digits < 2) {
      day = day * 10 + bytes[p]! - 48;
      p++;
      digits++;
    }
    if (digits === 0) return false;
  } else if (firstDigits >= 1 && firstDigits <= 2 && (separator === 45 || separator === 47)) {
    day = first;
    p++;
    let digits = 0;
    while (p < end && isDigit(bytes[p]!) && digits < 2) {
      month = month * 10 + bytes[p]! - 48;
      p++;
      digits++;
    }
    if (digits === 0 || p >= end || bytes[p] !== separator) return false;
    p++;
    year = 0;
    digits = 0;
    while (p < end && isDigit(bytes[p]!) && digits < 4) {
      year = year * 10 + bytes[p]! - 48;
      p++;
      digits++;
    }
    if (digits !== 4) return false;
  } else {
    return false;
  }
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (p < end) {
    const between = bytes[p]!;
    if (between !== 84 && between !== 116 && between !== 32) return false;
    p++;
    let digits = 0;
    while (p < end && isDigit(bytes[p]!) && digits < 2) {
      hour = hour * 10 + bytes[p]! - 48;
      p++;
      digits++;
    }
    if (digits === 0 || p >= end || bytes[p] !== 58) return false;
    p++;
    if (p + 2 > end || !isDigit(bytes[p]!) || !isDigit(bytes[p + 1]!)) return false;
    minute = (bytes[p]! - 48) * 10 + bytes[p + 1]! - 48;
    p += 2;
    if (p < end && bytes[p] === 58) {
      p++;
      if (p + 2 > end || !isDigit(bytes[p]!) || !isDigit(bytes[p + 1]!)) return false;
      second = (bytes[p]! - 48) * 10 + bytes[p + 1]! - 48;
      p += 2;
    } else if (p < end && (bytes[p] === 46 || bytes[p] === 44)) {
      return false;
    }
  }
  parsed[0] = year;
  parsed[1] = month;
  parsed[2] = day;
  parsed[3] = hour;
  parsed[4] = minute;
  parsed[5] = second;
  parsed[6] = p;
  return true;
}

/** Two ASCII digits at `p` as a number, or a negative number when either is not a digit. */
function twoDigits(bytes: Uint8Array, p: number): number {
  const high = bytes[p]! - 48;
  const low = bytes[p + 1]! - 48;
  return high >>> 0 > 9 || low >>> 0 > 9 ? -1 : high * 10 + low;
}

let cachedDate = -1;
let cachedDays = 0;

/**
 * Parses the timestamp in the UTF-8 bytes `bytes[start, end)`; returns epoch ms UTC, or `NaN`
 * when the text is not one of the accepted forms or names an impossible date or time.
 *
 * The common `yyyy-mm-ddThh:mm:ss` shape is read at fixed positions, and the day number of the
 * last date seen is cached: consecutive rows of an export mostly share their date.
 */
export function parseTimestampBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  zone: TimeZoneRule = 'Europe/Amsterdam',
): number {
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  let year: number;
  let month: number;
  let day: number;
  let hour: number;
  let minute: number;
  let second: number;
  let p: number;
  if (
    end - start >= 19 &&
    bytes[start + 4] === 45 &&
    bytes[start + 7] === 45 &&
    (bytes[start + 10] === 84 || bytes[start + 10] === 32) &&
    bytes[start + 13] === 58 &&
    bytes[start + 16] === 58
  ) {
    const century = twoDigits(bytes, start);
    const yearInCentury = twoDigits(bytes, start + 2);
    month = twoDigits(bytes, start + 5);
    day = twoDigits(bytes, start + 8);
    hour = twoDigits(bytes, start + 11);
    minute = twoDigits(bytes, start + 14);
    second = twoDigits(bytes, start + 17);
    if ((century | yearInCentury | month | day | hour | minute | second) < 0) return Number.NaN;
    year = century * 100 + yearInCentury;
    p = start + 19;
  } else {
    if (!parseDateTime(bytes, start, end)) return Number.NaN;
    year = parsed[0]!;
    month = parsed[1]!;
    day = parsed[2]!;
    hour = parsed[3]!;
    minute = parsed[4]!;
    second = parsed[5]!;
    p = parsed[6]!;
  }
  const date = year * 10_000 + month * 100 + day;
  if (date !== cachedDate) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    cachedDays = daysFromCivil(year, month, day);
    cachedDate = date;
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;

  let fraction = 0;
  if (end - p === 5 && bytes[p] === 46 && (bytes[p + 4] === 90 || bytes[p + 4] === 122)) {
    // The most common suffix by far: milliseconds and Z.
    const high = twoDigits(bytes, p + 1);
    const low = bytes[p + 3]! - 48;
    if (high < 0 || low >>> 0 > 9) return Number.NaN;
    const wallClock = cachedDays * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
    return wallClock + high * 10 + low;
  }
  if (p < end && (bytes[p] === 46 || bytes[p] === 44)) {
    p++;
    let value = 0;
    let fractionDigits = 0;
    while (p < end && isDigit(bytes[p]!)) {
      if (fractionDigits < 9) {
        value = value * 10 + bytes[p]! - 48;
        fractionDigits++;
      }
      p++;
    }
    if (fractionDigits === 0) return Number.NaN;
    fraction =
      fractionDigits === 3
        ? value
        : fractionDigits < 3
          ? value * 10 ** (3 - fractionDigits)
          : value / 10 ** (fractionDigits - 3);
  }
  let hasZone = false;
  let offsetMs = 0;
  while (p < end && bytes[p] === 32) p++;
  if (p < end) {
    const sign = bytes[p]!;
    if (sign === 90 || sign === 122) {
      hasZone = true;
      p++;
    } else if (sign === 43 || sign === 45) {
      p++;
      if (p + 2 > end) return Number.NaN;
      const offsetHours = twoDigits(bytes, p);
      p += 2;
      let offsetMinutes = 0;
      if (p < end && bytes[p] === 58) p++;
      if (p < end) {
        if (p + 2 > end) return Number.NaN;
        offsetMinutes = twoDigits(bytes, p);
        p += 2;
      }
      if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
      offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000 * (sign === 43 ? 1 : -1);
      hasZone = true;
    }
  }
  if (p !== end) return Number.NaN;

  const wallClock = cachedDays * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * 1000;
  if (zone === 'wall-clock') return wallClock + fraction;
  if (hasZone) return wallClock - offsetMs + fraction;
  if (zone === 'UTC') return wallClock + fraction;
  return amsterdamLocalToUtc(wallClock, year) + fraction;
}

let scratch = new Uint8Array(64);

/** Parses a timestamp given as a string; see {@link parseTimestampBytes}. */
export function parseTimestamp(text: string, zone: TimeZoneRule = 'Europe/Amsterdam'): number {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const written = encodeUtf8Into(text, scratch);
  return parseTimestampBytes(scratch, 0, written, zone);
}
