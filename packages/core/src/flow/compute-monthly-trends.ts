/**
 * Trends per month: how many cases started in each local (Amsterdam) month, how many events
 * happened in it, and the throughput time (last minus first event) of the cases that started in
 * it. Months without any case in between are listed with zeros, so a chart has no gaps. The
 * throughput of the latest months is biased low while their cases are still under way.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import type { EventLog } from './event-log.ts';
import { amsterdamMonthOf, formatMonthNumber } from './local-time.ts';
import { groupOffsets } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** The figures of one month; NaN throughput statistics for a month without cases. */
export interface MonthlyTrend {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly casesStarted: number;
  /** Events whose timestamp falls in the month. */
  readonly events: number;
  readonly meanThroughputSeconds: number;
  readonly medianThroughputSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90ThroughputSeconds: number;
}

/** One row per month from the first to the last event's month. */
export function computeMonthlyTrends(log: EventLog): MonthlyTrend[] {
  const { caseOffsets, caseCount, timestamp, eventCount } = log;
  if (eventCount === 0) return [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const startMonth = new Int32Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    const month = amsterdamMonthOf(timestamp[caseOffsets[c]!]!);
    startMonth[c] = month;
    if (month < first) first = month;
    const end = amsterdamMonthOf(timestamp[caseOffsets[c + 1]! - 1]!);
    if (end > last) last = end;
  }
  const months = last - first + 1;
  const events = new Uint32Array(months);
  for (let k = 0; k < eventCount; k++) events[amsterdamMonthOf(timestamp[k]!) - first]!++;
  const started = new Uint32Array(months);
  for (let c = 0; c < caseCount; c++) started[startMonth[c]! - first]!++;
  const offsets = groupOffsets(started, months);
  const cursor = offsets.slice(0, months);
  const durations = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    durations[cursor[startMonth[c]! - first]!++] = timestamp[caseOffsets[c + 1]! - 1]! - timestamp[caseOffsets[c]!]!;
  }
  const trends: MonthlyTrend[] = [];
  for (let m = 0; m < months; m++) {
    const stats = summariseValues(durations, offsets[m], offsets[m + 1]);
    trends.push({
      month: formatMonthNumber(first + m),
      casesStarted: started[m]!,
      events: events[m]!,
      meanThroughputSeconds: stats.mean / 1000,
      medianThroughputSeconds: stats.median / 1000,
      p90ThroughputSeconds: stats.p90 / 1000,
    });
  }
  return trends;
}
