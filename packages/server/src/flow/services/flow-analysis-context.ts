/**
 * What every flow analysis request needs: the cached data set, the chain's links and partners,
 * the caller's small-cell rule, the filtered log at the requested level, and how to name nodes.
 */
import { createHash } from 'node:crypto';
import { DomainError, isSmallCell, notFound, type Link, type Partner } from '@ketenregie/core';
import {
  computeLinkOfActivity,
  computeVariants,
  filterEventLog,
  mapEventLogToLinks,
  parseTimestamp,
  type EventLog,
  type EventLogFilter,
  type LinkActivities,
} from '@ketenregie/core/flow';
import type { Database } from '../../db/database.ts';
import { listLinks } from '../../repositories/link-repository.ts';
import { listPartners } from '../../repositories/partner-repository.ts';
import type { FlowFilterQuery, FlowLevel, FlowNode } from '../schemas/analysis-schemas.ts';
import { getFlowDataset, memoise, type FlowDataset } from './flow-dataset.ts';

/** What the service needs to know about the caller: the chain and whether small cells are withheld. */
export interface FlowAnalysisAccess {
  readonly chainId: string;
  /** Callers with `flow.cases` see every figure. */
  readonly seesCases: boolean;
  readonly smallCellThreshold: number;
}

/** A partner as figures name it. */
export interface PartnerRef {
  readonly id: string;
  readonly key: string;
  readonly name: string;
}

/** The data and settings of one request. */
export interface FlowContext {
  readonly dataset: FlowDataset;
  /** In the order of the primary process. */
  readonly links: readonly Link[];
  readonly partners: readonly Partner[];
  /** Whether a figure over `cases` cases must be withheld from this caller. */
  readonly hides: (cases: number) => boolean;
  readonly access: FlowAnalysisAccess;
}

/** Loads the data set, links and partners of the caller's chain. */
export async function loadFlowContext(db: Database, access: FlowAnalysisAccess): Promise<FlowContext> {
  const [dataset, links, partners] = await Promise.all([
    getFlowDataset(db, access.chainId),
    listLinks(db, access.chainId),
    listPartners(db, access.chainId),
  ]);
  return {
    dataset,
    links,
    partners,
    access,
    hides: (cases) => !access.seesCases && isSmallCell(cases, access.smallCellThreshold),
  };
}

/** A number for JSON: `null` for NaN and infinities. */
export function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** `value` unless the cell is withheld. */
export function shown<T>(ctx: FlowContext, cases: number, value: T): T | null {
  return ctx.hides(cases) ? null : value;
}

/** The partner with this id (as the log names it). */
export function partnerRef(ctx: FlowContext, id: string): PartnerRef {
  const partner = ctx.partners.find((p) => p.id === id);
  return partner === undefined ? { id, key: '', name: id } : { id, key: partner.key, name: partner.name };
}

/** Finds a partner by id or key; `not_found` otherwise. */
export function requirePartner(ctx: FlowContext, ref: string): Partner {
  const partner = ctx.partners.find((p) => p.id === ref || p.key === ref);
  if (partner === undefined) throw notFound('Partner');
  return partner;
}

/** Finds a link by id or key; `not_found` otherwise. */
export function requireLink(ctx: FlowContext, ref: string): Link {
  const link = ctx.links.find((l) => l.id === ref || l.key === ref);
  if (link === undefined) throw notFound('Link');
  return link;
}

/** The links as the core's link mapping takes them (node name = link key). */
export function linkActivities(ctx: FlowContext): LinkActivities[] {
  return ctx.links.map((link) => ({ name: link.key, activities: link.activities }));
}

/** A stable id of an activity sequence: the first 12 hex digits of its SHA-256. */
export function variantId(names: readonly string[]): string {
  return createHash('sha256').update(names.join('\u0000')).digest('hex').slice(0, 12);
}

function parseMoment(text: string, field: string): number {
  const value = parseTimestamp(text);
  if (Number.isNaN(value)) {
    throw new DomainError('validation_failed', `${field} is not a date or moment`, [
      { path: field, message: 'use a date such as 2025-03-01 or an ISO 8601 moment' },
    ]);
  }
  return value;
}

/** Translates the query's filters to the core's, resolving partners and variants. */
export function resolveFilter(ctx: FlowContext, query: FlowFilterQuery): EventLogFilter {
  const filter: {
    period?: { from?: number; to?: number };
    partners?: string[];
    attribute?: EventLogFilter['attribute'];
    variant?: string[];
  } = {};
  if (query.from !== undefined || query.to !== undefined) {
    filter.period = {
      ...(query.from === undefined ? {} : { from: parseMoment(query.from, 'from') }),
      ...(query.to === undefined ? {} : { to: parseMoment(query.to, 'to') }),
    };
  }
  if (query.partnerId !== undefined) filter.partners = [requirePartner(ctx, query.partnerId).id];
  if (query.activity !== undefined) filter.attribute = { name: 'activity', value: query.activity };
  if (query.resource !== undefined) filter.attribute = { name: 'resource', value: query.resource };
  if (query.variant !== undefined) {
    const variants = baseVariants(ctx.dataset);
    const found = variants.find((v) => v.id === query.variant);
    if (found === undefined) {
      throw new DomainError('validation_failed', 'Unknown variant', [
        { path: 'variant', message: 'use the id of a variant from the variants list' },
      ]);
    }
    filter.variant = found.activities;
  }
  return filter;
}

/** The unfiltered activity-level variants with their ids, computed once per data set. */
function baseVariants(dataset: FlowDataset): { id: string; activities: string[] }[] {
  return memoise(dataset, 'variants:base', () =>
    computeVariants(dataset.log).variants.map((v) => ({ id: variantId(v.activities), activities: [...v.activities] })),
  );
}

/** The activity-level log after the filters, computed once per data set and filter. */
export function filteredLog(ctx: FlowContext, filter: EventLogFilter): EventLog {
  return memoise(ctx.dataset, `filter:${JSON.stringify(filter)}`, () => filterEventLog(ctx.dataset.log, filter));
}

/** A log at the requested level with the naming of its nodes. */
export interface LevelView {
  readonly level: FlowLevel;
  readonly log: EventLog;
  /** The activity-level log it was made from (the same log at the activity level). */
  readonly activityLog: EventLog;
  /** The node of each activity/node index of `log`. */
  readonly nodes: readonly FlowNode[];
}

/** The filtered log at a level, with its nodes named. */
export function levelView(ctx: FlowContext, query: FlowFilterQuery, level: FlowLevel): LevelView {
  const filter = resolveFilter(ctx, query);
  const activityLog = filteredLog(ctx, filter);
  const linkOfActivity = computeLinkOfActivity(activityLog, linkActivities(ctx));
  if (level === 'activity') {
    const nodes = activityLog.activityNames.toArray().map((name, a): FlowNode => {
      const link = ctx.links[linkOfActivity[a]!];
      return { id: name, kind: 'activity', name, linkId: link?.id ?? null };
    });
    return { level, log: activityLog, activityLog, nodes };
  }
  const signature = JSON.stringify(linkActivities(ctx));
  const mapped = memoise(ctx.dataset, `links:${signature}:${JSON.stringify(filter)}`, () =>
    mapEventLogToLinks(activityLog, linkActivities(ctx)),
  );
  const nodes = mapped.log.activityNames.toArray().map((name, n): FlowNode => {
    const link = ctx.links[mapped.linkOfNode[n]!];
    return link === undefined
      ? { id: name, kind: 'activity', name, linkId: null }
      : { id: link.key, kind: 'link', name: link.name, linkId: link.id };
  });
  return { level, log: mapped.log, activityLog, nodes };
}

/** Activity indexes of `log` that the link covers. */
export function activitiesOfLink(log: EventLog, link: Link): number[] {
  return link.activities.map((name) => log.activityNames.find(name)).filter((a): a is number => a !== undefined);
}

/** The link a norm is measured from: its `fromLinkId`, else the link just before it. */
export function normStartLink(ctx: FlowContext, link: Link): Link | null {
  if (link.norm === null) return null;
  if (link.norm.fromLinkId !== null) return ctx.links.find((l) => l.id === link.norm!.fromLinkId) ?? null;
  return ctx.links.find((l) => l.position === link.position - 1) ?? null;
}
