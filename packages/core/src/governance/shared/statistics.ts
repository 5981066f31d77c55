/**
 * Descriptive statistics used by the governance figures. Every function is total: empty input
 * gives `null` instead of NaN, so a missing figure can never be shown as a number.
 */

/** Arithmetic mean; null for an empty list. */
export function computeMean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Median (the mean of the two middle values for an even count); null for an empty list. */
export function computeMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return computeMedianOfSorted(sorted);
}

/** Median of values already sorted ascending; null for an empty list. */
export function computeMedianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const middle = n >> 1;
  const upper = sorted[middle] as number;
  return n % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * Median of a non-empty buffer in O(n) expected time by selection (Hoare's quickselect with a
 * median-of-three pivot), reordering the buffer in place. Used in the bootstrap, where sorting
 * every resample would dominate the cost.
 */
export function computeMedianInPlace(values: Float64Array): number {
  const n = values.length;
  const upperIndex = n >> 1;
  const upper = selectInPlace(values, upperIndex);
  if (n % 2 === 1) return upper;
  // after selection every value left of upperIndex is ≤ upper; the lower middle is their maximum
  let lower = values[0] as number;
  for (let i = 1; i < upperIndex; i++) lower = Math.max(lower, values[i] as number);
  return (lower + upper) / 2;
}

/** Rearranges `values` so that position k holds the k-th smallest value, smaller left, larger right. */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
}

/**
 * Population standard deviation: the square root of the mean squared deviation from the mean,
 * dividing by n (not n − 1). It describes how far apart the given values are, which is what a
 * spread of opinions among the partners who answered means; it is 0 for a single value and null
 * for an empty list.
 */
export function computePopulationStandardDeviation(values: readonly number[]): number | null {
  const mean = computeMean(values);
  if (mean === null) return null;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  return Math.sqrt(squares / values.length);
}

/**
 * Quantile of values sorted ascending, by linear interpolation between order statistics
 * (Hyndman and Fan type 7, the default of R and NumPy): position h = (n − 1)·p, value
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). Null for an empty list.
 */
export function computeQuantileOfSorted(sorted: ArrayLike<number>, probability: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, probability));
  const low = Math.floor(h);
  const lowValue = sorted[low] as number;
  if (low + 1 >= n) return lowValue;
  return lowValue + (h - low) * ((sorted[low + 1] as number) - lowValue);
}

/** A straight line y = intercept + slope·x fitted by ordinary least squares. */
export interface LeastSquaresLine {
  readonly slope: number;
  readonly intercept: number;
  /** Number of points the line was fitted on. */
  readonly count: number;
}

/**
 * Ordinary least squares: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope·x̄. Null when
 * fewer than two distinct x values make the slope undefined.
 */
export function computeLeastSquaresLine(
  points: readonly { readonly x: number; readonly y: number }[],
): LeastSquaresLine | null {
  const n = points.length;
  if (n < 2) return null;
  let sumX = 0;
  let sumY = 0;
  for (const point of points) {
    sumX += point.x;
    sumY += point.y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  for (const point of points) {
    const dx = point.x - meanX;
    sxy += dx * (point.y - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, count: n };
}
