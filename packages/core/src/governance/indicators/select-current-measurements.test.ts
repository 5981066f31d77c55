import { describe, expect, it } from 'vitest';
import type { MeasurementRevision } from './indicator-schemas.ts';
import { selectCurrentMeasurements } from './select-current-measurements.ts';

function revision(overrides: Partial<MeasurementRevision>): MeasurementRevision {
  return {
    indicatorId: 'a',
    period: '2024-01',
    value: 0,
    revision: 1,
    recordedAt: '2024-02-05T10:00:00Z',
    recordedBy: 'analist',
    source: 'manual',
    note: '',
    ...overrides,
  };
}

describe('selectCurrentMeasurements', () => {
  it('lets the latest revision count and keeps the count of corrections', () => {
    const current = selectCurrentMeasurements([
      revision({ period: '2024-02', value: 14 }),
      revision({ value: 12, revision: 2, recordedAt: '2024-03-01T08:00:00Z', note: 'teller gecorrigeerd' }),
      revision({ value: 10 }),
      revision({ indicatorId: 'b', period: '2024', value: 3 }),
    ]);
    expect(current.map((m) => [m.indicatorId, m.period, m.date, m.value, m.revision, m.revisionCount])).toEqual([
      ['a', '2024-01', '2024-01-31', 12, 2, 2],
      ['a', '2024-02', '2024-02-29', 14, 1, 1],
      ['b', '2024', '2024-12-31', 3, 1, 1],
    ]);
    expect(current[0]?.note).toBe('teller gecorrigeerd');
  });

  it('breaks a tie in revision number by the later instant, not the later text', () => {
    // 10:00+01:00 is 09:00Z, which is before 09:30Z
    const current = selectCurrentMeasurements([
      revision({ value: 2, recordedAt: '2024-03-01T09:30:00Z' }),
      revision({ value: 1, recordedAt: '2024-03-01T10:00:00+01:00' }),
    ]);
    expect(current[0]?.value).toBe(2);
  });
});
