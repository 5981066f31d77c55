/**
 * Drop-outs and stalled cases: cases whose last event (as of a moment) is not at an end of the
 * chain and lies more than a given time back. Whether such a case dropped out of the chain or is
 * stuck waiting somewhere, the data cannot tell; either way the chain lost sight of it, and where
 * that happened (the last activity) is what the director needs.
 *
 * Only events up to `asOf` count, so the analysis can be repeated for a moment in the past; cases
 * whose first event is after `asOf` are left out.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import type { EventLog } from './event-log.ts';

/** What counts as stalled. */
export interface StalledCaseOptions {
  /** The moment to judge at, epoch ms UTC (e.g. the last event of the data, or now). */
  readonly asOf: number;
  /** A case is stalled after this long without an event, in milliseconds. */
  readonly idleMs: number;
  /** Activity indexes at which a case has properly ended (e.g. the activities of the end links). */
  readonly endActivities: readonly number[];
}

/** One stalled case. */
export interface StalledCase {
  readonly caseIndex: number;
  readonly caseId: string;
  readonly lastActivity: string;
  readonly lastActivityIndex: number;
  /** Epoch ms UTC of the last event up to `asOf`. */
  readonly lastTimestamp: number;
  readonly idleSeconds: number;
}

/** The result: counts, where cases stalled, and the cases themselves. */
export interface StalledCaseAnalysis {
  /** Cases with at least one event up to `asOf`. */
  readonly cases: number;
  /** Cases whose last event is at an end activity. */
  readonly atEnd: number;
  /** Cases not at an end whose last event is recent: still under way. */
  readonly inProgress: number;
  /** Cases not at an end without an event for at least `idleMs`. */
  readonly stalled: number;
  /** Stalled cases per last activity, most first (ties in activity order). */
  readonly byLastActivity: readonly {
    readonly activity: string;
    readonly activityIndex: number;
    readonly cases: number;
  }[];
  /** Longest idle first. */
  readonly stalledCases: readonly StalledCase[];
}

/** Classifies every case as at an end, in progress or stalled; see the module comment. */
export function computeStalledCases(log: EventLog, options: StalledCaseOptions): StalledCaseAnalysis {
  const { caseOffsets, caseCount, timestamp, activity } = log;
  const isEnd = new Uint8Array(log.activityNames.size);
  for (const a of options.endActivities) if (a >= 0 && a < isEnd.length) isEnd[a] = 1;
  const perActivity = new Uint32Array(log.activityNames.size);
  const stalledCases: StalledCase[] = [];
  let cases = 0;
  let atEnd = 0;
  let inProgress = 0;
  for (let c = 0; c < caseCount; c++) {
    let last = caseOffsets[c + 1]! - 1;
    const first = caseOffsets[c]!;
    while (last >= first && timestamp[last]! > options.asOf) last--;
    if (last < first) continue;
    cases++;
    const a = activity[last]!;
    if (isEnd[a] === 1) {
      atEnd++;
      continue;
    }
    const idle = options.asOf - timestamp[last]!;
    if (idle < options.idleMs) {
      inProgress++;
      continue;
    }
    perActivity[a]!++;
    stalledCases.push({
      caseIndex: c,
      caseId: log.caseIds.get(c),
      lastActivity: log.activityNames.get(a),
      lastActivityIndex: a,
      lastTimestamp: timestamp[last]!,
      idleSeconds: idle / 1000,
    });
  }
  const byLastActivity: { activity: string; activityIndex: number; cases: number }[] = [];
  perActivity.forEach((n, a) => {
    if (n > 0) byLastActivity.push({ activity: log.activityNames.get(a), activityIndex: a, cases: n });
  });
  byLastActivity.sort((x, y) => y.cases - x.cases || x.activityIndex - y.activityIndex);
  stalledCases.sort((x, y) => y.idleSeconds - x.idleSeconds || x.caseIndex - y.caseIndex);
  return { cases, atEnd, inProgress, stalled: stalledCases.length, byLastActivity, stalledCases };
}
