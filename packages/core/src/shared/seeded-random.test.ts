import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.ts';

const draw = (seed: number, n: number) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('seeded random', () => {
  it('repeats its sequence for the same seed and differs between seeds', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
    expect(draw(0, 10)).not.toEqual(draw(2 ** 32, 10));
    expect(draw(-1, 10)).not.toEqual(draw(1, 10));
  });

  it('draws uniformly in [0, 1)', () => {
    const values = draw(7, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws integers below n', () => {
    const random = createSeededRandom(3);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('samples a standard normal and a lognormal with the requested median', () => {
    const random = createSeededRandom(11);
    const normals = Array.from({ length: 50_000 }, () => random.normal());
    const mean = normals.reduce((s, v) => s + v, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((s, v) => s + (v - mean) ** 2, 0) / normals.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);

    const lognormals = Array.from({ length: 50_000 }, () => random.lognormal(30, 0.5)).sort((a, b) => a - b);
    const median = lognormals[25_000]!;
    expect(median).toBeGreaterThan(29);
    expect(median).toBeLessThan(31);
    // The 84th percentile of a lognormal lies one sigma above the median: 30·e^0.5 ≈ 49.5.
    const p84 = lognormals[Math.round(50_000 * 0.8413)]!;
    expect(p84).toBeGreaterThan(47.5);
    expect(p84).toBeLessThan(51.5);
    expect(createSeededRandom(1).lognormal(30, 0)).toBe(30);
  });
});
