/**
 * Comparable periods for a before/after evaluation: two periods of equal length, directly before
 * the start of an intervention and after it (optionally after a run-in period), and the split of
 * dated observations over them.
 */
import { addDays, daysBetween } from '../shared/dates.ts';

/** A half-open period [from, until) of calendar dates. */
export interface EvaluationPeriod {
  readonly from: string;
  readonly until: string;
}

/** The two comparable periods. */
export interface EvaluationWindows {
  readonly before: EvaluationPeriod;
  readonly after: EvaluationPeriod;
  /** Length of each period in days. */
  readonly lengthDays: number;
}

/**
 * The comparable periods on `today`: the after period starts `runInDays` after the start date (the
 * time a change needs to take hold) and runs for L days; the before period is the L days just before
 * the start date. L = min(maxWindowDays, the days from the start of the after period to today), so
 * only days that have passed are used. Null when no whole day of the after period has passed yet.
 */
export function computeEvaluationWindows(
  startDate: string,
  today: string,
  maxWindowDays = 91,
  runInDays = 0,
): EvaluationWindows | null {
  const afterFrom = addDays(startDate, runInDays);
  const lengthDays = Math.min(maxWindowDays, daysBetween(afterFrom, today));
  if (lengthDays < 1) return null;
  return {
    before: { from: addDays(startDate, -lengthDays), until: startDate },
    after: { from: afterFrom, until: addDays(afterFrom, lengthDays) },
    lengthDays,
  };
}

/**
 * Splits dated observations (`date` as YYYY-MM-DD or an ISO timestamp whose first ten characters
 * are the date) over the two periods; observations outside both are left out.
 */
export function splitByEvaluationWindows<T extends { readonly date: string }>(
  observations: readonly T[],
  windows: EvaluationWindows,
): { before: T[]; after: T[] } {
  const inPeriod = (date: string, period: EvaluationPeriod) => date >= period.from && date < period.until;
  const before: T[] = [];
  const after: T[] = [];
  for (const observation of observations) {
    const date = observation.date.slice(0, 10);
    if (inPeriod(date, windows.before)) before.push(observation);
    else if (inPeriod(date, windows.after)) after.push(observation);
  }
  return { before, after };
}
