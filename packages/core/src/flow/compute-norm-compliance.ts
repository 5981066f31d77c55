/**
 * Norm compliance: does a case get from A to B within the norm time? A and B are sets of
 * activities — the activities of a link, so a link's norm (the golden hour: from the 112 call to
 * life-saving treatment within 60 minutes) is checked on the events of every partner.
 *
 * The span of a case: t0 is the timestamp of its first event at an activity of A; t1 is the
 * earliest timestamp at or after t0 of an event at an activity of B; the span is t1 − t0 (event
 * times are completion times — the same definition as the process indicators of the governance
 * module). A case with t0 but no t1 has not reached B and is not judged. A case complies when its
 * span is at most the norm.
 *
 * Besides the share that complies, overall, per local month of t0 and per part of the local day
 * of t0, the analysis lists the violating cases and decomposes the spans into segments: the time
 * between consecutive events from t0 to t1 (completion to completion), grouped by the pair of
 * nodes (activities, or links when a grouping is given). For each segment it gives the mean time
 * per violating case and per compliant case; the difference says where violations lose their time.
 * The segment means add up to the mean span of each group.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import type { EventLog } from './event-log.ts';
import { amsterdamDayPartOf, amsterdamMonthOf, DAY_PARTS, formatMonthNumber, type DayPart } from './local-time.ts';
import { summariseValues } from './summarise-values.ts';

/** A norm on a log: from any activity in `fromActivities` to any in `toActivities` within `maxMs`. */
export interface NormDefinition {
  /** Activity indexes of A. */
  readonly fromActivities: readonly number[];
  /** Activity indexes of B. */
  readonly toActivities: readonly number[];
  /** The norm time in milliseconds. */
  readonly maxMs: number;
}

/** How to group activities into the nodes of the segment breakdown (e.g. into links). */
export interface SegmentGrouping {
  /** Node of each activity index. */
  readonly nodeOfActivity: ArrayLike<number>;
  /** Name of each node. */
  readonly nodeNames: readonly string[];
}

/** Compliance counts of one group of cases; `share` is NaN when none was judged. */
export interface ComplianceCount {
  readonly evaluated: number;
  readonly compliant: number;
  readonly share: number;
}

/** Compliance in one local month (of t0). */
export interface MonthlyCompliance extends ComplianceCount {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly medianSeconds: number;
}

/** A case that exceeded the norm. */
export interface NormViolation {
  readonly caseIndex: number;
  readonly caseId: string;
  /** t0 and t1, epoch ms UTC. */
  readonly fromTimestamp: number;
  readonly toTimestamp: number;
  readonly spanSeconds: number;
}

/** Time spent between two consecutive nodes within the spans. */
export interface NormSegment {
  readonly from: string;
  readonly to: string;
  /** Occurrences in violating cases. */
  readonly occurrencesInViolations: number;
  /** Mean seconds per violating case (cases without the segment count as 0). */
  readonly meanSecondsViolating: number;
  /** Mean seconds per compliant case (likewise). */
  readonly meanSecondsCompliant: number;
  /** `meanSecondsViolating − meanSecondsCompliant`: what this segment adds to a violation. */
  readonly extraSeconds: number;
}

/** Everything about one norm. */
export interface NormCompliance extends ComplianceCount {
  readonly maxSeconds: number;
  /** Cases that reached A. */
  readonly casesReachingFrom: number;
  /** Cases that reached A but not B afterwards. */
  readonly notReached: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
  /** In order of month. */
  readonly byMonth: readonly MonthlyCompliance[];
  readonly byDayPart: Readonly<Record<DayPart, ComplianceCount>>;
  /** Longest span first. */
  readonly violations: readonly NormViolation[];
  /** Most extra time first. */
  readonly segments: readonly NormSegment[];
}

function count(evaluated: number, compliant: number): ComplianceCount {
  return { evaluated, compliant, share: evaluated === 0 ? Number.NaN : compliant / evaluated };
}

interface SegmentTally {
  fromNode: number;
  toNode: number;
  occurrencesInViolations: number;
  violatingMs: number;
  compliantMs: number;
}

/** Checks one norm on every case of `log`; see the module comment. */
export function computeNormCompliance(log: EventLog, norm: NormDefinition, grouping?: SegmentGrouping): NormCompliance {
  const { caseOffsets, caseCount, activity, timestamp } = log;
  const isFrom = new Uint8Array(log.activityNames.size);
  const isTo = new Uint8Array(log.activityNames.size);
  for (const a of norm.fromActivities) if (a >= 0 && a < isFrom.length) isFrom[a] = 1;
  for (const a of norm.toActivities) if (a >= 0 && a < isTo.length) isTo[a] = 1;
  const nodeOf = (a: number): number => (grouping === undefined ? a : grouping.nodeOfActivity[a]!);
  const nodeName = (node: number): string =>
    grouping === undefined ? log.activityNames.get(node) : (grouping.nodeNames[node] ?? '');
  const nodeCount = grouping === undefined ? log.activityNames.size : grouping.nodeNames.length;

  const spans: number[] = [];
  const violations: NormViolation[] = [];
  const months = new Map<number, { evaluated: number; compliant: number; spans: number[] }>();
  const parts = DAY_PARTS.map(() => ({ evaluated: 0, compliant: 0 }));
  const segments = new Map<number, SegmentTally>();
  let reachingFrom = 0;
  let compliant = 0;
  for (let c = 0; c < caseCount; c++) {
    const begin = caseOffsets[c]!;
    const end = caseOffsets[c + 1]!;
    let i0 = -1;
    for (let k = begin; k < end; k++) {
      if (isFrom[activity[k]!] === 1) {
        i0 = k;
        break;
      }
    }
    if (i0 < 0) continue;
    reachingFrom++;
    const t0 = timestamp[i0]!;
    // Events are sorted by time: the first B event in position order with ts ≥ t0 has the earliest such ts.
    let j0 = -1;
    for (let k = begin; k < end; k++) {
      if (isTo[activity[k]!] === 1 && timestamp[k]! >= t0) {
        j0 = k;
        break;
      }
    }
    if (j0 < 0) continue;
    const t1 = timestamp[j0]!;
    const span = t1 - t0;
    const ok = span <= norm.maxMs;
    spans.push(span);
    if (ok) compliant++;
    else {
      violations.push({
        caseIndex: c,
        caseId: log.caseIds.get(c),
        fromTimestamp: t0,
        toTimestamp: t1,
        spanSeconds: span / 1000,
      });
    }
    const month = amsterdamMonthOf(t0);
    let bucket = months.get(month);
    if (bucket === undefined) {
      bucket = { evaluated: 0, compliant: 0, spans: [] };
      months.set(month, bucket);
    }
    bucket.evaluated++;
    bucket.spans.push(span);
    if (ok) bucket.compliant++;
    const part = parts[amsterdamDayPartOf(t0)]!;
    part.evaluated++;
    if (ok) part.compliant++;
    for (let k = i0 + 1; k <= j0; k++) {
      const fromNode = nodeOf(activity[k - 1]!);
      const toNode = nodeOf(activity[k]!);
      const key = fromNode * nodeCount + toNode;
      let tally = segments.get(key);
      if (tally === undefined) {
        tally = { fromNode, toNode, occurrencesInViolations: 0, violatingMs: 0, compliantMs: 0 };
        segments.set(key, tally);
      }
      const duration = timestamp[k]! - timestamp[k - 1]!;
      if (ok) tally.compliantMs += duration;
      else {
        tally.violatingMs += duration;
        tally.occurrencesInViolations++;
      }
    }
  }

  const evaluated = spans.length;
  const violating = evaluated - compliant;
  const stats = summariseValues(Float64Array.from(spans));
  const byMonth = [...months.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, bucket]) => ({
      month: formatMonthNumber(month),
      ...count(bucket.evaluated, bucket.compliant),
      medianSeconds: summariseValues(Float64Array.from(bucket.spans)).median / 1000,
    }));
  const byDayPart = {} as Record<DayPart, ComplianceCount>;
  DAY_PARTS.forEach((name, i) => (byDayPart[name] = count(parts[i]!.evaluated, parts[i]!.compliant)));
  const segmentList = [...segments.values()]
    .map((tally) => {
      const meanSecondsViolating = violating === 0 ? 0 : tally.violatingMs / violating / 1000;
      const meanSecondsCompliant = compliant === 0 ? 0 : tally.compliantMs / compliant / 1000;
      return {
        from: nodeName(tally.fromNode),
        to: nodeName(tally.toNode),
        occurrencesInViolations: tally.occurrencesInViolations,
        meanSecondsViolating,
        meanSecondsCompliant,
        extraSeconds: meanSecondsViolating - meanSecondsCompliant,
      };
    })
    .sort((a, b) => b.extraSeconds - a.extraSeconds || b.meanSecondsViolating - a.meanSecondsViolating);
  violations.sort((a, b) => b.spanSeconds - a.spanSeconds || a.caseIndex - b.caseIndex);
  return {
    ...count(evaluated, compliant),
    maxSeconds: norm.maxMs / 1000,
    casesReachingFrom: reachingFrom,
    notReached: reachingFrom - evaluated,
    medianSeconds: stats.median / 1000,
    p90Seconds: stats.p90 / 1000,
    byMonth,
    byDayPart,
    violations,
    segments: segmentList,
  };
}
