/**
 * The flow analyses on a chain's stored trajectory data, as the API serves them: the core's pure
 * computations on the cached columnar view, with nodes named as activities or links, partners by
 * name, and small cells withheld from callers without case-level access — also when a filter
 * narrowed a cell down. Routes that return case-level data record the read in the audit log.
 */
import { DomainError, notFound } from '@ketenregie/core';
import {
  computeActivityStatistics,
  computeBottlenecks,
  computeCaseDurations,
  computeHandovers,
  computeLinkOfActivity,
  computeMonthlyTrends,
  computeNormCompliance,
  computePingPong,
  computeRework,
  computeStalledCases,
  computeSummary,
  computeVariants,
  DAY_PARTS,
  NO_INDEX,
  parseTimestamp,
  type DayPart,
  type EventLog,
  type NormCompliance,
  type SegmentGrouping,
  type WaitingFigures,
} from '@ketenregie/core/flow';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/database.ts';
import { recordCaseLevelRead } from '../../services/audit-service.ts';
import type {
  bottlenecksSchema,
  caseTrajectorySchema,
  flowSummarySchema,
  FlowFilterQuery,
  FlowLevel,
  handoversSchema,
  normsSchema,
  normViolationsSchema,
  processMapSchema,
  reworkSchema,
  stalledCaseListSchema,
  stalledQuerySchema,
  stalledSchema,
  trendsSchema,
  variantsSchema,
  waitingFiguresSchema,
} from '../schemas/analysis-schemas.ts';
import {
  activitiesOfLink,
  finite,
  levelView,
  linkActivities,
  loadFlowContext,
  normStartLink,
  partnerRef,
  requireLink,
  resolveFilter,
  filteredLog,
  shown,
  variantId,
  type FlowAnalysisAccess,
  type FlowContext,
} from './flow-analysis-context.ts';

type Out<S extends z.ZodType> = z.output<S>;

const iso = (ms: number): string => new Date(ms).toISOString();

function waiting(ctx: FlowContext, figures: WaitingFigures): Out<typeof waitingFiguresSchema> {
  const hidden = ctx.hides(figures.cases);
  const value = (x: number) => (hidden ? null : finite(x));
  return {
    count: hidden ? null : figures.count,
    cases: hidden ? null : figures.cases,
    totalSeconds: value(figures.totalSeconds),
    meanSeconds: value(figures.meanSeconds),
    medianSeconds: value(figures.medianSeconds),
    p90Seconds: value(figures.p90Seconds),
    suppressed: hidden,
  };
}

/** The headline figures of the (filtered) data set. */
export async function getFlowSummary(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery,
): Promise<Out<typeof flowSummarySchema>> {
  const ctx = await loadFlowContext(db, access);
  const log = filteredLog(ctx, resolveFilter(ctx, query));
  const summary = computeSummary(log);
  const durations = computeCaseDurations(log);
  const hidden = ctx.hides(log.caseCount);
  const perPartner = new Map<number, { events: number; cases: Set<number> }>();
  for (let k = 0; k < log.eventCount; k++) {
    const p = log.partner === null ? NO_INDEX : log.partner[k]!;
    let entry = perPartner.get(p);
    if (entry === undefined) {
      entry = { events: 0, cases: new Set() };
      perPartner.set(p, entry);
    }
    entry.events++;
    entry.cases.add(log.caseIndex[k]!);
  }
  const linkOfActivity = computeLinkOfActivity(log, linkActivities(ctx));
  const unmapped = log.activityNames.toArray().filter((_, a) => linkOfActivity[a] === -1);
  const warnings: string[] = [];
  if (ctx.dataset.keyVersions.length > 1) {
    warnings.push(
      `The imports were pseudonymised with different key versions (${ctx.dataset.keyVersions.join(', ')}): cases are not linked across them`,
    );
  }
  if (unmapped.length > 0) {
    warnings.push(`${unmapped.length} activities are not covered by any link of the chain`);
  }
  const time = (x: number) => (hidden ? null : finite(x));
  return {
    datasetVersion: ctx.dataset.version,
    imports: ctx.dataset.imports,
    cases: hidden ? null : summary.cases,
    events: hidden ? null : summary.events,
    activities: summary.activities,
    partners: summary.partners,
    firstEvent: hidden || summary.firstTimestamp === null ? null : iso(summary.firstTimestamp),
    lastEvent: hidden || summary.lastTimestamp === null ? null : iso(summary.lastTimestamp),
    caseDurations: {
      meanSeconds: time(durations.meanSeconds),
      medianSeconds: time(durations.medianSeconds),
      p90Seconds: time(durations.p90Seconds),
    },
    perPartner: [...perPartner.entries()].map(([p, entry]) => {
      const partnerHidden = ctx.hides(entry.cases.size);
      return {
        partner: p === NO_INDEX ? null : partnerRef(ctx, log.partnerNames.get(p)),
        events: partnerHidden ? null : entry.events,
        cases: partnerHidden ? null : entry.cases.size,
        suppressed: partnerHidden,
      };
    }),
    unmappedActivities: unmapped,
    keyVersions: [...ctx.dataset.keyVersions],
    warnings,
    smallCellThreshold: access.smallCellThreshold,
    suppression: !access.seesCases,
  };
}

/** The process map: nodes with frequencies and service times, edges with waiting times. */
export async function getProcessMap(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery & { readonly level: FlowLevel },
): Promise<Out<typeof processMapSchema>> {
  const ctx = await loadFlowContext(db, access);
  const view = levelView(ctx, query, query.level);
  const hidden = ctx.hides(view.log.caseCount);
  return {
    level: view.level,
    cases: hidden ? null : view.log.caseCount,
    events: hidden ? null : view.activityLog.eventCount,
    nodes: computeActivityStatistics(view.log).map((stats) => {
      const nodeHidden = ctx.hides(stats.cases);
      const service = stats.serviceTime;
      return {
        node: view.nodes[stats.activityIndex]!,
        events: nodeHidden ? null : stats.events,
        cases: nodeHidden ? null : stats.cases,
        startCases: shown(ctx, stats.startCases, stats.startCases),
        endCases: shown(ctx, stats.endCases, stats.endCases),
        serviceTime:
          nodeHidden || service === null
            ? null
            : {
                count: service.count,
                meanSeconds: finite(service.meanSeconds),
                medianSeconds: finite(service.medianSeconds),
                p90Seconds: finite(service.p90Seconds),
                source: service.source,
              },
        suppressed: nodeHidden,
      };
    }),
    edges: computeBottlenecks(view.log).map((edge) => ({
      ...waiting(ctx, edge),
      from: view.nodes[edge.fromIndex]!.id,
      to: view.nodes[edge.toIndex]!.id,
    })),
  };
}

/** Norm results of every link with a norm, on an activity-level log, segments grouped by link. */
function computeLinkNorms(
  ctx: FlowContext,
  log: EventLog,
): { link: FlowContext['links'][number]; from: FlowContext['links'][number]; result: NormCompliance }[] {
  const linkOfActivity = computeLinkOfActivity(log, linkActivities(ctx));
  const nodeNames = [...ctx.links.map((l) => l.key)];
  const nodeOfActivity = Array.from(linkOfActivity, (link, a) => {
    if (link >= 0) return link;
    nodeNames.push(log.activityNames.get(a));
    return nodeNames.length - 1;
  });
  const grouping: SegmentGrouping = { nodeOfActivity, nodeNames };
  const results = [];
  for (const link of ctx.links) {
    const from = normStartLink(ctx, link);
    if (link.norm === null || from === null) continue;
    results.push({
      link,
      from,
      result: computeNormCompliance(
        log,
        {
          fromActivities: activitiesOfLink(log, from),
          toActivities: activitiesOfLink(log, link),
          maxMs: link.norm.maxMinutes * 60_000,
        },
        grouping,
      ),
    });
  }
  return results;
}

/** Segments that add time to violations, most first, at most ten. */
function topSegments(result: NormCompliance): NormCompliance['segments'][number][] {
  return result.segments.filter((s) => s.extraSeconds > 0).slice(0, 10);
}

/** Edges whose slowest part of the day waits at least this many times as long as the fastest are listed. */
const TIME_OF_DAY_RATIO = 1.5;

/** The bottleneck ranking, and per norm where violating cases lose their time. */
export async function getBottlenecks(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery & { readonly level: FlowLevel },
): Promise<Out<typeof bottlenecksSchema>> {
  const ctx = await loadFlowContext(db, access);
  const view = levelView(ctx, query, query.level);
  const all = computeBottlenecks(view.log);
  const visible = all.filter((edge) => !ctx.hides(edge.cases));
  const norms = computeLinkNorms(ctx, view.activityLog).map(({ link, result }) => {
    const violating = result.evaluated - result.compliant;
    const hidden = ctx.hides(violating);
    return {
      linkId: link.id,
      linkName: link.name,
      violating: hidden ? null : violating,
      segments: hidden ? [] : topSegments(result),
    };
  });
  const timeOfDay = visible
    .filter((edge) => edge.timeOfDayRatio >= TIME_OF_DAY_RATIO && edge.slowestDayPart !== null)
    .sort((a, b) => b.timeOfDayRatio - a.timeOfDayRatio || b.timeOfDayExcessSeconds - a.timeOfDayExcessSeconds)
    .slice(0, 10)
    .map((edge, i) => ({
      rank: i + 1,
      from: view.nodes[edge.fromIndex]!,
      to: view.nodes[edge.toIndex]!,
      ratio: edge.timeOfDayRatio,
      slowestDayPart: edge.slowestDayPart ?? 'day',
      excessSeconds: edge.timeOfDayExcessSeconds,
    }));
  return {
    level: view.level,
    timeOfDay,
    edges: visible.map((edge, i) => {
      const byDayPart = {} as Record<DayPart, Out<typeof waitingFiguresSchema>>;
      for (const part of DAY_PARTS) byDayPart[part] = waiting(ctx, edge.byDayPart[part]);
      return {
        ...waiting(ctx, edge),
        rank: i + 1,
        from: view.nodes[edge.fromIndex]!,
        to: view.nodes[edge.toIndex]!,
        shareOfWaiting: finite(edge.shareOfWaiting),
        handovers: edge.handovers,
        byDayPart,
        timeOfDayExcessSeconds: finite(edge.timeOfDayExcessSeconds),
        timeOfDayRatio: edge.timeOfDayRatio,
        slowestDayPart: edge.slowestDayPart,
      };
    }),
    suppressedEdges: all.length - visible.length,
    norms,
  };
}

/** The partner × partner handover matrix with the waiting at each boundary, and ping-pong. */
export async function getHandovers(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery,
): Promise<Out<typeof handoversSchema>> {
  const ctx = await loadFlowContext(db, access);
  const log = filteredLog(ctx, resolveFilter(ctx, query));
  const ref = (index: number) => partnerRef(ctx, log.partnerNames.get(index));
  return {
    partners: log.partnerNames.toArray().map((id) => partnerRef(ctx, id)),
    cells: computeHandovers(log).map((h) => ({
      ...waiting(ctx, h),
      from: ref(h.fromIndex),
      to: ref(h.toIndex),
    })),
    pingPong: computePingPong(log).map((p) => ({
      partner: ref(p.partnerIndex),
      via: ref(p.viaIndex),
      occurrences: shown(ctx, p.cases, p.occurrences),
      cases: shown(ctx, p.cases, p.cases),
      suppressed: ctx.hides(p.cases),
    })),
  };
}

/** Rework per activity (or link) and work done twice by several partners. */
export async function getRework(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery & { readonly level: FlowLevel },
): Promise<Out<typeof reworkSchema>> {
  const ctx = await loadFlowContext(db, access);
  const view = levelView(ctx, query, query.level);
  return {
    activities: computeRework(view.log)
      .filter((r) => r.executions > 0)
      .map((r) => {
        // Any non-zero cell over fewer cases than the threshold hides the row (zero reveals nothing).
        const hidden = [r.casesWithRepetition, r.casesBySeveralPartners].some((cases) => ctx.hides(cases));
        return {
          node: view.nodes[r.activityIndex]!,
          executions: hidden ? null : r.executions,
          casesWithRepetition: hidden ? null : r.casesWithRepetition,
          repetitions: hidden ? null : r.repetitions,
          casesBySeveralPartners: hidden ? null : r.casesBySeveralPartners,
          suppressed: hidden,
        };
      }),
  };
}

function compliance(ctx: FlowContext, evaluated: number, compliant: number) {
  const hidden = ctx.hides(evaluated);
  return {
    evaluated: hidden ? null : evaluated,
    compliant: hidden ? null : compliant,
    share: hidden || evaluated === 0 ? null : compliant / evaluated,
    suppressed: hidden,
  };
}

/** Norm compliance of every link with a norm: overall, per month, per part of the day, and where time is lost. */
export async function getNormCompliance(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery,
): Promise<Out<typeof normsSchema>> {
  const ctx = await loadFlowContext(db, access);
  const log = filteredLog(ctx, resolveFilter(ctx, query));
  return {
    norms: computeLinkNorms(ctx, log).map(({ link, from, result }) => {
      const overall = compliance(ctx, result.evaluated, result.compliant);
      const violating = result.evaluated - result.compliant;
      const byDayPart = {} as Record<DayPart, ReturnType<typeof compliance>>;
      for (const part of DAY_PARTS) {
        byDayPart[part] = compliance(ctx, result.byDayPart[part].evaluated, result.byDayPart[part].compliant);
      }
      return {
        ...overall,
        linkId: link.id,
        linkName: link.name,
        fromLinkId: from.id,
        fromLinkName: from.name,
        maxMinutes: link.norm?.maxMinutes ?? 0,
        description: link.norm?.description ?? '',
        casesReachingFrom: shown(ctx, result.casesReachingFrom, result.casesReachingFrom),
        notReached: shown(ctx, result.notReached, result.notReached),
        violating: shown(ctx, violating, violating),
        medianSeconds: overall.suppressed ? null : finite(result.medianSeconds),
        p90Seconds: overall.suppressed ? null : finite(result.p90Seconds),
        byMonth: result.byMonth.map((m) => {
          const month = compliance(ctx, m.evaluated, m.compliant);
          return { ...month, month: m.month, medianSeconds: month.suppressed ? null : finite(m.medianSeconds) };
        }),
        byDayPart,
        segments: ctx.hides(violating) ? [] : topSegments(result),
      };
    }),
  };
}

/** The cases that violated a link's norm, longest first (case-level data: recorded in the audit log). */
export async function listNormViolations(
  db: Database,
  access: FlowAnalysisAccess,
  actor: Actor,
  linkRef: string,
  query: FlowFilterQuery & { readonly limit: number },
): Promise<Out<typeof normViolationsSchema>> {
  const ctx = await loadFlowContext(db, access);
  const link = requireLink(ctx, linkRef);
  const result = computeLinkNorms(ctx, filteredLog(ctx, resolveFilter(ctx, query))).find((n) => n.link.id === link.id);
  if (result === undefined || link.norm === null) {
    throw new DomainError('not_found', 'This link has no norm to check');
  }
  const cases = result.result.violations.slice(0, query.limit);
  await recordCaseLevelRead(db, actor, access.chainId, 'norm_violations', {
    linkId: link.id,
    cases: cases.length,
  });
  return {
    linkId: link.id,
    maxMinutes: link.norm.maxMinutes,
    total: result.result.violations.length,
    cases: cases.map((v) => ({
      caseId: v.caseId,
      fromTimestamp: iso(v.fromTimestamp),
      toTimestamp: iso(v.toTimestamp),
      spanSeconds: v.spanSeconds,
    })),
  };
}

/** The variants, most cases first; small variants are withheld entirely from callers without case access. */
export async function getVariants(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery & { readonly level: FlowLevel; readonly limit: number },
): Promise<Out<typeof variantsSchema>> {
  const ctx = await loadFlowContext(db, access);
  const view = levelView(ctx, query, query.level);
  const durations = computeCaseDurations(view.activityLog).perCaseMs;
  const { variants } = computeVariants(view.log, durations);
  const listed = variants.filter((v) => !ctx.hides(v.cases)).slice(0, query.limit);
  const otherCases = view.log.caseCount - listed.reduce((sum, v) => sum + v.cases, 0);
  return {
    level: view.level,
    totalCases: shown(ctx, view.log.caseCount, view.log.caseCount),
    variants: listed.map((v) => {
      const nodes = v.activityIndexes.map((a) => view.nodes[a]!.id);
      return {
        id: variantId(query.level === 'activity' ? v.activities : nodes),
        rank: variants.indexOf(v) + 1,
        nodes,
        cases: v.cases,
        share: v.share,
        medianDurationSeconds: finite(v.medianDurationSeconds),
      };
    }),
    otherVariants: { variants: variants.length - listed.length, cases: shown(ctx, otherCases, otherCases) },
  };
}

/** Per local month: cases started, events, and throughput of the cases started in it. */
export async function getTrends(
  db: Database,
  access: FlowAnalysisAccess,
  query: FlowFilterQuery,
): Promise<Out<typeof trendsSchema>> {
  const ctx = await loadFlowContext(db, access);
  const log = filteredLog(ctx, resolveFilter(ctx, query));
  return {
    months: computeMonthlyTrends(log).map((m) => {
      const hidden = ctx.hides(m.casesStarted);
      return {
        month: m.month,
        casesStarted: hidden ? null : m.casesStarted,
        events: hidden ? null : m.events,
        meanThroughputSeconds: hidden ? null : finite(m.meanThroughputSeconds),
        medianThroughputSeconds: hidden ? null : finite(m.medianThroughputSeconds),
        p90ThroughputSeconds: hidden ? null : finite(m.p90ThroughputSeconds),
        suppressed: hidden,
      };
    }),
  };
}

type StalledQuery = Out<typeof stalledQuerySchema>;

function stalledAnalysis(ctx: FlowContext, query: StalledQuery) {
  const log = filteredLog(ctx, resolveFilter(ctx, query));
  const endLinks =
    query.endLinkIds === undefined
      ? ctx.links.slice(-1)
      : query.endLinkIds
          .split(',')
          .map((ref) => ref.trim())
          .filter((ref) => ref !== '')
          .map((ref) => requireLink(ctx, ref));
  let asOf: number | null;
  if (query.asOf !== undefined) {
    asOf = parseTimestamp(query.asOf);
    if (Number.isNaN(asOf)) {
      throw new DomainError('validation_failed', 'asOf is not a date or moment', [
        { path: 'asOf', message: 'use a date such as 2025-03-01 or an ISO 8601 moment' },
      ]);
    }
  } else {
    const summary = computeSummary(log);
    asOf = summary.lastTimestamp;
  }
  const result =
    asOf === null
      ? null
      : computeStalledCases(log, {
          asOf,
          idleMs: query.days * 86_400_000,
          endActivities: endLinks.flatMap((link) => activitiesOfLink(log, link)),
        });
  return { log, endLinks, asOf, result };
}

/** Drop-outs and stalled cases, in aggregate: how many and at which activity they were last seen. */
export async function getStalledCases(
  db: Database,
  access: FlowAnalysisAccess,
  query: StalledQuery,
): Promise<Out<typeof stalledSchema>> {
  const ctx = await loadFlowContext(db, access);
  const { log, endLinks, asOf, result } = stalledAnalysis(ctx, query);
  const linkOfActivity = computeLinkOfActivity(log, linkActivities(ctx));
  const count = (n: number | undefined) => (n === undefined ? 0 : n);
  return {
    asOf: asOf === null ? null : iso(asOf),
    days: query.days,
    endLinks: endLinks.map((l) => ({ id: l.id, key: l.key, name: l.name })),
    cases: shown(ctx, count(result?.cases), count(result?.cases)),
    atEnd: shown(ctx, count(result?.atEnd), count(result?.atEnd)),
    inProgress: shown(ctx, count(result?.inProgress), count(result?.inProgress)),
    stalled: shown(ctx, count(result?.stalled), count(result?.stalled)),
    byLastNode: (result?.byLastActivity ?? []).map((entry) => ({
      node: {
        id: entry.activity,
        kind: 'activity' as const,
        name: entry.activity,
        linkId: ctx.links[linkOfActivity[entry.activityIndex]!]?.id ?? null,
      },
      cases: shown(ctx, entry.cases, entry.cases),
      suppressed: ctx.hides(entry.cases),
    })),
  };
}

/** The stalled cases themselves (case-level data: recorded in the audit log). */
export async function listStalledCases(
  db: Database,
  access: FlowAnalysisAccess,
  actor: Actor,
  query: StalledQuery,
): Promise<Out<typeof stalledCaseListSchema>> {
  const ctx = await loadFlowContext(db, access);
  const { result } = stalledAnalysis(ctx, query);
  const cases = (result?.stalledCases ?? []).slice(0, query.limit);
  await recordCaseLevelRead(db, actor, access.chainId, 'stalled_cases', { cases: cases.length, days: query.days });
  return {
    total: result?.stalled ?? 0,
    cases: cases.map((c) => ({
      caseId: c.caseId,
      lastActivity: c.lastActivity,
      lastTimestamp: iso(c.lastTimestamp),
      idleSeconds: c.idleSeconds,
    })),
  };
}

/** Every event of one case, from all partners (case-level data: recorded in the audit log). */
export async function getCaseTrajectory(
  db: Database,
  access: FlowAnalysisAccess,
  actor: Actor,
  caseId: string,
): Promise<Out<typeof caseTrajectorySchema>> {
  const ctx = await loadFlowContext(db, access);
  const log = ctx.dataset.log;
  const c = log.caseIds.find(caseId);
  if (c === undefined) throw notFound('Case');
  await recordCaseLevelRead(db, actor, access.chainId, 'case', { caseId });
  const linkOfActivity = computeLinkOfActivity(log, linkActivities(ctx));
  const events = [];
  for (let k = log.caseOffsets[c]!; k < log.caseOffsets[c + 1]!; k++) {
    const a = log.activity[k]!;
    const link = ctx.links[linkOfActivity[a]!];
    const p = log.partner === null ? NO_INDEX : log.partner[k]!;
    const r = log.resource === null ? NO_INDEX : log.resource[k]!;
    const l = log.lifecycle === null ? NO_INDEX : log.lifecycle[k]!;
    const start = log.startTimestamp === null ? Number.NaN : log.startTimestamp[k]!;
    events.push({
      activity: log.activityNames.get(a),
      link: link === undefined ? null : { id: link.id, key: link.key, name: link.name },
      partner: p === NO_INDEX ? null : partnerRef(ctx, log.partnerNames.get(p)),
      timestamp: iso(log.timestamp[k]!),
      startTimestamp: Number.isNaN(start) ? null : iso(start),
      resource: r === NO_INDEX ? null : log.resourceNames.get(r),
      lifecycle: l === NO_INDEX ? null : log.lifecycleNames.get(l),
    });
  }
  return { caseId, events };
}
