import { describe, expect, it } from 'vitest';
import { apportionCents, formatEuroCents, joinNames, roundHalfAwayFromZero } from './money.ts';

/** Intl uses a no-break space in Dutch amounts; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('rounds halves away from zero and never returns −0', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4)).toBe(2);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });

  it('apportions cents exactly by largest remainder', () => {
    // 100/3 = 33.33 each: floors 33+33+33 = 99, the one cent left goes to the first (ties → earlier)
    expect(apportionCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // quotas 7.5 and 2.5: floors 7 and 2, one cent left, equal remainders → the earlier
    expect(apportionCents(10, [3, 1])).toEqual([8, 2]);
    // quotas 3.75, 3.75, 2.5: floors 3, 3, 2; two cents left → the two largest remainders
    expect(apportionCents(10, [15, 15, 10])).toEqual([4, 4, 2]);
    expect(apportionCents(10, [0, 5])).toEqual([0, 10]);
    expect(apportionCents(10, [0, 0])).toEqual([0, 0]);
  });

  it('stays exact beyond the precision of floating-point products', () => {
    // 10^15 · 10^15 overflows doubles' exact range; BigInt keeps the split exact
    const parts = apportionCents(1_000_000_000_000_001, [999_999_999_999_999, 1, 999_999_999_999_999]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_000_000_000_001);
    expect(parts[1]).toBe(1);
  });

  it('formats euros in Dutch and British English, cents only when present', () => {
    expect(plain(formatEuroCents(12_000_000, 'nl'))).toBe('€ 120.000');
    expect(plain(formatEuroCents(123_456, 'nl'))).toBe('€ 1.234,56');
    expect(formatEuroCents(12_000_000, 'en')).toBe('€120,000');
    expect(formatEuroCents(123_456, 'en')).toBe('€1,234.56');
  });

  it('joins names as in running text', () => {
    expect(joinNames(['A', 'B', 'C'], 'nl')).toBe('A, B en C');
    expect(joinNames(['A', 'B'], 'en')).toBe('A and B');
  });
});
