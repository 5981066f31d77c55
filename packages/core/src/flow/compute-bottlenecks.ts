/**
 * The bottleneck ranking: for every directly-follows pair a → b, the waiting it contributes to the
 * whole chain, ranked by the total.
 *
 * The waiting of one occurrence runs from the completion of a (its timestamp) to the start of b:
 * b's start timestamp when the log has one, else b's timestamp. On a link-level log (see
 * `mapEventLogToLinks`) that is the waiting between two links, without the service time inside
 * either. Each edge reports the total, mean, median and 90th percentile, its share of all waiting,
 * and the same figures per part of the local day in which the waiting began (`DAY_PARTS`), so a
 * wait that only grows at night — an on-call team that must come in — stands out.
 *
 * That time-of-day effect is also measured over the parts of the day with enough occurrences: the
 * ratio of the highest to the lowest median wait (each plus one minute, so that waits of seconds
 * do not make large ratios), and the excess — the sum over parts of occurrences × (median of the
 * part − lowest median). An edge whose waiting depends on the clock has a high ratio even when its
 * total is modest: a capacity problem with a schedule.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { amsterdamDayPartOf, DAY_PARTS, type DayPart } from './local-time.ts';
import { groupOffsets, PairKeys } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** Waiting figures of one group of occurrences, in seconds; NaN statistics when there are none. */
export interface WaitingFigures {
  readonly count: number;
  /** Number of cases with at least one occurrence. */
  readonly cases: number;
  readonly totalSeconds: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90Seconds: number;
}

/** One edge of the ranking. */
export interface Bottleneck extends WaitingFigures {
  readonly from: string;
  readonly to: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  /** Position in the ranking, 1 = most waiting in total. */
  readonly rank: number;
  /** This edge's total waiting divided by the waiting of all edges (0 when there is none). */
  readonly shareOfWaiting: number;
  /** Occurrences where the two events belong to different known partners (an organisational boundary). */
  readonly handovers: number;
  /** The waiting by the part of the local day in which it began. */
  readonly byDayPart: Readonly<Record<DayPart, WaitingFigures>>;
  /** Waiting above the best part of the day, in seconds (see the module comment); 0 without a comparison. */
  readonly timeOfDayExcessSeconds: number;
  /** Highest over lowest median wait of the parts of the day (each + 60 s); 1 without a comparison. */
  readonly timeOfDayRatio: number;
  /** The part of the day with the highest median wait, when two or more parts could be compared. */
  readonly slowestDayPart: DayPart | null;
}

/** Options of {@link computeBottlenecks}. */
export interface BottleneckOptions {
  /** A part of the day takes part in the time-of-day comparison from this many occurrences; default 10. */
  readonly minimumPerDayPart?: number;
}

/** Waiting time from event `k − 1` to event `k` of the same case, in milliseconds. */
function waitingMs(log: EventLog, k: number): number {
  const start = log.startTimestamp === null ? Number.NaN : log.startTimestamp[k]!;
  return (Number.isNaN(start) ? log.timestamp[k]! : start) - log.timestamp[k - 1]!;
}

function figures(values: Float64Array, from: number, to: number, cases: number): WaitingFigures {
  const stats = summariseValues(values, from, to);
  return {
    count: stats.count,
    cases,
    totalSeconds: stats.sum / 1000,
    meanSeconds: stats.mean / 1000,
    medianSeconds: stats.median / 1000,
    p90Seconds: stats.p90 / 1000,
  };
}

/** Every directly-follows edge with its waiting, most total waiting first (ties: most occurrences). */
export function computeBottlenecks(log: EventLog, options: BottleneckOptions = {}): Bottleneck[] {
  const minimumPerDayPart = options.minimumPerDayPart ?? 10;
  const { activity, caseIndex, eventCount, timestamp, partner } = log;
  const parts = DAY_PARTS.length;
  const keys = new PairKeys(log.activityNames.size);
  for (let k = 1; k < eventCount; k++) {
    if (caseIndex[k] === caseIndex[k - 1]) keys.count(activity[k - 1]!, activity[k]!);
  }
  const pairCount = keys.size;
  // Group g = pair·parts + dayPart, so one pass fills every edge's slice per day part.
  const groupCounts = new Uint32Array(pairCount * parts);
  const pairOf = new Uint32Array(eventCount);
  const partOf = new Uint8Array(eventCount);
  for (let k = 1; k < eventCount; k++) {
    if (caseIndex[k] !== caseIndex[k - 1]) continue;
    const pair = keys.find(activity[k - 1]!, activity[k]!);
    const part = amsterdamDayPartOf(timestamp[k - 1]!);
    pairOf[k] = pair;
    partOf[k] = part;
    groupCounts[pair * parts + part]!++;
  }
  const offsets = groupOffsets(groupCounts, pairCount * parts);
  const cursor = offsets.slice(0, pairCount * parts);
  const waits = new Float64Array(offsets[pairCount * parts]!);
  const cases = new Uint32Array(pairCount);
  const partCases = new Uint32Array(pairCount * parts);
  const lastCase = new Int32Array(pairCount).fill(-1);
  const lastPartCase = new Int32Array(pairCount * parts).fill(-1);
  const handovers = new Uint32Array(pairCount);
  for (let k = 1; k < eventCount; k++) {
    const c = caseIndex[k]!;
    if (c !== caseIndex[k - 1]) continue;
    const pair = pairOf[k]!;
    const group = pair * parts + partOf[k]!;
    waits[cursor[group]!++] = waitingMs(log, k);
    if (lastCase[pair] !== c) {
      lastCase[pair] = c;
      cases[pair]!++;
    }
    if (lastPartCase[group] !== c) {
      lastPartCase[group] = c;
      partCases[group]!++;
    }
    if (partner !== null) {
      const p = partner[k - 1]!;
      const q = partner[k]!;
      if (p !== q && p !== NO_INDEX && q !== NO_INDEX) handovers[pair]!++;
    }
  }

  const edges: Omit<Bottleneck, 'rank' | 'shareOfWaiting'>[] = [];
  let allWaiting = 0;
  for (let pair = 0; pair < pairCount; pair++) {
    const first = offsets[pair * parts]!;
    const last = offsets[(pair + 1) * parts]!;
    const byDayPart = {} as Record<DayPart, WaitingFigures>;
    DAY_PARTS.forEach((name, part) => {
      const group = pair * parts + part;
      byDayPart[name] = figures(waits, offsets[group]!, offsets[group + 1]!, partCases[group]!);
    });
    // The day-part slices are summarised (reordered) already; the edge as a whole reads all of them.
    const total = figures(waits, first, last, cases[pair]!);
    const compared = DAY_PARTS.filter((name) => byDayPart[name].count >= minimumPerDayPart);
    let timeOfDayExcessSeconds = 0;
    let timeOfDayRatio = 1;
    let slowestDayPart: DayPart | null = null;
    if (compared.length >= 2) {
      const lowest = Math.min(...compared.map((name) => byDayPart[name].medianSeconds));
      let highest = Number.NEGATIVE_INFINITY;
      for (const name of compared) {
        const part = byDayPart[name];
        timeOfDayExcessSeconds += part.count * (part.medianSeconds - lowest);
        if (part.medianSeconds > highest) {
          highest = part.medianSeconds;
          slowestDayPart = name;
        }
      }
      timeOfDayRatio = (highest + 60) / (lowest + 60);
    }
    allWaiting += total.totalSeconds;
    const fromIndex = keys.first(pair);
    const toIndex = keys.second(pair);
    edges.push({
      ...total,
      from: log.activityNames.get(fromIndex),
      to: log.activityNames.get(toIndex),
      fromIndex,
      toIndex,
      handovers: handovers[pair]!,
      byDayPart,
      timeOfDayExcessSeconds,
      timeOfDayRatio,
      slowestDayPart,
    });
  }
  edges.sort(
    (a, b) =>
      b.totalSeconds - a.totalSeconds || b.count - a.count || a.fromIndex - b.fromIndex || a.toIndex - b.toIndex,
  );
  return edges.map((edge, i) => ({
    ...edge,
    rank: i + 1,
    shareOfWaiting: allWaiting > 0 ? edge.totalSeconds / allWaiting : 0,
  }));
}
