import { describe, expect, it } from 'vitest';
import {
  computeAmsterdamHour,
  computeAmsterdamOffsetMinutes,
  fromAmsterdamClock,
  toAmsterdamClock,
} from './amsterdam-time.ts';

const at = (iso: string) => Date.parse(iso);

/** Offset in minutes according to the platform's own time-zone database, as an independent check. */
const intlFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
function intlOffsetMinutes(epochMs: number): number {
  const parts = Object.fromEntries(intlFormat.formatToParts(epochMs).map((p) => [p.type, p.value]));
  const localAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return (localAsUtc - Math.floor(epochMs / 60_000) * 60_000) / 60_000;
}

describe('Amsterdam time', () => {
  it('switches to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(computeAmsterdamOffsetMinutes(at('2026-03-29T00:59:59Z'))).toBe(60);
    expect(computeAmsterdamOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(120);
    expect(computeAmsterdamOffsetMinutes(at('2025-03-30T00:59:00Z'))).toBe(60);
    expect(computeAmsterdamOffsetMinutes(at('2025-03-30T01:00:00Z'))).toBe(120);
  });

  it('switches back to winter time at 01:00 UTC on the last Sunday of October', () => {
    expect(computeAmsterdamOffsetMinutes(at('2026-10-25T00:59:00Z'))).toBe(120);
    expect(computeAmsterdamOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(60);
    expect(computeAmsterdamOffsetMinutes(at('2025-10-26T00:59:00Z'))).toBe(120);
    expect(computeAmsterdamOffsetMinutes(at('2025-10-26T01:00:00Z'))).toBe(60);
  });

  it('is winter time in January and December and summer time in July', () => {
    expect(computeAmsterdamOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(60);
    expect(computeAmsterdamOffsetMinutes(at('2025-12-31T23:30:00Z'))).toBe(60);
    expect(computeAmsterdamOffsetMinutes(at('2026-07-01T00:00:00Z'))).toBe(120);
  });

  it('agrees with the platform time-zone database for every hour of 2024–2027', () => {
    const mismatches: string[] = [];
    for (let t = at('2024-01-01T00:00:00Z'); t < at('2028-01-01T00:00:00Z'); t += 3_600_000) {
      for (const probe of [t, t + 30 * 60_000]) {
        if (computeAmsterdamOffsetMinutes(probe) !== intlOffsetMinutes(probe)) {
          mismatches.push(new Date(probe).toISOString());
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reads the wall clock, including the weekday', () => {
    // 2026-03-29 is a Sunday; 01:30 UTC is 03:30 CEST.
    expect(toAmsterdamClock(at('2026-03-29T01:30:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 30,
      weekday: 7,
    });
    // New Year's Eve 23:30 UTC is already 2026 in Amsterdam, a Thursday.
    expect(toAmsterdamClock(at('2025-12-31T23:30:00Z'))).toMatchObject({
      year: 2026,
      month: 1,
      day: 1,
      hour: 0,
      weekday: 4,
    });
    expect(computeAmsterdamHour(at('2026-07-01T22:15:00Z'))).toBe(0);
    expect(computeAmsterdamHour(at('2026-01-01T22:15:00Z'))).toBe(23);
  });

  it('finds the instant of a local date and time', () => {
    expect(new Date(fromAmsterdamClock(2025, 11, 1)).toISOString()).toBe('2025-10-31T23:00:00.000Z');
    expect(new Date(fromAmsterdamClock(2026, 7, 1)).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(fromAmsterdamClock(2026, 3, 29, 1, 59)).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(new Date(fromAmsterdamClock(2026, 3, 29, 3, 0)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 does not exist on the spring change: it maps one hour later, to 03:30 CEST.
    expect(new Date(fromAmsterdamClock(2026, 3, 29, 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on the autumn change: the second time (CET) is taken.
    expect(new Date(fromAmsterdamClock(2026, 10, 25, 2, 30)).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(new Date(fromAmsterdamClock(2026, 10, 25, 1, 30)).toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('round-trips every local midnight of 2025–2027', () => {
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const instant = fromAmsterdamClock(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      expect(toAmsterdamClock(instant)).toMatchObject({
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: 0,
        minute: 0,
      });
    }
  });
});
