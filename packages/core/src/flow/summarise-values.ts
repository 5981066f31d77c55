/**
 * Mean, median and 90th percentile of a range of a `Float64Array`, in linear time.
 *
 * Percentile definition (the same as numpy's default, `method='linear'`): for n sorted values
 * x[0] ≤ … ≤ x[n-1] and a fraction q, let h = (n − 1)·q, i = ⌊h⌋; the q-quantile is
 * x[i] + (h − i)·(x[i+1] − x[i]). So the median of an even number of values is the mean of the
 * two middle ones, and the 90th percentile of 1, 2, …, 10 is 9.1.
 *
 * Instead of sorting, a quickselect puts the i-th smallest value in place (expected O(n)); the
 * value above it is then the minimum of the part to its right. The mean uses compensated
 * (Neumaier) summation so millions of large millisecond values lose no precision.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */

/** Count, sum, mean, median and 90th percentile of some values; NaN statistics when there are none. */
export interface ValueSummary {
  readonly count: number;
  readonly sum: number;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
}

const SMALL_RANGE = 16;

function insertionSort(values: Float64Array, from: number, to: number): void {
  for (let k = from + 1; k <= to; k++) {
    const item = values[k]!;
    let j = k - 1;
    while (j >= from && values[j]! > item) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = item;
  }
}

/**
 * Reorders `values[from..to]` (inclusive bounds) so that position `k` holds the value it would
 * hold if the range were sorted, smaller-or-equal values before it and greater-or-equal after it.
 */
export function selectInPlace(values: Float64Array, from: number, to: number, k: number): void {
  let lo = from;
  let hi = to;
  while (hi - lo > SMALL_RANGE) {
    const mid = lo + ((hi - lo) >>> 1);
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  insertionSort(values, lo, hi);
}

function minimum(values: Float64Array, from: number, to: number): number {
  let m = values[from]!;
  for (let k = from + 1; k < to; k++) if (values[k]! < m) m = values[k]!;
  return m;
}

/** The q-quantile (0 ≤ q ≤ 1) of values that are already sorted, with the definition above. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const low = sorted[i]!;
  if (i + 1 >= n || h === i) return low;
  return low + (h - i) * (sorted[i + 1]! - low);
}

/** Summarises `values[from, to)`; reorders that range. */
export function summariseValues(values: Float64Array, from = 0, to = values.length): ValueSummary {
  const n = to - from;
  if (n <= 0) return { count: 0, sum: 0, mean: Number.NaN, median: Number.NaN, p90: Number.NaN };
  let sum = 0;
  let compensation = 0;
  for (let k = from; k < to; k++) {
    const value = values[k]!;
    const total = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    sum = total;
  }
  sum += compensation;

  const last = to - 1;
  const h50 = (n - 1) * 0.5;
  const i50 = Math.floor(h50);
  selectInPlace(values, from, last, from + i50);
  const low50 = values[from + i50]!;
  const median = h50 === i50 ? low50 : (low50 + minimum(values, from + i50 + 1, to)) / 2;

  const h90 = (n - 1) * 0.9;
  const i90 = Math.floor(h90);
  if (i90 > i50) selectInPlace(values, from + i50 + 1, last, from + i90);
  const low90 = values[from + i90]!;
  const p90 = h90 === i90 || i90 + 1 >= n ? low90 : low90 + (h90 - i90) * (minimum(values, from + i90 + 1, to) - low90);

  return { count: n, sum, mean: sum / n, median, p90 };
}
