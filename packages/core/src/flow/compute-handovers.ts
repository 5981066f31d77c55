/**
 * Handovers between partners: a case moving from one organisation to the next, and the waiting
 * at each organisational boundary.
 *
 * A handover is a pair of consecutive events of one case whose partners are both known and
 * differ. Its waiting time runs from the earlier event's timestamp to the start of the later event
 * (its start timestamp when the log has one, else its timestamp).
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { groupOffsets, PairKeys } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** Handovers from one partner to another; times in seconds. */
export interface Handover {
  readonly from: string;
  readonly to: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly count: number;
  /** Number of cases with at least one such handover. */
  readonly cases: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** 90th percentile, linear interpolation (see `summariseValues`). */
  readonly p90Seconds: number;
  /** Total waiting at this boundary. */
  readonly totalSeconds: number;
}

/** Every partner-to-partner handover, most frequent first; empty when the log names no partners. */
export function computeHandovers(log: EventLog): Handover[] {
  const { partner, caseIndex, timestamp, startTimestamp, eventCount } = log;
  if (partner === null) return [];
  const keys = new PairKeys(log.partnerNames.size);
  for (let k = 1; k < eventCount; k++) {
    const p = partner[k - 1]!;
    const q = partner[k]!;
    if (caseIndex[k] !== caseIndex[k - 1] || p === q || p === NO_INDEX || q === NO_INDEX) continue;
    keys.count(p, q);
  }
  const offsets = groupOffsets(keys.counts, keys.size);
  const cursor = offsets.slice(0, keys.size);
  const waits = new Float64Array(offsets[keys.size]!);
  const cases = new Uint32Array(keys.size);
  const lastCase = new Int32Array(keys.size).fill(-1);
  for (let k = 1; k < eventCount; k++) {
    const p = partner[k - 1]!;
    const q = partner[k]!;
    const c = caseIndex[k]!;
    if (c !== caseIndex[k - 1] || p === q || p === NO_INDEX || q === NO_INDEX) continue;
    const pair = keys.find(p, q);
    const start = startTimestamp === null ? Number.NaN : startTimestamp[k]!;
    waits[cursor[pair]!++] = (Number.isNaN(start) ? timestamp[k]! : start) - timestamp[k - 1]!;
    if (lastCase[pair] !== c) {
      lastCase[pair] = c;
      cases[pair]!++;
    }
  }
  const handovers: Handover[] = [];
  for (let pair = 0; pair < keys.size; pair++) {
    const stats = summariseValues(waits, offsets[pair], offsets[pair + 1]);
    const fromIndex = keys.first(pair);
    const toIndex = keys.second(pair);
    handovers.push({
      from: log.partnerNames.get(fromIndex),
      to: log.partnerNames.get(toIndex),
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
  return handovers.sort((a, b) => b.count - a.count || a.fromIndex - b.fromIndex || a.toIndex - b.toIndex);
}
