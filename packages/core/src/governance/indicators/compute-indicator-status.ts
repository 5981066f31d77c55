/**
 * Status, trend and forecast of an indicator against the straight path from its baseline to its
 * target.
 *
 * Definitions (also the text of the help page):
 *
 * - **Progress** of a value v is the share of the baseline→target distance it has covered:
 *   (v − baseline) / (target − baseline). 0 = at the baseline, 1 = at the target, negative = worse
 *   than the baseline. Because the target always lies on the good side of the baseline, this share
 *   means the same for "higher is better" and "lower is better".
 * - **Path**: the straight line from (baseline date, baseline value) to (target date, target value),
 *   flat at the baseline before the baseline date and at the target after the target date.
 *   **Expected progress** at a date is the path's progress there: the share of the period elapsed.
 * - **Assessed value**: the least-squares trend line's value at the date of the latest measurement
 *   (which smooths out one noisy month); with a single measurement (or all on one date), that value.
 * - **Shortfall** = expected progress − progress of the assessed value, in shares of the distance
 *   (positive = behind the path).
 * - **Status**: `on-course` when the latest measurement has reached the target, or the shortfall is
 *   at most 0.10 (within 10% of the distance); `at-risk` when the shortfall is at most 0.25;
 *   `off-course` otherwise; `no-data` without measurements. Tolerances are options; a boundary
 *   value counts as inside (comparisons allow 1e-9 for floating-point rounding).
 * - **Trend**: ordinary least-squares slope of value on date over all current measurements, per day;
 *   per month = per day × 30.436875 (a Gregorian year / 12), per year = per day × 365.2425.
 * - **Forecast**: from the assessed value at the latest date, extrapolated along the trend slope,
 *   the first whole day on which the target is reached (never before the latest measurement); none
 *   when the trend is flat or moves away from the target, or lies more than 100 years ahead.
 */
import { DAYS_PER_MONTH, DAYS_PER_YEAR, addDays, daysBetween, toDayNumber } from '../shared/dates.ts';
import { computeLeastSquaresLine } from '../shared/statistics.ts';
import type { IndicatorFields } from './indicator-schemas.ts';

/** The status of an indicator against its path; `no-data` when nothing has been measured yet. */
export const INDICATOR_STATUSES = ['on-course', 'at-risk', 'off-course', 'no-data'] as const;
/** See {@link INDICATOR_STATUSES}. */
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** The part of an indicator that defines its path. */
export type IndicatorPath = Pick<IndicatorFields, 'direction' | 'baseline' | 'target'>;

/** A value at a date; {@link CurrentMeasurement} fits. */
export interface DatedValue {
  readonly date: string;
  readonly value: number;
}

/** Tolerance bands of the status rule, in shares of the baseline→target distance. */
export interface IndicatorStatusOptions {
  /** Largest shortfall that still counts as on course (default 0.10). */
  readonly onCourseTolerance: number;
  /** Largest shortfall that counts as at risk rather than off course (default 0.25). */
  readonly atRiskTolerance: number;
}

/** The tolerances of the documented status rule. */
export const DEFAULT_INDICATOR_STATUS_OPTIONS: IndicatorStatusOptions = {
  onCourseTolerance: 0.1,
  atRiskTolerance: 0.25,
};

/** Allowance for floating-point rounding at the tolerance boundaries. */
const BOUNDARY_EPSILON = 1e-9;

/** Forecasts further ahead than this (100 years) are reported as `beyond-horizon`. */
export const FORECAST_HORIZON_DAYS = 36_525;

/** The least-squares trend of an indicator's measurements. */
export interface IndicatorTrend {
  /** Change of the value per day (in the indicator's unit). */
  readonly slopePerDay: number;
  /** Change per average month (30.436875 days). */
  readonly slopePerMonth: number;
  /** Change per average year (365.2425 days). */
  readonly slopePerYear: number;
  /** Share of the baseline→target distance covered per year at this slope (negative = moving away). */
  readonly progressPerYear: number;
  /** Share of the distance per year that the path asks for: 1 / (years from baseline to target). */
  readonly requiredProgressPerYear: number;
  /** `improving` when the slope points towards the target, `worsening` away from it, `flat` when zero. */
  readonly direction: 'improving' | 'worsening' | 'flat';
  /** Value of the trend line at the latest measurement date. */
  readonly valueAtLatest: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly pointCount: number;
}

/** Why there is no forecast date. */
export const NO_FORECAST_REASONS = [
  'no-measurements',
  'too-few-measurements',
  'flat-trend',
  'moving-away',
  'beyond-horizon',
] as const;
/** See {@link NO_FORECAST_REASONS}. */
export type NoForecastReason = (typeof NO_FORECAST_REASONS)[number];

/** When the target will be reached, or why that cannot be said. */
export type IndicatorForecast =
  /** The latest measurement is at or beyond the target; `date` is that measurement's date. */
  | { readonly kind: 'target-reached'; readonly date: string }
  /** At the current trend the target is reached on `date`; `onTime` when not after the target date. */
  | { readonly kind: 'forecast'; readonly date: string; readonly onTime: boolean }
  | { readonly kind: 'none'; readonly reason: NoForecastReason };

/** Everything the indicator page and the home page show about one indicator. */
export interface IndicatorStatusResult {
  readonly status: IndicatorStatus;
  readonly measurementCount: number;
  /** The latest measurement (by date). */
  readonly latest: DatedValue | null;
  /** True when the latest measurement is at or beyond the target. */
  readonly targetReached: boolean;
  /** The value compared with the path (see the module documentation). */
  readonly assessedValue: number | null;
  /** `trend-line` when taken from the least-squares line, `latest-measurement` otherwise. */
  readonly assessedBy: 'trend-line' | 'latest-measurement' | null;
  /** Value of the path at the latest measurement date. */
  readonly pathValue: number | null;
  /** Share of the distance covered by the assessed value. */
  readonly progress: number | null;
  /** Share of the distance the path expects at the latest measurement date. */
  readonly expectedProgress: number | null;
  /** expectedProgress − progress; positive = behind the path. */
  readonly shortfall: number | null;
  readonly trend: IndicatorTrend | null;
  readonly forecast: IndicatorForecast;
}

/** Share of the baseline→target distance that `value` has covered (1 = at the target). */
export function computeIndicatorProgress(path: IndicatorPath, value: number): number {
  return (value - path.baseline.value) / (path.target.value - path.baseline.value);
}

/** Share of the baseline→target period elapsed at `date`, clamped to [0, 1]: the path's expected progress. */
export function computeExpectedProgress(path: IndicatorPath, date: string): number {
  const total = daysBetween(path.baseline.date, path.target.date);
  const elapsed = daysBetween(path.baseline.date, date);
  return Math.min(1, Math.max(0, elapsed / total));
}

/** Value of the straight baseline→target path at `date` (flat before the baseline and after the target date). */
export function computeIndicatorPathValue(path: IndicatorPath, date: string): number {
  const share = computeExpectedProgress(path, date);
  return path.baseline.value + share * (path.target.value - path.baseline.value);
}

/**
 * Least-squares trend of the measurements (x = date in days, y = value), with the pace expressed
 * as a share of the path's distance. Null with fewer than two distinct dates.
 */
export function computeIndicatorTrend(path: IndicatorPath, measurements: readonly DatedValue[]): IndicatorTrend | null {
  if (measurements.length < 2) return null;
  const sorted = sortByDate(measurements);
  const first = sorted[0] as DatedValue;
  const last = sorted[sorted.length - 1] as DatedValue;
  const origin = toDayNumber(first.date);
  const line = computeLeastSquaresLine(sorted.map((m) => ({ x: toDayNumber(m.date) - origin, y: m.value })));
  if (line === null) return null;
  const distance = path.target.value - path.baseline.value;
  const towardsTarget = line.slope * distance;
  return {
    slopePerDay: line.slope,
    slopePerMonth: line.slope * DAYS_PER_MONTH,
    slopePerYear: line.slope * DAYS_PER_YEAR,
    progressPerYear: (line.slope * DAYS_PER_YEAR) / distance,
    requiredProgressPerYear: DAYS_PER_YEAR / daysBetween(path.baseline.date, path.target.date),
    direction: towardsTarget > 0 ? 'improving' : towardsTarget < 0 ? 'worsening' : 'flat',
    valueAtLatest: line.intercept + line.slope * (toDayNumber(last.date) - origin),
    firstDate: first.date,
    lastDate: last.date,
    pointCount: line.count,
  };
}

/**
 * The forecast date of reaching the target: from the assessed value at the latest date, along the
 * trend slope, the first whole day on which the line reaches the target value (see the module doc).
 */
export function computeIndicatorForecast(
  path: IndicatorPath,
  measurements: readonly DatedValue[],
  trend: IndicatorTrend | null = computeIndicatorTrend(path, measurements),
): IndicatorForecast {
  if (measurements.length === 0) return { kind: 'none', reason: 'no-measurements' };
  const latest = latestOf(measurements);
  if (computeIndicatorProgress(path, latest.value) >= 1) return { kind: 'target-reached', date: latest.date };
  if (trend === null) return { kind: 'none', reason: 'too-few-measurements' };
  if (trend.direction === 'flat') return { kind: 'none', reason: 'flat-trend' };
  if (trend.direction === 'worsening') return { kind: 'none', reason: 'moving-away' };
  const daysToGo = (path.target.value - trend.valueAtLatest) / trend.slopePerDay;
  if (daysToGo > FORECAST_HORIZON_DAYS) return { kind: 'none', reason: 'beyond-horizon' };
  const date = addDays(latest.date, Math.max(0, Math.ceil(daysToGo)));
  return { kind: 'forecast', date, onTime: date <= path.target.date };
}

/**
 * Status of one indicator from its current measurements (any order): the documented rule of this
 * module, with the trend and the forecast it is based on.
 */
export function computeIndicatorStatus(
  path: IndicatorPath,
  measurements: readonly DatedValue[],
  options: IndicatorStatusOptions = DEFAULT_INDICATOR_STATUS_OPTIONS,
): IndicatorStatusResult {
  if (measurements.length === 0) {
    return {
      status: 'no-data',
      measurementCount: 0,
      latest: null,
      targetReached: false,
      assessedValue: null,
      assessedBy: null,
      pathValue: null,
      progress: null,
      expectedProgress: null,
      shortfall: null,
      trend: null,
      forecast: { kind: 'none', reason: 'no-measurements' },
    };
  }
  const latest = latestOf(measurements);
  const trend = computeIndicatorTrend(path, measurements);
  const assessedValue = trend === null ? latest.value : trend.valueAtLatest;
  const progress = computeIndicatorProgress(path, assessedValue);
  const expectedProgress = computeExpectedProgress(path, latest.date);
  const shortfall = expectedProgress - progress;
  const targetReached = computeIndicatorProgress(path, latest.value) >= 1;
  const status: IndicatorStatus =
    targetReached || shortfall <= options.onCourseTolerance + BOUNDARY_EPSILON
      ? 'on-course'
      : shortfall <= options.atRiskTolerance + BOUNDARY_EPSILON
        ? 'at-risk'
        : 'off-course';
  return {
    status,
    measurementCount: measurements.length,
    latest: { date: latest.date, value: latest.value },
    targetReached,
    assessedValue,
    assessedBy: trend === null ? 'latest-measurement' : 'trend-line',
    pathValue: computeIndicatorPathValue(path, latest.date),
    progress,
    expectedProgress,
    shortfall,
    trend,
    forecast: computeIndicatorForecast(path, measurements, trend),
  };
}

function sortByDate(measurements: readonly DatedValue[]): DatedValue[] {
  return [...measurements].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** The measurement with the latest date (the last listed among equal dates). */
function latestOf(measurements: readonly DatedValue[]): DatedValue {
  let latest = measurements[0] as DatedValue;
  for (const m of measurements) if (m.date >= latest.date) latest = m;
  return latest;
}
