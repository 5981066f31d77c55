import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.ts';
import {
  computeIndicatorForecast,
  computeIndicatorPathValue,
  computeIndicatorStatus,
  computeIndicatorTrend,
  type DatedValue,
  type IndicatorPath,
} from './compute-indicator-status.ts';

// Path: higher is better, 50 on 2023-01-01 → 80 on 2024-01-01 (365 days, distance 30).
const path: IndicatorPath = {
  direction: 'higher-is-better',
  baseline: { value: 50, date: '2023-01-01' },
  target: { value: 80, date: '2024-01-01' },
};
/** The date `days` after the baseline; day 73 is 20% of the period, day 146 is 40%. */
const day = (days: number) => addDays('2023-01-01', days);

describe('indicator path and status', () => {
  it('puts the path on a straight line, flat outside the period', () => {
    // day 73 = 20% of 365 → 50 + 0.2·30 = 56
    expect(computeIndicatorPathValue(path, day(73))).toBeCloseTo(56, 12);
    expect(computeIndicatorPathValue(path, '2022-06-01')).toBe(50);
    expect(computeIndicatorPathValue(path, '2025-06-01')).toBe(80);
  });

  it('classifies one measurement by its shortfall against the path', () => {
    // day 146: the path expects 40% of the distance.
    // 59 → (59 − 50)/30 = 30% → shortfall 0.10 → on course (boundary counts as inside)
    // 56 → 20% → shortfall 0.20 → at risk; 53 → 10% → shortfall 0.30 → off course
    const at = (value: number) => computeIndicatorStatus(path, [{ date: day(146), value }]);
    expect(at(59).status).toBe('on-course');
    expect(at(59).shortfall).toBeCloseTo(0.1, 12);
    expect(at(59).assessedBy).toBe('latest-measurement');
    expect(at(56).status).toBe('at-risk');
    expect(at(53).status).toBe('off-course');
    // 81 is beyond the target: on course whatever the date
    expect(at(81).status).toBe('on-course');
    expect(at(81).forecast).toEqual({ kind: 'target-reached', date: day(146) });
  });

  it('assesses the least-squares value at the latest date, with trend and forecast', () => {
    // x = 0, 73, 146 (x̄ = 73); y = 50, 56, 59 (ȳ = 55)
    // Σ(x−x̄)(y−ȳ) = (−73)(−5) + 0 + 73·4 = 657; Σ(x−x̄)² = 2·73² = 10658 → slope = 657/10658 = 9/146 per day
    // line at x = 146: 55 + (9/146)·73 = 59.5 → progress 9.5/30 = 0.31667; expected 0.4 → shortfall 0.08333 → on course
    const measurements = [
      { date: day(146), value: 59 },
      { date: day(0), value: 50 },
      { date: day(73), value: 56 },
    ];
    const result = computeIndicatorStatus(path, measurements);
    expect(result.status).toBe('on-course');
    expect(result.assessedBy).toBe('trend-line');
    expect(result.assessedValue).toBeCloseTo(59.5, 10);
    expect(result.progress).toBeCloseTo(9.5 / 30, 10);
    expect(result.expectedProgress).toBeCloseTo(0.4, 12);
    expect(result.shortfall).toBeCloseTo(0.4 - 9.5 / 30, 10);
    expect(result.latest).toEqual({ date: day(146), value: 59 });
    expect(result.pathValue).toBeCloseTo(62, 10);

    const trend = result.trend;
    expect(trend?.slopePerDay).toBeCloseTo(9 / 146, 12);
    // per month: × 365.2425/12 = 30.436875 days → 1.876245…
    expect(trend?.slopePerMonth).toBeCloseTo((9 / 146) * 30.436875, 10);
    expect(trend?.slopePerYear).toBeCloseTo((9 / 146) * 365.2425, 10);
    // pace in shares of the distance: 22.515…/30 per year, against 365.2425/365 required
    expect(trend?.progressPerYear).toBeCloseTo(((9 / 146) * 365.2425) / 30, 10);
    expect(trend?.requiredProgressPerYear).toBeCloseTo(365.2425 / 365, 12);
    expect(trend?.direction).toBe('improving');

    // forecast: (80 − 59.5)/(9/146) = 332.56 days → first whole day 333 after day 146 = day 479 = 2024-04-24
    expect(result.forecast).toEqual({ kind: 'forecast', date: '2024-04-24', onTime: false });
  });

  it('gives no forecast when the trend moves away or is flat, and says why', () => {
    // y = 50, 48, 47: Σ(x−x̄)(y−ȳ) = (−73)(5/3) + 73(−4/3) = −219 → slope −3/146; line at 146: 48.333 − 1.5 = 46.833
    // progress −3.1667/30 = −0.1056; shortfall 0.5056 → off course
    const away = computeIndicatorStatus(path, [
      { date: day(0), value: 50 },
      { date: day(73), value: 48 },
      { date: day(146), value: 47 },
    ]);
    expect(away.status).toBe('off-course');
    expect(away.assessedValue).toBeCloseTo(46.8333333333, 8);
    expect(away.trend?.direction).toBe('worsening');
    expect(away.forecast).toEqual({ kind: 'none', reason: 'moving-away' });

    const flat = [0, 73, 146].map((d) => ({ date: day(d), value: 55 }));
    expect(computeIndicatorForecast(path, flat)).toEqual({ kind: 'none', reason: 'flat-trend' });
    expect(computeIndicatorForecast(path, [{ date: day(1), value: 55 }])).toEqual({
      kind: 'none',
      reason: 'too-few-measurements',
    });
    const crawl = [
      { date: day(0), value: 50 },
      { date: day(365), value: 50.0001 },
    ];
    expect(computeIndicatorForecast(path, crawl)).toEqual({ kind: 'none', reason: 'beyond-horizon' });
  });

  it('is direction-aware for "lower is better"', () => {
    // waiting time 40 → 30 minutes over 365 days (distance −10)
    const lower: IndicatorPath = {
      direction: 'lower-is-better',
      baseline: { value: 40, date: '2023-01-01' },
      target: { value: 30, date: '2024-01-01' },
    };
    // day 73 expects 20%; 39 is 10% of the way → shortfall 0.1 → on course
    expect(computeIndicatorStatus(lower, [{ date: day(73), value: 39 }]).status).toBe('on-course');
    // day 219 expects 60%; 36 is 40% → shortfall 0.2 → at risk
    expect(computeIndicatorStatus(lower, [{ date: day(219), value: 36 }]).status).toBe('at-risk');
    // a falling waiting time is improving
    const trend = computeIndicatorTrend(lower, [
      { date: day(0), value: 40 },
      { date: day(73), value: 38 },
    ]);
    expect(trend?.direction).toBe('improving');
    expect(trend?.slopePerDay).toBeCloseTo(-2 / 73, 12);
  });

  it('reports no data without measurements', () => {
    const result = computeIndicatorStatus(path, []);
    expect(result.status).toBe('no-data');
    expect(result.forecast).toEqual({ kind: 'none', reason: 'no-measurements' });
  });

  it('is direction-symmetric: mirroring the data flips nothing', () => {
    const arbitrary = fc.record({
      baseline: fc.integer({ min: -1000, max: 1000 }),
      distance: fc.double({ min: 0.5, max: 500, noNaN: true }),
      length: fc.integer({ min: 30, max: 2000 }),
      points: fc.array(
        fc.record({ offset: fc.integer({ min: -100, max: 3000 }), share: fc.double({ min: -1, max: 2, noNaN: true }) }),
        { maxLength: 12 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, ({ baseline, distance, length, points }) => {
        const up: IndicatorPath = {
          direction: 'higher-is-better',
          baseline: { value: baseline, date: '2023-01-01' },
          target: { value: baseline + distance, date: addDays('2023-01-01', length) },
        };
        const down: IndicatorPath = {
          direction: 'lower-is-better',
          baseline: { value: -baseline, date: up.baseline.date },
          target: { value: -(baseline + distance), date: up.target.date },
        };
        const data: DatedValue[] = points.map((p) => ({ date: day(p.offset), value: baseline + p.share * distance }));
        const mirrored = data.map((m) => ({ date: m.date, value: -m.value }));
        const a = computeIndicatorStatus(up, data);
        const b = computeIndicatorStatus(down, mirrored);
        expect(b.status).toBe(a.status);
        expect(b.forecast).toEqual(a.forecast);
        expect(b.targetReached).toBe(a.targetReached);
        if (a.progress !== null) expect(b.progress).toBeCloseTo(a.progress, 9);
        expect(b.trend?.direction).toBe(a.trend?.direction);
      }),
      { numRuns: 300 },
    );
  });
});
