import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool.ts';
import { encodeUtf8 } from './utf8.ts';

describe('StringPool', () => {
  it('gives each distinct string one index in order of first appearance', () => {
    const pool = new StringPool();
    expect(['b', 'a', 'b', '', 'NA', 'null', 'a', ''].map((s) => pool.intern(s))).toEqual([0, 1, 0, 2, 3, 4, 1, 2]);
    expect(pool.toArray()).toEqual(['b', 'a', '', 'NA', 'null']);
    expect(pool.find('NA')).toBe(3);
    expect(pool.find('nope')).toBeUndefined();
  });

  it('interns bytes and strings alike, also long keys and keys that differ only by zero bytes', () => {
    const pool = new StringPool(2);
    const long = 'een heel lange activiteitnaam met é en 𝄞';
    const bytes = encodeUtf8(`xx${long}yy`);
    const id = pool.internBytes(bytes, 2, bytes.length - 2);
    expect(pool.intern(long)).toBe(id);
    expect(pool.get(id)).toBe(long);
    const a = pool.intern('A');
    const aZero = pool.intern('A\u0000');
    const aZeroZero = pool.intern('A\u0000\u0000');
    expect(new Set([a, aZero, aZeroZero]).size).toBe(3);
    expect(pool.intern(long.slice(0, 17))).not.toBe(pool.intern(long.slice(0, 18)));
    const lengths = [7, 8, 9, 30, 31, 32, 40, 41].map((n) => pool.intern('x'.repeat(n)));
    expect(new Set(lengths).size).toBe(8);
    expect([7, 8, 9, 30, 31, 32, 40, 41].map((n) => pool.find('x'.repeat(n)))).toEqual(lengths);
    expect(pool.find('x'.repeat(42))).toBeUndefined();
  });

  it('stays a bijection while growing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 400 }), (values) => {
        const pool = new StringPool(1);
        const first = new Map<string, number>();
        for (const value of values) {
          const id = pool.intern(value);
          if (!first.has(value)) first.set(value, first.size);
          expect(id).toBe(first.get(value));
        }
        expect(pool.toArray()).toEqual([...first.keys()]);
      }),
    );
  });
});
