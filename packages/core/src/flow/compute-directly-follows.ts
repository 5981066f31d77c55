/**
 * The process map: every directly-follows pair of activities (a → b when b is the next event of
 * the same case after a) with how often it occurs and the time between the two events.
 *
 * The time of a pair is the later event's timestamp minus the earlier one's (completion to
 * completion, as established process-mining tools compute it). There are no artificial start or
 * end nodes: {@link computeStartActivities} and {@link computeEndActivities} give those.
 *
 * Two passes over the sorted columns, no object per event: the first counts each pair under the
 * integer key from·activityCount + to (a flat array index while there are at most 1024
 * activities, else a compact id), the second drops each duration into its pair's slice of one
 * `Float64Array`, and each slice is summarised in linear time.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import type { EventLog } from './event-log.ts';
import { groupOffsets, PairKeys } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** One edge of the directly-follows graph; times in seconds. */
export interface DirectlyFollowsEdge {
  readonly from: string;
  readonly to: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  /** How many times `to` directly followed `from` in a case. */
  readonly count: number;
  /** Number of cases in which the pair occurs at least once. */
  readonly cases: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90Seconds: number;
  /** Sum of all the times: the waiting this edge contributes to the whole chain. */
  readonly totalSeconds: number;
}

/** Durations grouped by activity pair: pair g has `durations[offsets[g], offsets[g + 1])`. */
interface GroupedPairs {
  readonly pairCount: number;
  readonly fromOf: (pair: number) => number;
  readonly toOf: (pair: number) => number;
  readonly offsets: Uint32Array;
  readonly durations: Float64Array;
  readonly cases: Uint32Array;
}

/** Up to this many activities the pair key a·n + b indexes flat arrays directly. */
const DENSE_ACTIVITIES = 1024;

/** Groups the transitions by pair key a·n + b in flat arrays (few activities). */
function groupDense(log: EventLog, n: number): GroupedPairs {
  const { activity, timestamp, caseIndex, eventCount } = log;
  const counts = new Uint32Array(n * n);
  for (let k = 1; k < eventCount; k++) {
    if (caseIndex[k] === caseIndex[k - 1]) counts[activity[k - 1]! * n + activity[k]!]!++;
  }
  const offsets = groupOffsets(counts, n * n);
  const cursor = offsets.slice(0, n * n);
  const durations = new Float64Array(offsets[n * n]!);
  const cases = new Uint32Array(n * n);
  const lastCase = new Int32Array(n * n).fill(-1);
  for (let k = 1; k < eventCount; k++) {
    const c = caseIndex[k]!;
    if (c !== caseIndex[k - 1]) continue;
    const key = activity[k - 1]! * n + activity[k]!;
    durations[cursor[key]!++] = timestamp[k]! - timestamp[k - 1]!;
    if (lastCase[key] !== c) {
      lastCase[key] = c;
      cases[key]!++;
    }
  }
  return {
    pairCount: n * n,
    fromOf: (pair) => Math.floor(pair / n),
    toOf: (pair) => pair % n,
    offsets,
    durations,
    cases,
  };
}

/** Groups the transitions by pair ids from {@link PairKeys} (many activities). */
function groupSparse(log: EventLog, n: number): GroupedPairs {
  const { activity, timestamp, caseIndex, eventCount } = log;
  const keys = new PairKeys(n);
  for (let k = 1; k < eventCount; k++) {
    if (caseIndex[k] === caseIndex[k - 1]) keys.count(activity[k - 1]!, activity[k]!);
  }
  const offsets = groupOffsets(keys.counts, keys.size);
  const cursor = offsets.slice(0, keys.size);
  const durations = new Float64Array(offsets[keys.size]!);
  const cases = new Uint32Array(keys.size);
  const lastCase = new Int32Array(keys.size).fill(-1);
  for (let k = 1; k < eventCount; k++) {
    const c = caseIndex[k]!;
    if (c !== caseIndex[k - 1]) continue;
    const pair = keys.find(activity[k - 1]!, activity[k]!);
    durations[cursor[pair]!++] = timestamp[k]! - timestamp[k - 1]!;
    if (lastCase[pair] !== c) {
      lastCase[pair] = c;
      cases[pair]!++;
    }
  }
  return {
    pairCount: keys.size,
    fromOf: (pair) => keys.first(pair),
    toOf: (pair) => keys.second(pair),
    offsets,
    durations,
    cases,
  };
}

/** Every directly-follows edge, most frequent first (ties by from, then to, in activity order). */
export function computeDirectlyFollows(log: EventLog): DirectlyFollowsEdge[] {
  const n = log.activityNames.size;
  const grouped = n <= DENSE_ACTIVITIES ? groupDense(log, n) : groupSparse(log, n);
  const { offsets, durations, cases } = grouped;
  const edges: DirectlyFollowsEdge[] = [];
  for (let pair = 0; pair < grouped.pairCount; pair++) {
    if (offsets[pair] === offsets[pair + 1]) continue;
    const stats = summariseValues(durations, offsets[pair], offsets[pair + 1]);
    const fromIndex = grouped.fromOf(pair);
    const toIndex = grouped.toOf(pair);
    edges.push({
      from: log.activityNames.get(fromIndex),
      to: log.activityNames.get(toIndex),
      fromIndex,
      toIndex,
      count: stats.count,
      cases: cases[pair]!,
      meanSeconds: stats.mean / 1000,
      medianSeconds: stats.median / 1000,
      p90Seconds: stats.p90 / 1000,
      totalSeconds: stats.sum / 1000,
    });
  }
  edges.sort((a, b) => b.count - a.count || a.fromIndex - b.fromIndex || a.toIndex - b.toIndex);
  return edges;
}
