/** Throughput time per case: its last event's timestamp minus its first event's. */
import type { EventLog } from './event-log.ts';
import { summariseValues } from './summarise-values.ts';

/** Case durations: one per case, and their mean, median and 90th percentile, in seconds. */
export interface CaseDurations {
  /** Duration of case `c` in milliseconds. */
  readonly perCaseMs: Float64Array;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90Seconds: number;
}

/** Computes every case's duration and summarises them (NaN statistics for an empty log). */
export function computeCaseDurations(log: EventLog): CaseDurations {
  const { timestamp, caseOffsets, caseCount } = log;
  const perCaseMs = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    perCaseMs[c] = timestamp[caseOffsets[c + 1]! - 1]! - timestamp[caseOffsets[c]!]!;
  }
  const stats = summariseValues(perCaseMs.slice());
  return {
    perCaseMs,
    meanSeconds: stats.mean / 1000,
    medianSeconds: stats.median / 1000,
    p90Seconds: stats.p90 / 1000,
  };
}
