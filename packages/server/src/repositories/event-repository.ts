/** SQL for the trajectory tables `event_imports` and `events`. */
import type { TrajectoryStats } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** Where a set of events came from. */
export type EventSource = 'demo' | 'csv' | 'xes' | 'ocel';

/** One event ready to be stored; timestamps in epoch milliseconds. */
export interface StoredEvent {
  readonly caseId: string;
  readonly activity: string;
  readonly timestamp: number;
  readonly startTimestamp: number | null;
  readonly partnerId: string | null;
  readonly resource: string | null;
}

/** Rows per INSERT: large enough to be fast, small enough to keep each statement's parameters modest. */
export const EVENT_BATCH_SIZE = 10_000;

/** Aggregate counts of a chain's stored trajectory data. */
export async function getTrajectoryStats(q: Queryable, chainId: string): Promise<TrajectoryStats> {
  const rows = await q.query<TrajectoryStats>(
    `SELECT (SELECT count(*) FROM event_imports WHERE chain_id = $1)::int AS imports,
            count(DISTINCT case_id)::int AS cases,
            count(*)::int AS events,
            min(ts) AS "firstEventAt",
            max(ts) AS "lastEventAt"
       FROM events WHERE chain_id = $1`,
    [chainId],
  );
  return single(rows, 'getTrajectoryStats');
}

/** Records an import; its events are added with {@link insertEvents}. Returns the import id. */
export async function insertEventImport(
  q: Queryable,
  values: {
    readonly chainId: string;
    readonly partnerId: string | null;
    readonly source: EventSource;
    readonly fileName: string | null;
    readonly eventCount: number;
    readonly caseCount: number;
  },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO event_imports (chain_id, partner_id, source, file_name, event_count, case_count)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [values.chainId, values.partnerId, values.source, values.fileName, values.eventCount, values.caseCount],
  );
  return single(rows, 'insertEventImport').id;
}

/**
 * Stores events of one import in file order (`seq` = index in `events` plus `firstSeq`), as
 * multi-row inserts of {@link EVENT_BATCH_SIZE} rows that unpack one array parameter per column.
 */
export async function insertEvents(
  q: Queryable,
  chainId: string,
  importId: string,
  events: readonly StoredEvent[],
  firstSeq = 0,
): Promise<void> {
  for (let start = 0; start < events.length; start += EVENT_BATCH_SIZE) {
    const batch = events.slice(start, start + EVENT_BATCH_SIZE);
    await q.query(
      `INSERT INTO events (import_id, chain_id, seq, case_id, activity, ts, start_ts, partner_id, resource)
       SELECT $1::uuid, $2::uuid, e.seq, e.case_id, e.activity, to_timestamp(e.ts / 1000.0),
              to_timestamp(e.start_ts / 1000.0), e.partner_id, e.resource
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::uuid[], $9::text[])
              AS e(seq, case_id, activity, ts, start_ts, partner_id, resource)`,
      [
        importId,
        chainId,
        batch.map((_, i) => firstSeq + start + i),
        batch.map((e) => e.caseId),
        batch.map((e) => e.activity),
        batch.map((e) => e.timestamp),
        batch.map((e) => e.startTimestamp),
        batch.map((e) => e.partnerId),
        batch.map((e) => e.resource),
      ],
    );
  }
}
