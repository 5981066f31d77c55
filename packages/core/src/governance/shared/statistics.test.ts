import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeLeastSquaresLine,
  computeMean,
  computeMedian,
  computeMedianInPlace,
  computePopulationStandardDeviation,
  computeQuantileOfSorted,
} from './statistics.ts';

describe('descriptive statistics', () => {
  it('computes mean and median, and null for nothing', () => {
    expect(computeMean([1, 2, 3, 4])).toBe(2.5);
    expect(computeMedian([3, 1, 2])).toBe(2);
    // even count: mean of the two middle values (2 and 3)
    expect(computeMedian([4, 1, 3, 2])).toBe(2.5);
    expect(computeMean([])).toBeNull();
    expect(computeMedian([])).toBeNull();
  });

  it('finds the same median by selection as by sorting (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (values) => {
        expect(computeMedianInPlace(Float64Array.from(values))).toBe(computeMedian(values));
      }),
      { numRuns: 500 },
    );
  });

  it('computes the population standard deviation (divide by n)', () => {
    // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/8 = 4; √4 = 2
    expect(computePopulationStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(computePopulationStandardDeviation([3])).toBe(0);
    expect(computePopulationStandardDeviation([])).toBeNull();
  });

  it('interpolates quantiles between order statistics (type 7)', () => {
    const sorted = [1, 2, 3, 4, 5];
    // h = (5 − 1)·0.25 = 1 → x[1] = 2
    expect(computeQuantileOfSorted(sorted, 0.25)).toBe(2);
    // h = 0.4 → 1 + 0.4·(2 − 1) = 1.4
    expect(computeQuantileOfSorted(sorted, 0.1)).toBeCloseTo(1.4, 12);
    expect(computeQuantileOfSorted(sorted, 1)).toBe(5);
    expect(computeQuantileOfSorted(sorted, 0)).toBe(1);
    expect(computeQuantileOfSorted([], 0.5)).toBeNull();
  });

  it('fits a least-squares line on three points', () => {
    // (0,1), (1,3), (2,2): x̄ = 1, ȳ = 2; Σ(x−x̄)(y−ȳ) = (−1)(−1) + 0 + (1)(0) = 1; Σ(x−x̄)² = 2
    // slope = 1/2 = 0.5; intercept = 2 − 0.5·1 = 1.5
    const line = computeLeastSquaresLine([
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
    ]);
    expect(line).toEqual({ slope: 0.5, intercept: 1.5, count: 3 });
  });

  it('has no line without two distinct x values', () => {
    expect(computeLeastSquaresLine([{ x: 1, y: 1 }])).toBeNull();
    expect(
      computeLeastSquaresLine([
        { x: 1, y: 1 },
        { x: 1, y: 5 },
      ]),
    ).toBeNull();
  });
});
