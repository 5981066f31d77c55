/**
 * Where cases begin and end: the activity of each case's first and of its last event, with the
 * number of cases. Together with the directly-follows edges this is the whole process map.
 */
import type { EventLog } from './event-log.ts';

/** An activity with a number of cases. */
export interface ActivityCases {
  readonly activity: string;
  readonly activityIndex: number;
  readonly cases: number;
}

function countAt(log: EventLog, atEnd: boolean): ActivityCases[] {
  const counts = new Uint32Array(log.activityNames.size);
  const { activity, caseOffsets } = log;
  for (let c = 0; c < log.caseCount; c++) {
    counts[activity[atEnd ? caseOffsets[c + 1]! - 1 : caseOffsets[c]!]!]!++;
  }
  const result: ActivityCases[] = [];
  for (let a = 0; a < counts.length; a++) {
    if (counts[a]! > 0) result.push({ activity: log.activityNames.get(a), activityIndex: a, cases: counts[a]! });
  }
  return result.sort((x, y) => y.cases - x.cases || x.activityIndex - y.activityIndex);
}

/** The first activity of every case, counted; most cases first, ties in activity order. */
export function computeStartActivities(log: EventLog): ActivityCases[] {
  return countAt(log, false);
}

/** The last activity of every case, counted; most cases first, ties in activity order. */
export function computeEndActivities(log: EventLog): ActivityCases[] {
  return countAt(log, true);
}
