/**
 * Small-cell suppression: an aggregate over fewer cases than the chain's threshold could point at
 * individual clients, so roles without access to case-level data see it withheld. The rule is
 * applied to every count that is derived from case data, also after a filter narrowed it down.
 */

/** The threshold when a chain sets none: aggregates over fewer than 5 cases are withheld. */
export const DEFAULT_SMALL_CELL_THRESHOLD = 5;

/** Smallest and largest threshold a chain may set; 1 switches suppression off. */
export const SMALL_CELL_THRESHOLD_RANGE = { min: 1, max: 1000 } as const;

/**
 * Whether an aggregate over `caseCount` cases must be withheld. Zero cases reveal nothing about
 * anyone and stay visible; 1 to `threshold - 1` cases are suppressed.
 */
export function isSmallCell(caseCount: number, threshold: number = DEFAULT_SMALL_CELL_THRESHOLD): boolean {
  return caseCount > 0 && caseCount < threshold;
}

/**
 * The value to show for an aggregate computed over `caseCount` cases: the value itself, or `null`
 * when the cell is small. `value` may be the count itself or any figure derived from those cases.
 */
export function suppressSmallCells<T>(
  value: T,
  caseCount: number,
  threshold: number = DEFAULT_SMALL_CELL_THRESHOLD,
): T | null {
  return isSmallCell(caseCount, threshold) ? null : value;
}

/** A case count as a role without case-level access may see it: `null` when it is a small cell. */
export function computeSuppressedCount(
  caseCount: number,
  threshold: number = DEFAULT_SMALL_CELL_THRESHOLD,
): number | null {
  return suppressSmallCells(caseCount, caseCount, threshold);
}
