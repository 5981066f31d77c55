import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileOfSorted, selectInPlace, summariseValues } from './summarise-values.ts';

/** numpy's default percentile (linear interpolation), written out on a sorted copy. */
function numpyPercentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i]! + (h - i) * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

describe('summariseValues', () => {
  it('computes figures checked by hand', () => {
    // 1..10: mean 5.5; median (5 + 6) / 2 = 5.5; p90: h = 9 · 0.9 = 8.1 → 9 + 0.1 · (10 − 9) = 9.1
    const s = summariseValues(Float64Array.from([7, 3, 10, 1, 5, 2, 9, 4, 8, 6]));
    expect(s.count).toBe(10);
    expect(s.sum).toBe(55);
    expect(s.mean).toBe(5.5);
    expect(s.median).toBe(5.5);
    expect(s.p90).toBeCloseTo(9.1, 12);
    // odd count: median is the middle one; p90 of [0, 10, 20]: h = 1.8 → 10 + 0.8 · 10 = 18
    expect(summariseValues(Float64Array.from([20, 0, 10]))).toMatchObject({ median: 10, p90: 18, mean: 10 });
    expect(summariseValues(Float64Array.from([4]))).toMatchObject({ median: 4, p90: 4, mean: 4 });
    expect(summariseValues(new Float64Array(0)).mean).toBeNaN();
  });

  it('summarises only the requested range', () => {
    const values = Float64Array.from([100, 1, 2, 3, 4, 100]);
    expect(summariseValues(values, 1, 5)).toMatchObject({ count: 4, mean: 2.5, median: 2.5 });
    expect(values[0]).toBe(100);
    expect(values[5]).toBe(100);
  });

  it('keeps precision when summing millions of large values', () => {
    const values = new Float64Array(2_000_000).fill(1e10 + 0.001);
    expect(summariseValues(values).mean).toBeCloseTo(1e10 + 0.001, 4);
  });

  it('matches numpy-style percentiles on random data with many ties (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 1, maxLength: 300 }), (values) => {
        const s = summariseValues(Float64Array.from(values));
        expect(s.median).toBeCloseTo(numpyPercentile(values, 0.5), 9);
        expect(s.p90).toBeCloseTo(numpyPercentile(values, 0.9), 9);
        expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
      }),
      { numRuns: 500 },
    );
  });

  it('selects the k-th smallest value in place (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (values, k0) => {
          const k = k0 % values.length;
          const array = Float64Array.from(values);
          selectInPlace(array, 0, array.length - 1, k);
          const sorted = Float64Array.from(values).sort();
          expect(array[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(array[i]! <= array[k]!).toBe(true);
          for (let i = k + 1; i < array.length; i++) expect(array[i]! >= array[k]!).toBe(true);
        },
      ),
    );
  });

  it('computes quantiles of sorted values', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileOfSorted([], 0.5)).toBeNaN();
  });
});
