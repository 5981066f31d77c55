/**
 * Per activity (a node of the process map): how often it occurs, in how many cases, how many
 * cases start and end there, and its service time where the data tells it.
 *
 * Service time is the time an activity took, not the waiting before it:
 * - from start timestamps: timestamp minus start timestamp of each event that has one;
 * - else from lifecycle transitions (XES): a `start` event paired with the next `complete` event
 *   of the same activity in the same case (first in, first out).
 * An activity without either has no service time (`serviceTime` null).
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { groupOffsets } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** Service-time figures of one activity, in seconds. */
export interface ServiceTime {
  /** Executions with a known service time. */
  readonly count: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90Seconds: number;
  /** Where the figures come from. */
  readonly source: 'start-timestamp' | 'lifecycle';
}

/** The figures of one activity. */
export interface ActivityStatistics {
  readonly activity: string;
  readonly activityIndex: number;
  readonly events: number;
  /** Cases with at least one event of the activity. */
  readonly cases: number;
  /** Cases whose first event is this activity. */
  readonly startCases: number;
  /** Cases whose last event is this activity. */
  readonly endCases: number;
  readonly serviceTime: ServiceTime | null;
}

/** One service-time sample per executed activity, grouped by activity. */
function collectServiceTimes(log: EventLog): { durations: number[][]; source: ServiceTime['source'] } | null {
  const n = log.activityNames.size;
  const durations: number[][] = Array.from({ length: n }, () => []);
  const { startTimestamp, timestamp, activity, eventCount } = log;
  if (startTimestamp !== null) {
    for (let k = 0; k < eventCount; k++) {
      const start = startTimestamp[k]!;
      if (!Number.isNaN(start)) durations[activity[k]!]!.push(timestamp[k]! - start);
    }
    return { durations, source: 'start-timestamp' };
  }
  const { lifecycle } = log;
  if (lifecycle === null) return null;
  let startCode = -1;
  let completeCode = -1;
  for (let l = 0; l < log.lifecycleNames.size; l++) {
    const name = log.lifecycleNames.get(l).toLowerCase();
    if (name === 'start') startCode = l;
    else if (name === 'complete') completeCode = l;
  }
  if (startCode < 0 || completeCode < 0) return null;
  const { caseOffsets, caseCount } = log;
  const open = new Map<number, number[]>();
  for (let c = 0; c < caseCount; c++) {
    open.clear();
    for (let k = caseOffsets[c]!; k < caseOffsets[c + 1]!; k++) {
      const l = lifecycle[k]!;
      if (l === NO_INDEX) continue;
      const a = activity[k]!;
      if (l === startCode) {
        const queue = open.get(a);
        if (queue === undefined) open.set(a, [timestamp[k]!]);
        else queue.push(timestamp[k]!);
      } else if (l === completeCode) {
        const started = open.get(a)?.shift();
        if (started !== undefined) durations[a]!.push(timestamp[k]! - started);
      }
    }
  }
  return { durations, source: 'lifecycle' };
}

/** Statistics of every activity that occurs, in activity order. */
export function computeActivityStatistics(log: EventLog): ActivityStatistics[] {
  const n = log.activityNames.size;
  const { activity, caseIndex, caseOffsets, caseCount, eventCount } = log;
  const events = new Uint32Array(n);
  const cases = new Uint32Array(n);
  const lastCase = new Int32Array(n).fill(-1);
  for (let k = 0; k < eventCount; k++) {
    const a = activity[k]!;
    events[a]!++;
    if (lastCase[a] !== caseIndex[k]) {
      lastCase[a] = caseIndex[k]!;
      cases[a]!++;
    }
  }
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  for (let c = 0; c < caseCount; c++) {
    starts[activity[caseOffsets[c]!]!]!++;
    ends[activity[caseOffsets[c + 1]! - 1]!]!++;
  }
  const service = collectServiceTimes(log);
  let offsets: Uint32Array | null = null;
  let values: Float64Array | null = null;
  if (service !== null) {
    offsets = groupOffsets(
      Uint32Array.from(service.durations, (d) => d.length),
      n,
    );
    values = new Float64Array(offsets[n]!);
    service.durations.forEach((list, a) => values!.set(list, offsets![a]));
  }
  const result: ActivityStatistics[] = [];
  for (let a = 0; a < n; a++) {
    if (events[a] === 0) continue;
    let serviceTime: ServiceTime | null = null;
    if (service !== null && offsets![a] !== offsets![a + 1]) {
      const stats = summariseValues(values!, offsets![a], offsets![a + 1]);
      serviceTime = {
        count: stats.count,
        meanSeconds: stats.mean / 1000,
        medianSeconds: stats.median / 1000,
        p90Seconds: stats.p90 / 1000,
        source: service.source,
      };
    }
    result.push({
      activity: log.activityNames.get(a),
      activityIndex: a,
      events: events[a]!,
      cases: cases[a]!,
      startCases: starts[a]!,
      endCases: ends[a]!,
      serviceTime,
    });
  }
  return result;
}
