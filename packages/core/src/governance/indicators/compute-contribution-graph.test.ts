import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.ts';
import type { DatedValue } from './compute-indicator-status.ts';
import { computeContributionGraph, type ContributionIndicator } from './compute-contribution-graph.ts';

const year = { baselineDate: '2023-01-01', targetDate: '2024-01-01' };
const day = (days: number) => addDays('2023-01-01', days);

function indicator(
  id: string,
  kind: ContributionIndicator['kind'],
  from: number,
  to: number,
  extra: Partial<ContributionIndicator> = {},
): ContributionIndicator {
  return {
    id,
    key: id,
    name: id.toUpperCase(),
    kind,
    direction: to > from ? 'higher-is-better' : 'lower-is-better',
    baseline: { value: from, date: year.baselineDate },
    target: { value: to, date: year.targetDate },
    ownerPartnerId: kind === 'organisational' ? `owner-of-${id}` : null,
    linkIds: [],
    contributesToIndicatorIds: [],
    ...extra,
  };
}

const series = (...values: number[]): DatedValue[] => values.map((value, i) => ({ date: day(i * 73), value }));

describe('computeContributionGraph', () => {
  it('flags partners improving their own figures while the shared result stands still', () => {
    const indicators = [
      indicator('s', 'societal', 50, 80, { linkIds: ['l-meldkamer'] }),
      // two of three organisational contributors improve (≥ half), the third stands still
      indicator('o1', 'organisational', 10, 20, { contributesToIndicatorIds: ['s'], linkIds: ['l-seh'] }),
      indicator('o2', 'organisational', 40, 20, { contributesToIndicatorIds: ['s'], linkIds: ['l-seh', 'l-ok'] }),
      indicator('o3', 'organisational', 0, 10, { contributesToIndicatorIds: ['s'] }),
      indicator('p1', 'process', 60, 90, { contributesToIndicatorIds: ['s'], linkIds: ['l-meldkamer'] }),
      indicator('unrelated', 'organisational', 0, 10),
    ];
    const measurements = new Map<string, DatedValue[]>([
      // societal flat: slope 0 → pace 0 < 0.25 of required → standing still
      ['s', series(50, 50, 50)],
      // o1: +2 per 73 days = 10 per 365 days = the whole distance per year → pace ratio ≈ 1 → improving
      ['o1', series(10, 12, 14)],
      // o2: −4 per 73 days towards 20 (lower is better) → improving
      ['o2', series(40, 36, 32)],
      ['o3', series(0, 0, 0)],
    ]);
    const [graph] = computeContributionGraph(indicators, measurements);
    expect(graph?.societal.indicatorId).toBe('s');
    expect(graph?.societal.pace).toBe('standing-still');
    expect(graph?.organisational.map((n) => [n.indicatorId, n.pace])).toEqual([
      ['o1', 'improving'],
      ['o2', 'improving'],
      ['o3', 'standing-still'],
    ]);
    // o1 covers 10 per 365 days of a 10-point distance: ≈ 1.0007 per year, ratio 1 against the required pace
    expect(graph?.organisational[0]?.paceRatio).toBeCloseTo(1, 10);
    expect(graph?.process.map((n) => [n.indicatorId, n.pace, n.status])).toEqual([['p1', 'unknown', 'no-data']]);
    expect(graph?.linkIds).toEqual(['l-meldkamer', 'l-seh', 'l-ok']);
    expect(graph?.ownFiguresOptimised).toBe(true);
  });

  it('does not flag when the shared result moves, or when fewer than half the partners improve', () => {
    const indicators = [
      indicator('s', 'societal', 50, 80),
      indicator('o1', 'organisational', 10, 20, { contributesToIndicatorIds: ['s'] }),
      indicator('o2', 'organisational', 10, 20, { contributesToIndicatorIds: ['s'] }),
      indicator('o3', 'organisational', 10, 20, { contributesToIndicatorIds: ['s'] }),
    ];
    const moving = new Map([
      ['s', series(50, 56, 62)],
      ['o1', series(10, 12, 14)],
    ]);
    expect(computeContributionGraph(indicators, moving)[0]?.ownFiguresOptimised).toBe(false);
    // one of three improves: below half
    const few = new Map([
      ['s', series(50, 50, 50)],
      ['o1', series(10, 12, 14)],
      ['o2', series(10, 10, 10)],
      ['o3', series(10, 9, 8)],
    ]);
    expect(computeContributionGraph(indicators, few)[0]?.ownFiguresOptimised).toBe(false);
  });
});
