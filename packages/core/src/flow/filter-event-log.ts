/**
 * Filters on an event log: a period, partners, an attribute value and a variant. The result is a
 * new, smaller {@link EventLog} on which every analysis runs unchanged, so a filtered process map,
 * bottleneck ranking or norm compliance is computed exactly like an unfiltered one.
 *
 * Case filters (period, attribute, variant) keep or drop whole cases, judged on all their events;
 * the partner filter then keeps only the events of the chosen partners (a partner's own part of
 * the chain), and a case left without events drops out. The filtered log gets compact
 * dictionaries of the activities, partners, resources and lifecycles it still uses, so counts such
 * as the number of activities are those of the filtered data; events keep their order and their
 * position in the input (`fileOrder`).
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { StringPool, type Dictionary } from './string-pool.ts';

/** Attributes an attribute filter can test. */
export const FILTER_ATTRIBUTES = ['activity', 'partner', 'resource', 'lifecycle'] as const;

/** One of {@link FILTER_ATTRIBUTES}. */
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];

/** What to keep; absent parts do not filter. */
export interface EventLogFilter {
  /** Cases whose first event lies in `[from, to)`, epoch ms; either bound may be absent. */
  readonly period?: { readonly from?: number | undefined; readonly to?: number | undefined } | undefined;
  /** Only the events of these partners (names as in the log's partner dictionary). */
  readonly partners?: readonly string[] | undefined;
  /** Cases with at least one event whose attribute has this value. */
  readonly attribute?: { readonly name: FilterAttribute; readonly value: string } | undefined;
  /** Cases that follow exactly this sequence of activities. */
  readonly variant?: readonly string[] | undefined;
}

/** Whether the filter keeps everything. */
export function isEmptyFilter(filter: EventLogFilter): boolean {
  return (
    (filter.period === undefined || (filter.period.from === undefined && filter.period.to === undefined)) &&
    filter.partners === undefined &&
    filter.attribute === undefined &&
    filter.variant === undefined
  );
}

/** A dictionary of some entries of another, renumbered 0, 1, 2, … (the case ids of a filtered log). */
class SubsetDictionary implements Dictionary {
  private lookup: Map<string, number> | null = null;

  constructor(
    private readonly base: Dictionary,
    private readonly indexes: Uint32Array,
  ) {}

  get size(): number {
    return this.indexes.length;
  }

  get(index: number): string {
    if (index < 0 || index >= this.indexes.length) throw new RangeError(`no string with index ${index}`);
    return this.base.get(this.indexes[index]!);
  }

  find(value: string): number | undefined {
    if (this.lookup === null) {
      this.lookup = new Map();
      for (let i = 0; i < this.indexes.length; i++) this.lookup.set(this.base.get(this.indexes[i]!), i);
    }
    return this.lookup.get(value);
  }

  toArray(): string[] {
    return Array.from(this.indexes, (i) => this.base.get(i));
  }
}

function columnOf(log: EventLog, name: FilterAttribute): { column: Uint32Array | null; names: Dictionary } {
  switch (name) {
    case 'activity':
      return { column: log.activity, names: log.activityNames };
    case 'partner':
      return { column: log.partner, names: log.partnerNames };
    case 'resource':
      return { column: log.resource, names: log.resourceNames };
    case 'lifecycle':
      return { column: log.lifecycle, names: log.lifecycleNames };
  }
}

/** Marks the cases that pass the case filters (period, attribute, variant). */
function selectCases(log: EventLog, filter: EventLogFilter): Uint8Array {
  const { caseOffsets, caseCount, timestamp, activity } = log;
  const keep = new Uint8Array(caseCount).fill(1);
  const from = filter.period?.from ?? Number.NEGATIVE_INFINITY;
  const to = filter.period?.to ?? Number.POSITIVE_INFINITY;
  if (from !== Number.NEGATIVE_INFINITY || to !== Number.POSITIVE_INFINITY) {
    for (let c = 0; c < caseCount; c++) {
      const first = timestamp[caseOffsets[c]!]!;
      if (first < from || first >= to) keep[c] = 0;
    }
  }
  if (filter.attribute !== undefined) {
    const { column, names } = columnOf(log, filter.attribute.name);
    const wanted = names.find(filter.attribute.value);
    for (let c = 0; c < caseCount; c++) {
      if (keep[c] === 0) continue;
      let found = false;
      if (column !== null && wanted !== undefined) {
        for (let k = caseOffsets[c]!; k < caseOffsets[c + 1]! && !found; k++) found = column[k] === wanted;
      }
      if (!found) keep[c] = 0;
    }
  }
  if (filter.variant !== undefined) {
    const sequence = filter.variant.map((name) => log.activityNames.find(name) ?? -1);
    const known = !sequence.includes(-1);
    for (let c = 0; c < caseCount; c++) {
      if (keep[c] === 0) continue;
      const start = caseOffsets[c]!;
      let same = known && caseOffsets[c + 1]! - start === sequence.length;
      for (let i = 0; same && i < sequence.length; i++) same = activity[start + i] === sequence[i];
      if (!same) keep[c] = 0;
    }
  }
  return keep;
}

/** Re-encodes a dictionary column on the kept events into a compact new dictionary. */
function remap(
  column: Uint32Array | null,
  names: Dictionary,
  kept: Uint32Array,
): { column: Uint32Array | null; names: StringPool } {
  const pool = new StringPool();
  if (column === null) return { column: null, names: pool };
  const translation = new Uint32Array(names.size).fill(NO_INDEX);
  const out = new Uint32Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const value = column[kept[i]!]!;
    if (value === NO_INDEX) {
      out[i] = NO_INDEX;
      continue;
    }
    let mapped = translation[value]!;
    if (mapped === NO_INDEX) {
      mapped = pool.intern(names.get(value));
      translation[value] = mapped;
    }
    out[i] = mapped;
  }
  return { column: out, names: pool };
}

/** The part of `log` that `filter` keeps; `log` itself when the filter keeps everything. */
export function filterEventLog(log: EventLog, filter: EventLogFilter): EventLog {
  if (isEmptyFilter(filter)) return log;
  const keepCase = selectCases(log, filter);
  let keepPartner: Uint8Array | null = null;
  if (filter.partners !== undefined) {
    keepPartner = new Uint8Array(log.partnerNames.size);
    for (const name of filter.partners) {
      const index = log.partnerNames.find(name);
      if (index !== undefined) keepPartner[index] = 1;
    }
  }
  const { caseOffsets, caseCount, partner } = log;
  const keptEvents: number[] = [];
  const keptCases: number[] = [];
  const offsets: number[] = [0];
  for (let c = 0; c < caseCount; c++) {
    if (keepCase[c] === 0) continue;
    const before = keptEvents.length;
    for (let k = caseOffsets[c]!; k < caseOffsets[c + 1]!; k++) {
      if (keepPartner !== null) {
        const p = partner === null ? NO_INDEX : partner[k]!;
        if (p === NO_INDEX || keepPartner[p] === 0) continue;
      }
      keptEvents.push(k);
    }
    if (keptEvents.length > before) {
      keptCases.push(c);
      offsets.push(keptEvents.length);
    }
  }
  const kept = Uint32Array.from(keptEvents);
  const n = kept.length;
  const caseIndex = new Uint32Array(n);
  for (let c = 0; c < keptCases.length; c++) caseIndex.fill(c, offsets[c], offsets[c + 1]);
  const timestamp = new Float64Array(n);
  const fileOrder = new Uint32Array(n);
  let startTimestamp: Float64Array | null = null;
  if (log.startTimestamp !== null) startTimestamp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = kept[i]!;
    timestamp[i] = log.timestamp[k]!;
    fileOrder[i] = log.fileOrder[k]!;
    if (startTimestamp !== null) startTimestamp[i] = log.startTimestamp![k]!;
  }
  const activity = remap(log.activity, log.activityNames, kept);
  const partners = remap(log.partner, log.partnerNames, kept);
  const resources = remap(log.resource, log.resourceNames, kept);
  const lifecycles = remap(log.lifecycle, log.lifecycleNames, kept);
  return {
    eventCount: n,
    caseCount: keptCases.length,
    caseIds: new SubsetDictionary(log.caseIds, Uint32Array.from(keptCases)),
    activityNames: activity.names,
    partnerNames: partners.names,
    resourceNames: resources.names,
    lifecycleNames: lifecycles.names,
    caseOffsets: Uint32Array.from(offsets),
    caseIndex,
    activity: activity.column ?? new Uint32Array(0),
    timestamp,
    startTimestamp,
    partner: partners.column,
    resource: resources.column,
    lifecycle: lifecycles.column,
    fileOrder,
  };
}
