import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, lastDayOfMonth, toDayNumber } from './dates.ts';

describe('calendar dates', () => {
  it('counts whole days, across leap days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(fromDayNumber(toDayNumber('2031-07-15'))).toBe('2031-07-15');
    expect(addDays('2024-03-01', -45)).toBe('2024-01-16');
  });

  it('finds the last day of a month', () => {
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2024, 12)).toBe('2024-12-31');
  });
});
