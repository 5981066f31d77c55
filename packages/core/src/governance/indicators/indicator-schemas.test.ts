import { describe, expect, it } from 'vitest';
import {
  createIndicatorInputSchema,
  findIndicatorSetProblems,
  findMeasurementProblems,
  parseMeasurementPeriod,
  type CreateIndicatorInput,
} from './indicator-schemas.ts';

function input(overrides: Partial<CreateIndicatorInput> = {}): CreateIndicatorInput {
  return {
    key: 'binnen-gouden-uur',
    name: 'Binnen het gouden uur',
    kind: 'societal',
    definition: 'Aandeel slachtoffers dat binnen 60 minuten levensreddend behandeld wordt.',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 62, date: '2024-01-01' },
    target: { value: 80, date: '2025-12-31' },
    frequency: 'monthly',
    reason: 'Vastgesteld in het bestuurlijk overleg',
    agreedBy: [{ partnerId: 'p-1', personName: 'J. de Vries' }],
    agreedOn: '2023-12-12',
    ...overrides,
  };
}

describe('indicator schemas', () => {
  it('accepts a sound definition and fills defaults', () => {
    const parsed = createIndicatorInputSchema.parse(input());
    expect(parsed.ownerPartnerId).toBeNull();
    expect(parsed.linkIds).toEqual([]);
    expect(parsed.contributesToIndicatorIds).toEqual([]);
  });

  it('refuses a target that is not better than the baseline, per direction', () => {
    const higher = createIndicatorInputSchema.safeParse(input({ target: { value: 60, date: '2025-12-31' } }));
    expect(higher.error?.issues.map((i) => i.path.join('.'))).toEqual(['target.value']);
    const lower = createIndicatorInputSchema.safeParse(input({ direction: 'lower-is-better' }));
    expect(lower.error?.issues[0]?.message).toMatch(/lower than the baseline/);
  });

  it('refuses a target date not after the baseline, an organisational indicator without owner, and a contributing societal one', () => {
    const result = createIndicatorInputSchema.safeParse(
      input({ target: { value: 80, date: '2024-01-01' }, kind: 'organisational' }),
    );
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['target.date', 'ownerPartnerId']);
    const societal = createIndicatorInputSchema.safeParse(input({ contributesToIndicatorIds: ['x'] }));
    expect(societal.error?.issues.map((i) => i.path.join('.'))).toEqual(['contributesToIndicatorIds']);
  });

  it('requires who agreed', () => {
    expect(createIndicatorInputSchema.safeParse(input({ agreedBy: [] })).success).toBe(false);
  });

  it('checks keys and contributions across a chain', () => {
    const problems = findIndicatorSetProblems([
      { id: 's', key: 'a', kind: 'societal', contributesToIndicatorIds: [] },
      { id: 'o', key: 'b', kind: 'organisational', contributesToIndicatorIds: ['s', 'p', 'missing'] },
      { id: 'p', key: 'b', kind: 'process', contributesToIndicatorIds: [] },
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'indicators.1.contributesToIndicatorIds.1',
      'indicators.1.contributesToIndicatorIds.2',
      'indicators.2.key',
    ]);
  });

  it('parses periods into their first and last day', () => {
    expect(parseMeasurementPeriod('2024')).toEqual({
      frequency: 'yearly',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    expect(parseMeasurementPeriod('2024-Q2')).toEqual({
      frequency: 'quarterly',
      startDate: '2024-04-01',
      endDate: '2024-06-30',
    });
    expect(parseMeasurementPeriod('2024-02')).toEqual({
      frequency: 'monthly',
      startDate: '2024-02-01',
      endDate: '2024-02-29',
    });
    expect(parseMeasurementPeriod('2023-Q4').endDate).toBe('2023-12-31');
  });

  it('requires the period form of the indicator frequency', () => {
    expect(findMeasurementProblems('monthly', { period: '2024-03' })).toEqual([]);
    expect(findMeasurementProblems('monthly', { period: '2024-Q1' })[0]?.message).toMatch(/2024-05/);
  });
});
