/**
 * Everything `ketenregie analyse` reports about one event log, as plain JSON-ready data: the
 * contract of issue 3 (summary, start and end activities, every directly-follows edge, case
 * durations, every variant) plus the partner view (handovers, ping-pong) and rework.
 */
import type { EventLog } from './event-log.ts';
import { computeCaseDurations } from './compute-case-durations.ts';
import { computeDirectlyFollows } from './compute-directly-follows.ts';
import { computeEndActivities, computeStartActivities } from './compute-endpoint-activities.ts';
import { computeHandovers } from './compute-handovers.ts';
import { computePingPong } from './compute-ping-pong.ts';
import { computeRework } from './compute-rework.ts';
import { computeSummary } from './compute-summary.ts';
import { computeVariants } from './compute-variants.ts';

/** The report of one event log; times in seconds, moments as ISO 8601 UTC strings. */
export interface FlowOverview {
  readonly summary: {
    readonly cases: number;
    readonly events: number;
    readonly activities: number;
    readonly partners: number;
    readonly resources: number;
    readonly firstEvent: string | null;
    readonly lastEvent: string | null;
  };
  readonly startActivities: readonly { readonly activity: string; readonly cases: number }[];
  readonly endActivities: readonly { readonly activity: string; readonly cases: number }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly count: number;
    readonly cases: number;
    readonly meanSeconds: number;
    readonly medianSeconds: number;
    readonly p90Seconds: number;
    readonly totalSeconds: number;
  }[];
  readonly caseDurations: { readonly meanSeconds: number; readonly medianSeconds: number; readonly p90Seconds: number };
  readonly variants: readonly {
    readonly activities: readonly string[];
    readonly cases: number;
    readonly share: number;
    readonly medianDurationSeconds: number;
  }[];
  readonly handovers: readonly {
    readonly from: string;
    readonly to: string;
    readonly count: number;
    readonly cases: number;
    readonly meanSeconds: number;
    readonly medianSeconds: number;
    readonly p90Seconds: number;
  }[];
  readonly pingPong: readonly {
    readonly partner: string;
    readonly via: string;
    readonly occurrences: number;
    readonly cases: number;
  }[];
  readonly rework: readonly {
    readonly activity: string;
    readonly casesWithRepetition: number;
    readonly repetitions: number;
    readonly casesBySeveralPartners: number;
  }[];
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Runs every analysis of the overview on `log`. */
export function computeFlowOverview(log: EventLog): FlowOverview {
  const summary = computeSummary(log);
  const durations = computeCaseDurations(log);
  return {
    summary: {
      cases: summary.cases,
      events: summary.events,
      activities: summary.activities,
      partners: summary.partners,
      resources: summary.resources,
      firstEvent: isoOrNull(summary.firstTimestamp),
      lastEvent: isoOrNull(summary.lastTimestamp),
    },
    startActivities: computeStartActivities(log).map(({ activity, cases }) => ({ activity, cases })),
    endActivities: computeEndActivities(log).map(({ activity, cases }) => ({ activity, cases })),
    edges: computeDirectlyFollows(log).map((e) => ({
      from: e.from,
      to: e.to,
      count: e.count,
      cases: e.cases,
      meanSeconds: e.meanSeconds,
      medianSeconds: e.medianSeconds,
      p90Seconds: e.p90Seconds,
      totalSeconds: e.totalSeconds,
    })),
    caseDurations: {
      meanSeconds: durations.meanSeconds,
      medianSeconds: durations.medianSeconds,
      p90Seconds: durations.p90Seconds,
    },
    variants: computeVariants(log).variants.map((v) => ({
      activities: v.activities,
      cases: v.cases,
      share: v.share,
      medianDurationSeconds: v.medianDurationSeconds,
    })),
    handovers: computeHandovers(log).map((h) => ({
      from: h.from,
      to: h.to,
      count: h.count,
      cases: h.cases,
      meanSeconds: h.meanSeconds,
      medianSeconds: h.medianSeconds,
      p90Seconds: h.p90Seconds,
    })),
    pingPong: computePingPong(log).map(({ partner, via, occurrences, cases }) => ({
      partner,
      via,
      occurrences,
      cases,
    })),
    rework: computeRework(log)
      .filter((r) => r.repetitions > 0 || r.casesBySeveralPartners > 0)
      .map((r) => ({
        activity: r.activity,
        casesWithRepetition: r.casesWithRepetition,
        repetitions: r.repetitions,
        casesBySeveralPartners: r.casesBySeveralPartners,
      })),
  };
}
