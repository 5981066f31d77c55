import { describe, expect, it } from 'vitest';
import { createGovernanceRandom } from './seeded-random.ts';

describe('seeded random', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const take = (seed: number) => {
      const random = createGovernanceRandom(seed);
      return Array.from({ length: 8 }, () => random.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('draws floats in [0, 1) and indices in [0, n), roughly uniformly', () => {
    const random = createGovernanceRandom(7);
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    let outside = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = random.nextFloat();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      const index = random.nextIndex(5);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    // mean of U(0,1) is 0.5 with standard error √(1/12/n) ≈ 0.0013; allow ~8 standard errors
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    // each of 5 cells expects 10,000 (sd ≈ 89); allow ±500
    for (const count of counts) expect(Math.abs(count - n / 5)).toBeLessThan(500);
  });
});
