import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amsterdamLocalToUtc, daysFromCivil, parseTimestamp } from './parse-timestamp.ts';

const HOUR = 3_600_000;

/** Amsterdam wall-clock time of an instant, per the runtime's time-zone database (independent oracle). */
const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
function wallClockInAmsterdam(ms: number): string {
  const part = (type: string) => amsterdam.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

describe('parseTimestamp', () => {
  it('reads ISO 8601 with a zone, with and without fraction', () => {
    expect(parseTimestamp('2024-03-31T14:05:00Z')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0));
    expect(parseTimestamp('2024-03-31T14:05:00.123Z')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0, 123));
    expect(parseTimestamp('2024-03-31T14:05:00.1Z')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0, 100));
    expect(parseTimestamp('2024-03-31T14:05:00.123456+02:00')).toBeCloseTo(
      Date.UTC(2024, 2, 31, 12, 5, 0, 123) + 0.456,
      3,
    );
    expect(parseTimestamp('2024-03-31T14:05:00-0130')).toBe(Date.UTC(2024, 2, 31, 15, 35, 0));
    expect(parseTimestamp('2024-03-31T14:05:00+02')).toBe(Date.UTC(2024, 2, 31, 12, 5, 0));
    expect(parseTimestamp('2024-03-31 14:05:00 Z')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0));
    expect(parseTimestamp('2024-03-31T14:05Z')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0));
    expect(parseTimestamp('  2024-03-31T14:05:00,5Z ')).toBe(Date.UTC(2024, 2, 31, 14, 5, 0, 500));
  });

  it('reads local times in Amsterdam: CET in winter, CEST in summer', () => {
    expect(parseTimestamp('2024-01-15T09:00:00')).toBe(Date.UTC(2024, 0, 15, 8, 0, 0));
    expect(parseTimestamp('2024-07-15 09:00')).toBe(Date.UTC(2024, 6, 15, 7, 0, 0));
    expect(parseTimestamp('2024-07-15')).toBe(Date.UTC(2024, 6, 14, 22, 0, 0));
    expect(parseTimestamp('2024-07-15T09:00:00', 'UTC')).toBe(Date.UTC(2024, 6, 15, 9, 0, 0));
  });

  it('reads Dutch dd-mm-yyyy hh:mm[:ss] as Amsterdam local time', () => {
    expect(parseTimestamp('31-12-2023 23:59')).toBe(Date.UTC(2023, 11, 31, 22, 59, 0));
    expect(parseTimestamp('01-06-2023 08:15:30')).toBe(Date.UTC(2023, 5, 1, 6, 15, 30));
    expect(parseTimestamp('1-6-2023 8:15')).toBe(Date.UTC(2023, 5, 1, 6, 15, 0));
    expect(parseTimestamp('01/06/2023 08:15')).toBe(Date.UTC(2023, 5, 1, 6, 15, 0));
    expect(parseTimestamp('01-06-2023')).toBe(Date.UTC(2023, 4, 31, 22, 0, 0));
  });

  it('handles the daylight-saving changes of 2024 (31 March and 27 October)', () => {
    // 01:59 CET is 00:59 UTC; 03:00 CEST is 01:00 UTC.
    expect(parseTimestamp('2024-03-31T01:59:00')).toBe(Date.UTC(2024, 2, 31, 0, 59));
    expect(parseTimestamp('2024-03-31T03:00:00')).toBe(Date.UTC(2024, 2, 31, 1, 0));
    // 02:30 does not exist that night: read as if the clock had not moved yet (CET), i.e. 03:30 CEST.
    expect(parseTimestamp('2024-03-31T02:30:00')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    // 02:30 happens twice on 27 October: the first occurrence (CEST) is taken.
    expect(parseTimestamp('2024-10-27T02:30:00')).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(parseTimestamp('2024-10-27T03:00:00')).toBe(Date.UTC(2024, 9, 27, 2, 0));
    expect(parseTimestamp('2024-10-27T01:59:59')).toBe(Date.UTC(2024, 9, 26, 23, 59, 59));
  });

  it('agrees with the time-zone database for every quarter hour around every change 1970–2037', () => {
    for (let year = 1970; year <= 2037; year++) {
      for (const month of [2, 3, 8, 9]) {
        for (let day = 1; day <= 31; day++) {
          const midnight = Date.UTC(year, month, day);
          if (new Date(midnight).getUTCMonth() !== month) continue;
          const offsetBefore = wallClockInAmsterdam(midnight);
          const offsetAfter = wallClockInAmsterdam(midnight + 24 * HOUR - 1000);
          const changes =
            Date.parse(offsetBefore.replace(' ', 'T') + 'Z') - midnight !==
            Date.parse(offsetAfter.replace(' ', 'T') + 'Z') - (midnight + 24 * HOUR - 1000);
          if (!changes) continue;
          for (let t = midnight - 2 * HOUR; t < midnight + 26 * HOUR; t += 15 * 60_000) {
            const local = wallClockInAmsterdam(t);
            const parsed = parseTimestamp(local);
            if (parsed === t) continue;
            // Only the repeated autumn hour may differ: its second (CET) occurrence reads as the first.
            expect(parsed, `${local} (instant ${new Date(t).toISOString()})`).toBe(t - HOUR);
            expect(wallClockInAmsterdam(parsed)).toBe(local);
          }
        }
      }
    }
  });

  it('agrees with the time-zone database on random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2037, 11, 31) }), (t) => {
        const instant = Math.floor(t / 1000) * 1000;
        const local = wallClockInAmsterdam(instant);
        const parsed = parseTimestamp(local);
        expect(parsed === instant || (parsed === instant - HOUR && wallClockInAmsterdam(parsed) === local)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores zone designators in wall-clock mode', () => {
    expect(parseTimestamp('2024-03-31T14:05:00+02:00', 'wall-clock')).toBe(Date.UTC(2024, 2, 31, 14, 5));
    expect(parseTimestamp('2024-03-31T14:05:00Z', 'wall-clock')).toBe(Date.UTC(2024, 2, 31, 14, 5));
    expect(parseTimestamp('2024-03-31T14:05:00', 'wall-clock')).toBe(Date.UTC(2024, 2, 31, 14, 5));
  });

  it.each([
    '',
    'yesterday',
    '2024-13-01T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '2023-02-29',
    '2024-01-01T24:00:00Z',
    '2024-01-01T12:60:00Z',
    '2024-01-01T12:00:61Z',
    '2024-01-01T12:00:00+25:00',
    '2024-01-01T12:00:00 GMT',
    '2024-01-01T12:00:00.Z',
    '2024-01-01T12:00.5',
    '31-12-23 10:00',
    '2024/01/01 10:00',
    '1704106800000',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('1900-02-29T00:00:00Z')).toBeNaN();
  });

  it('counts days like Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
      }),
    );
  });

  it('converts Amsterdam local time computed from the year when none is given', () => {
    expect(amsterdamLocalToUtc(Date.UTC(2024, 6, 1, 12))).toBe(Date.UTC(2024, 6, 1, 10));
    expect(amsterdamLocalToUtc(Date.UTC(1975, 6, 1, 12))).toBe(Date.UTC(1975, 6, 1, 11));
  });
});
