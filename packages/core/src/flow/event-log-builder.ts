/**
 * Builds an {@link EventLog}: parsers and importers add events one at a time (by string or by
 * already interned index) or whole columns at once; {@link EventLogBuilder.build} sorts them by
 * case, timestamp and file order and hands out the finished columns.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { sortEventsByCase } from './sort-events-by-case.ts';
import { StringPool } from './string-pool.ts';

/** One event given by its strings; the optional attributes may be absent. */
export interface EventInput {
  readonly caseId: string;
  readonly activity: string;
  /** Epoch milliseconds UTC (completion time). */
  readonly timestamp: number;
  /** Epoch milliseconds UTC when the work started, if known. */
  readonly startTimestamp?: number | undefined;
  readonly partner?: string | undefined;
  readonly resource?: string | undefined;
  /** XES lifecycle transition, e.g. `start` or `complete`. */
  readonly lifecycle?: string | undefined;
}

/** Events given column by column; every array has the same length. */
export interface EventColumnsInput {
  readonly caseIds: readonly string[];
  readonly activities: readonly string[];
  readonly timestamps: ArrayLike<number>;
  readonly startTimestamps?: ArrayLike<number> | undefined;
  readonly partners?: readonly (string | undefined)[] | undefined;
  readonly resources?: readonly (string | undefined)[] | undefined;
  readonly lifecycles?: readonly (string | undefined)[] | undefined;
}

const INITIAL_CAPACITY = 1 << 12;

function grownUint32(column: Uint32Array, capacity: number, fill: number): Uint32Array {
  const grown = new Uint32Array(capacity);
  grown.set(column);
  if (fill !== 0) grown.fill(fill, column.length);
  return grown;
}

function grownFloat64(column: Float64Array, capacity: number, fill: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(column);
  if (fill !== 0) grown.fill(fill, column.length);
  return grown;
}

/** Collects events and builds a sorted, columnar {@link EventLog}. Use once. */
export class EventLogBuilder {
  /** Case ids; parsers intern into it directly, and only for a case that gets an event. */
  readonly caseIds: StringPool;
  /** Activity names; parsers intern into it directly. */
  readonly activityNames = new StringPool();
  /** Partner names. */
  readonly partnerNames = new StringPool();
  /** Resource names. */
  readonly resourceNames = new StringPool();
  /** Lifecycle transitions. */
  readonly lifecycleNames = new StringPool();

  private length = 0;
  private capacity: number;
  private caseColumn: Uint32Array;
  private activityColumn: Uint32Array;
  private timestampColumn: Float64Array;
  private startColumn: Float64Array | null = null;
  private partnerColumn: Uint32Array | null = null;
  private resourceColumn: Uint32Array | null = null;
  private lifecycleColumn: Uint32Array | null = null;
  private built = false;

  /** `expectedEvents` presizes the columns (e.g. from the file size); it is only a hint. */
  constructor(expectedEvents = INITIAL_CAPACITY) {
    this.capacity = Math.max(16, Math.ceil(expectedEvents));
    this.caseColumn = new Uint32Array(this.capacity);
    this.activityColumn = new Uint32Array(this.capacity);
    this.timestampColumn = new Float64Array(this.capacity);
    this.caseIds = new StringPool(Math.min(1 << 20, this.capacity >>> 3));
  }

  /** Number of events added so far. */
  get eventCount(): number {
    return this.length;
  }

  /**
   * Adds an event by interned indexes (from {@link caseIds} and {@link activityNames}) and
   * returns its row, for the optional `set…` methods. This is the hot path of the parsers.
   */
  addIndexed(caseIndex: number, activityIndex: number, timestamp: number): number {
    const row = this.length;
    if (row === this.capacity) this.grow();
    this.caseColumn[row] = caseIndex;
    this.activityColumn[row] = activityIndex;
    this.timestampColumn[row] = timestamp;
    this.length = row + 1;
    return row;
  }

  /** Sets the start time (epoch ms) of a row returned by {@link addIndexed}. */
  setStartTimestamp(row: number, startTimestamp: number): void {
    this.startColumn ??= new Float64Array(this.capacity).fill(Number.NaN);
    this.startColumn[row] = startTimestamp;
  }

  /** Sets the partner (an index into {@link partnerNames}) of a row. */
  setPartner(row: number, partnerIndex: number): void {
    this.partnerColumn ??= new Uint32Array(this.capacity).fill(NO_INDEX);
    this.partnerColumn[row] = partnerIndex;
  }

  /** Sets the resource (an index into {@link resourceNames}) of a row. */
  setResource(row: number, resourceIndex: number): void {
    this.resourceColumn ??= new Uint32Array(this.capacity).fill(NO_INDEX);
    this.resourceColumn[row] = resourceIndex;
  }

  /** Sets the lifecycle transition (an index into {@link lifecycleNames}) of a row. */
  setLifecycle(row: number, lifecycleIndex: number): void {
    this.lifecycleColumn ??= new Uint32Array(this.capacity).fill(NO_INDEX);
    this.lifecycleColumn[row] = lifecycleIndex;
  }

  /** Adds one event given by its strings. */
  addEvent(event: EventInput): void {
    const row = this.addIndexed(
      this.caseIds.intern(event.caseId),
      this.activityNames.intern(event.activity),
      event.timestamp,
    );
    if (event.startTimestamp !== undefined) this.setStartTimestamp(row, event.startTimestamp);
    if (event.partner !== undefined) this.setPartner(row, this.partnerNames.intern(event.partner));
    if (event.resource !== undefined) this.setResource(row, this.resourceNames.intern(event.resource));
    if (event.lifecycle !== undefined) this.setLifecycle(row, this.lifecycleNames.intern(event.lifecycle));
  }

  /** Adds many events given column by column, in row order. */
  addColumns(columns: EventColumnsInput): void {
    const n = columns.caseIds.length;
    if (columns.activities.length !== n || columns.timestamps.length !== n) {
      throw new RangeError('every column must have as many values as caseIds');
    }
    const start = columns.startTimestamps;
    const { partners, resources, lifecycles } = columns;
    for (let i = 0; i < n; i++) {
      const row = this.addIndexed(
        this.caseIds.intern(columns.caseIds[i]!),
        this.activityNames.intern(columns.activities[i]!),
        columns.timestamps[i]!,
      );
      const startTimestamp = start?.[i];
      if (startTimestamp !== undefined && !Number.isNaN(startTimestamp)) this.setStartTimestamp(row, startTimestamp);
      const partner = partners?.[i];
      if (partner !== undefined) this.setPartner(row, this.partnerNames.intern(partner));
      const resource = resources?.[i];
      if (resource !== undefined) this.setResource(row, this.resourceNames.intern(resource));
      const lifecycle = lifecycles?.[i];
      if (lifecycle !== undefined) this.setLifecycle(row, this.lifecycleNames.intern(lifecycle));
    }
  }

  /**
   * Sorts the events by case, timestamp and file order and returns the finished log. The builder
   * gives its memory to the log and cannot be used afterwards.
   */
  build(): EventLog {
    if (this.built) throw new Error('EventLogBuilder.build() was already called');
    this.built = true;
    const n = this.length;
    const caseCount = this.caseIds.size;
    const { order, offsets, timestamp, activity } = sortEventsByCase(
      this.caseColumn,
      this.timestampColumn,
      this.activityColumn,
      n,
      caseCount,
    );
    for (let c = 0; c < caseCount; c++) {
      if (offsets[c] === offsets[c + 1]) throw new Error(`case ${this.caseIds.get(c)} was interned but has no events`);
    }
    this.caseColumn = new Uint32Array(0);
    this.activityColumn = new Uint32Array(0);
    this.timestampColumn = new Float64Array(0);
    const caseIndex = new Uint32Array(n);
    for (let c = 0; c < caseCount; c++) caseIndex.fill(c, offsets[c], offsets[c + 1]);
    const startTimestamp = this.startColumn === null ? null : gatherFloat64(this.startColumn, order);
    const partner = this.partnerColumn === null ? null : gatherUint32(this.partnerColumn, order);
    const resource = this.resourceColumn === null ? null : gatherUint32(this.resourceColumn, order);
    const lifecycle = this.lifecycleColumn === null ? null : gatherUint32(this.lifecycleColumn, order);
    this.startColumn = this.partnerColumn = this.resourceColumn = this.lifecycleColumn = null;

    return {
      eventCount: n,
      caseCount,
      caseIds: this.caseIds,
      activityNames: this.activityNames,
      partnerNames: this.partnerNames,
      resourceNames: this.resourceNames,
      lifecycleNames: this.lifecycleNames,
      caseOffsets: offsets,
      caseIndex,
      activity,
      timestamp,
      startTimestamp,
      partner,
      resource,
      lifecycle,
      fileOrder: order,
    };
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.caseColumn = grownUint32(this.caseColumn, capacity, 0);
    this.activityColumn = grownUint32(this.activityColumn, capacity, 0);
    this.timestampColumn = grownFloat64(this.timestampColumn, capacity, 0);
    if (this.startColumn !== null) this.startColumn = grownFloat64(this.startColumn, capacity, Number.NaN);
    if (this.partnerColumn !== null) this.partnerColumn = grownUint32(this.partnerColumn, capacity, NO_INDEX);
    if (this.resourceColumn !== null) this.resourceColumn = grownUint32(this.resourceColumn, capacity, NO_INDEX);
    if (this.lifecycleColumn !== null) this.lifecycleColumn = grownUint32(this.lifecycleColumn, capacity, NO_INDEX);
    this.capacity = capacity;
  }
}

function gatherUint32(column: Uint32Array, order: Uint32Array): Uint32Array {
  const out = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = column[order[k]!]!;
  return out;
}

function gatherFloat64(column: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = column[order[k]!]!;
  return out;
}
