/** The headline figures of an event log: how many cases, events and activities, and the period. */
import type { EventLog } from './event-log.ts';

/** Counts and period of an event log; timestamps are epoch ms UTC, `null` for an empty log. */
export interface FlowSummary {
  readonly cases: number;
  readonly events: number;
  readonly activities: number;
  /** Distinct partners named by the events (0 when the input had no partner). */
  readonly partners: number;
  /** Distinct resources named by the events. */
  readonly resources: number;
  readonly firstTimestamp: number | null;
  readonly lastTimestamp: number | null;
}

/** Counts cases, events, activities, partners and resources, and finds the first and last event. */
export function computeSummary(log: EventLog): FlowSummary {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const { timestamp, caseOffsets } = log;
  for (let c = 0; c < log.caseCount; c++) {
    const begin = timestamp[caseOffsets[c]!]!;
    const end = timestamp[caseOffsets[c + 1]! - 1]!;
    if (begin < first) first = begin;
    if (end > last) last = end;
  }
  return {
    cases: log.caseCount,
    events: log.eventCount,
    activities: log.activityNames.size,
    partners: log.partnerNames.size,
    resources: log.resourceNames.size,
    firstTimestamp: log.eventCount === 0 ? null : first,
    lastTimestamp: log.eventCount === 0 ? null : last,
  };
}
