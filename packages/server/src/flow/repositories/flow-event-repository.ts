/**
 * SQL for the events of imports: bulk insert with binary `COPY … FROM STDIN` (multi-row inserts
 * where the database port has no COPY), bulk read of an import's events and of stored
 * fingerprints with binary `COPY … TO STDOUT`.
 */
import { NO_INDEX, type EventLog } from '@ketenregie/core/flow';
import type { Queryable } from '../../db/database.ts';
import {
  BinaryCopyReader,
  BinaryCopyWriter,
  encodeRowPrefix,
  readTimestamp,
  uuidBytes,
  type BinaryCopyRow,
} from '../copy-binary.ts';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid checked to be one, so it can be written into a COPY statement (which takes no parameters). */
function uuidLiteral(value: string): string {
  if (!UUID_PATTERN.test(value)) throw new Error(`not a uuid: ${value.slice(0, 40)}`);
  return `'${value.toLowerCase()}'::uuid`;
}

/**
 * Events of one import ready to store: rows of a (sorted) log, with every string already
 * resolved to the bytes to store — pseudonymous case ids, partner ids — and a fingerprint per row.
 */
export interface EventsToStore {
  readonly log: EventLog;
  /** Positions in `log` to store, in order. */
  readonly rows: Uint32Array;
  /** Pseudonym (UTF-8) per case index of `log`. */
  readonly caseIds: readonly Uint8Array[];
  /** Partner id (uuid text) per partner index of `log`; `defaultPartnerId` for events without one. */
  readonly partnerIds: readonly (string | null)[];
  readonly defaultPartnerId: string | null;
  /** Resource to store per resource index (pseudonymised when identifying). */
  readonly resources: readonly string[];
  /** 16 bytes per event of `log`, at position·16. */
  readonly fingerprints: Uint8Array;
}

const EVENT_COLUMNS =
  'import_id, chain_id, seq, case_id, activity, ts, start_ts, partner_id, resource, lifecycle, fingerprint';
const FIELDS = 11;
/** Rows per COPY statement: bounds what PGlite holds in memory at once. */
export const COPY_BATCH_ROWS = 200_000;
/** Rows per multi-row insert on a port without COPY. */
const INSERT_BATCH_ROWS = 5_000;

const encoder = new TextEncoder();

function encodeAll(values: readonly string[]): Uint8Array[] {
  return values.map((value) => encoder.encode(value));
}

/** The binary COPY stream of `events.rows[from, to)`. */
function* encodeRows(
  chainId: string,
  importId: string,
  events: EventsToStore,
  from: number,
  to: number,
): Generator<Uint8Array> {
  const { log, rows, caseIds, fingerprints } = events;
  const chain = uuidBytes(chainId);
  const importBytes = uuidBytes(importId);
  const activities = encodeAll(log.activityNames.toArray());
  const resources = encodeAll(events.resources);
  const lifecycles = encodeAll(log.lifecycleNames.toArray());
  const partners = events.partnerIds.map((id) => (id === null ? null : uuidBytes(id)));
  const defaultPartner = events.defaultPartnerId === null ? null : uuidBytes(events.defaultPartnerId);
  const writer = new BinaryCopyWriter();
  const prefix = encodeRowPrefix(FIELDS, [importBytes, chain]);
  for (let i = from; i < to; i++) {
    const k = rows[i]!;
    const caseId = caseIds[log.caseIndex[k]!]!;
    const activity = activities[log.activity[k]!]!;
    const p = log.partner === null ? NO_INDEX : log.partner[k]!;
    const r = log.resource === null ? NO_INDEX : log.resource[k]!;
    const l = log.lifecycle === null ? NO_INDEX : log.lifecycle[k]!;
    const resource = r === NO_INDEX ? null : resources[r]!;
    const lifecycle = l === NO_INDEX ? null : lifecycles[l]!;
    writer.beginRowWith(
      prefix,
      FIELDS * 4 + 64 + caseId.length + activity.length + (resource?.length ?? 0) + (lifecycle?.length ?? 0),
    );
    writer.writeInt8(log.fileOrder[k]!);
    writer.writeBytes(caseId);
    writer.writeBytes(activity);
    writer.writeTimestamp(log.timestamp[k]!);
    writer.writeTimestamp(log.startTimestamp === null ? Number.NaN : log.startTimestamp[k]!);
    writer.writeBytes(p === NO_INDEX ? defaultPartner : (partners[p] ?? null));
    writer.writeBytes(resource);
    writer.writeBytes(lifecycle);
    writer.writeBytes(fingerprints.subarray(k * 16, k * 16 + 16));
    if ((i & 4095) === 4095) yield* writer.takeChunks();
  }
  yield* writer.finish();
}

/**
 * Stores `events` for an import in the current transaction, calling `onStored` with the number of
 * rows stored so far after each batch.
 */
export async function insertImportEvents(
  q: Queryable,
  chainId: string,
  importId: string,
  events: EventsToStore,
  onStored: (stored: number) => void = () => undefined,
): Promise<void> {
  const total = events.rows.length;
  if (q.copyFrom !== undefined) {
    for (let from = 0; from < total; from += COPY_BATCH_ROWS) {
      const to = Math.min(total, from + COPY_BATCH_ROWS);
      await q.copyFrom(
        `COPY events (${EVENT_COLUMNS}) FROM STDIN WITH (FORMAT binary)`,
        encodeRows(chainId, importId, events, from, to),
      );
      onStored(to);
    }
    return;
  }
  const { log, rows } = events;
  const text = new TextDecoder();
  const caseIds = events.caseIds.map((bytes) => text.decode(bytes));
  for (let from = 0; from < total; from += INSERT_BATCH_ROWS) {
    const batch = Array.from(rows.subarray(from, Math.min(total, from + INSERT_BATCH_ROWS)));
    const partnerOf = (k: number): string | null => {
      const p = log.partner === null ? NO_INDEX : log.partner[k]!;
      return p === NO_INDEX ? events.defaultPartnerId : (events.partnerIds[p] ?? null);
    };
    const optional = (column: Uint32Array | null, values: readonly string[], k: number): string | null => {
      const v = column === null ? NO_INDEX : column[k]!;
      return v === NO_INDEX ? null : (values[v] ?? null);
    };
    const lifecycles = log.lifecycleNames.toArray();
    await q.query(
      `INSERT INTO events (${EVENT_COLUMNS})
       SELECT $1::uuid, $2::uuid, e.seq, e.case_id, e.activity, to_timestamp(e.ts / 1000.0),
              to_timestamp(e.start_ts / 1000.0), e.partner_id, e.resource, e.lifecycle, e.fingerprint
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::uuid[], $9::text[],
                     $10::text[], $11::uuid[])
              AS e(seq, case_id, activity, ts, start_ts, partner_id, resource, lifecycle, fingerprint)`,
      [
        importId,
        chainId,
        batch.map((k) => log.fileOrder[k]!),
        batch.map((k) => caseIds[log.caseIndex[k]!]!),
        batch.map((k) => log.activityNames.get(log.activity[k]!)),
        batch.map((k) => log.timestamp[k]!),
        batch.map((k) => {
          const start = log.startTimestamp === null ? Number.NaN : log.startTimestamp[k]!;
          return Number.isNaN(start) ? null : start;
        }),
        batch.map(partnerOf),
        batch.map((k) => optional(log.resource, events.resources, k)),
        batch.map((k) => optional(log.lifecycle, lifecycles, k)),
        batch.map((k) => formatUuid(events.fingerprints.subarray(k * 16, k * 16 + 16))),
      ],
    );
    onStored(from + batch.length);
  }
}

function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Feeds every stored fingerprint of the chain's events whose partner is one of `partnerIds` (and,
 * with `includeWithoutPartner`, of events without a partner) to `onFingerprint`.
 */
export async function readStoredFingerprints(
  q: Queryable,
  chainId: string,
  partnerIds: readonly string[],
  includeWithoutPartner: boolean,
  onFingerprint: (bytes: Uint8Array, at: number) => void,
): Promise<void> {
  const partnerCondition = [
    ...(partnerIds.length > 0 ? [`partner_id IN (${partnerIds.map(uuidLiteral).join(', ')})`] : []),
    ...(includeWithoutPartner ? ['partner_id IS NULL'] : []),
  ];
  if (partnerCondition.length === 0) return;
  const where = `chain_id = ${uuidLiteral(chainId)} AND fingerprint IS NOT NULL AND (${partnerCondition.join(' OR ')})`;
  if (q.copyTo === undefined) {
    const rows = await q.query<{ fingerprint: string }>(
      `SELECT fingerprint::text AS fingerprint FROM events WHERE ${where}`,
    );
    for (const row of rows) onFingerprint(uuidBytes(row.fingerprint), 0);
    return;
  }
  const reader = new BinaryCopyReader(1, (row) => onFingerprint(row.bytes, row.start[0]!));
  for await (const chunk of q.copyTo(
    `COPY (SELECT fingerprint FROM events WHERE ${where}) TO STDOUT WITH (FORMAT binary)`,
  )) {
    reader.push(chunk);
  }
  reader.finish();
}

/** One stored event as the loader hands it out: byte ranges for strings, epoch ms for times. */
export type StoredEventRow = BinaryCopyRow;

/** Field positions of {@link StoredEventRow}. */
export const STORED_EVENT_FIELDS = {
  caseId: 0,
  activity: 1,
  timestamp: 2,
  startTimestamp: 3,
  partnerId: 4,
  resource: 5,
  lifecycle: 6,
} as const;

/** Reads a `timestamptz` field of a {@link StoredEventRow} as epoch ms, NaN for NULL. */
export function readStoredTimestamp(row: StoredEventRow, field: number): number {
  return row.length[field] === -1 ? Number.NaN : readTimestamp(row, field);
}

/** Feeds every event of an import, in file order, to `onRow` (see {@link STORED_EVENT_FIELDS}). */
export async function readImportEvents(
  q: Queryable,
  importId: string,
  onRow: (row: StoredEventRow) => void,
): Promise<void> {
  const select = `SELECT case_id, activity, ts, start_ts, partner_id::text, resource, lifecycle FROM events
                   WHERE import_id = ${uuidLiteral(importId)} ORDER BY seq`;
  if (q.copyTo !== undefined) {
    const reader = new BinaryCopyReader(7, onRow);
    for await (const chunk of q.copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT binary)`)) reader.push(chunk);
    reader.finish();
    return;
  }
  const rows = await q.query<Record<string, string | null>>(
    `SELECT case_id, activity, (extract(epoch FROM ts) * 1000)::float8::text AS ts,
            (extract(epoch FROM start_ts) * 1000)::float8::text AS start_ts, partner_id::text AS partner_id,
            resource, lifecycle FROM events WHERE import_id = ${uuidLiteral(importId)} ORDER BY seq`,
  );
  emitRowsAsBinary(rows, onRow);
}

/** Hands plain rows to a binary-row consumer by encoding them, for ports without COPY. */
function emitRowsAsBinary(rows: readonly Record<string, string | null>[], onRow: (row: StoredEventRow) => void): void {
  const writer = new BinaryCopyWriter();
  const names = ['case_id', 'activity', 'ts', 'start_ts', 'partner_id', 'resource', 'lifecycle'];
  for (const row of rows) {
    const encoded = names.map((name) => {
      const value = row[name] ?? null;
      return value === null || name === 'ts' || name === 'start_ts' ? null : encoder.encode(value);
    });
    writer.beginRow(7, 200 + encoded.reduce((sum, bytes) => sum + (bytes?.length ?? 0), 0));
    names.forEach((name, i) => {
      if (name === 'ts' || name === 'start_ts') {
        const value = row[name] ?? null;
        writer.writeTimestamp(value === null ? Number.NaN : Number(value));
      } else writer.writeBytes(encoded[i] ?? null);
    });
  }
  const reader = new BinaryCopyReader(7, onRow);
  for (const chunk of writer.finish()) reader.push(chunk);
  reader.finish();
}
