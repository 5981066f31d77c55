import { describe, expect, it } from 'vitest';
import { computeIndicatorVersionDiff } from './compute-indicator-version-diff.ts';
import type { IndicatorVersion } from './indicator-schemas.ts';

const v1: IndicatorVersion = {
  indicatorId: 'i',
  version: 1,
  key: 'wachttijd',
  name: 'Wachttijd tot intake',
  kind: 'process',
  definition: 'Mediaan aantal dagen van aanmelding tot intake.',
  unit: 'dagen',
  direction: 'lower-is-better',
  baseline: { value: 40, date: '2024-01-01' },
  target: { value: 20, date: '2025-12-31' },
  frequency: 'monthly',
  ownerPartnerId: null,
  linkIds: ['l1', 'l2'],
  contributesToIndicatorIds: ['s'],
  reason: 'Vastgesteld',
  agreedBy: [{ partnerId: 'p1', personName: 'A' }],
  agreedOn: '2023-12-01',
  createdAt: '2023-12-01T10:00:00Z',
};

describe('computeIndicatorVersionDiff', () => {
  it('lists changed fields with before and after, and flags a moved path', () => {
    const v2: IndicatorVersion = {
      ...v1,
      version: 2,
      target: { value: 25, date: '2025-12-31' },
      unit: 'werkdagen',
      linkIds: ['l2', 'l1'],
      reason: 'Doel bijgesteld: 20 dagen bleek onhaalbaar zonder extra capaciteit',
      agreedBy: [
        { partnerId: 'p1', personName: 'A' },
        { partnerId: 'p2', personName: 'B' },
      ],
      agreedOn: '2024-06-01',
    };
    const diff = computeIndicatorVersionDiff(v1, v2);
    expect(diff.fromVersion).toBe(1);
    expect(diff.toVersion).toBe(2);
    expect(diff.reason).toMatch(/onhaalbaar/);
    expect(diff.agreedBy).toHaveLength(2);
    // the reordered link list is the same set: not a change
    expect(diff.changes).toEqual([
      { field: 'unit', before: 'dagen', after: 'werkdagen' },
      { field: 'target', before: v1.target, after: v2.target },
    ]);
    expect(diff.pathChanged).toBe(true);
  });

  it('does not flag the path for a change of wording', () => {
    const diff = computeIndicatorVersionDiff(v1, { ...v1, version: 2, name: 'Wachttijd aanmelding–intake' });
    expect(diff.changes.map((c) => c.field)).toEqual(['name']);
    expect(diff.pathChanged).toBe(false);
  });
});
