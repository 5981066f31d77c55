/** SQL for imports of trajectory data: `event_imports`, `import_mappings` and `flow_datasets`. */
import type { Queryable } from '../../db/database.ts';

/** Where a set of events came from. */
export type FlowImportSource = 'demo' | 'csv' | 'xes' | 'ocel';

/** One import as stored, with the delivering partner's key and name. */
export type FlowImportRow = {
  readonly id: string;
  readonly chainId: string;
  readonly partnerId: string | null;
  readonly partnerKey: string | null;
  readonly partnerName: string | null;
  readonly source: FlowImportSource;
  readonly fileName: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly createdByKind: string | null;
  readonly eventCount: number;
  readonly caseCount: number;
  readonly duplicatesSkipped: number;
  readonly keyVersion: number | null;
  readonly fileSha256: string | null;
  readonly fileBytes: number | null;
  readonly timeZone: string | null;
};

const IMPORT_COLUMNS = `i.id, i.chain_id AS "chainId", i.partner_id AS "partnerId", p.key AS "partnerKey",
  p.name AS "partnerName", i.source, i.file_name AS "fileName", i.created_at AS "createdAt",
  i.created_by AS "createdBy", i.created_by_kind AS "createdByKind", i.event_count AS "eventCount",
  i.case_count AS "caseCount", i.duplicates_skipped AS "duplicatesSkipped", i.key_version AS "keyVersion",
  i.file_sha256 AS "fileSha256", i.file_bytes AS "fileBytes", i.time_zone AS "timeZone"`;

const IMPORT_FROM = 'event_imports i LEFT JOIN partners p ON p.id = i.partner_id';

/** Arbitrary but fixed prefix of the advisory locks that serialise imports per chain. */
const IMPORT_LOCK_NAMESPACE = 'ketenregie/flow-import/';

/**
 * Serialises imports and deletions of one chain until the transaction ends, so that the check for
 * duplicates and the insert of the new events see one consistent set.
 */
export async function lockChainFlowData(q: Queryable, chainId: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [IMPORT_LOCK_NAMESPACE + chainId]);
}

/** Every import of a chain, newest first. */
export async function listFlowImports(q: Queryable, chainId: string): Promise<FlowImportRow[]> {
  return q.query<FlowImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM ${IMPORT_FROM} WHERE i.chain_id = $1 ORDER BY i.created_at DESC, i.id DESC`,
    [chainId],
  );
}

/** Every import of a chain in the order they were made (the order their events are merged in). */
export async function listFlowImportIdsInOrder(
  q: Queryable,
  chainId: string,
): Promise<{ id: string; keyVersion: number | null; eventCount: number }[]> {
  return q.query(
    `SELECT id, key_version AS "keyVersion", event_count AS "eventCount" FROM event_imports
      WHERE chain_id = $1 ORDER BY created_at, id`,
    [chainId],
  );
}

/** One import of a chain. */
export async function findFlowImport(q: Queryable, chainId: string, importId: string): Promise<FlowImportRow | null> {
  const rows = await q.query<FlowImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM ${IMPORT_FROM} WHERE i.chain_id = $1 AND i.id::text = $2`,
    [chainId, importId],
  );
  return rows[0] ?? null;
}

/** The import of the same file for the same chain and partner, if any. */
export async function findFlowImportByFile(
  q: Queryable,
  chainId: string,
  partnerId: string | null,
  fileSha256: string,
): Promise<FlowImportRow | null> {
  const rows = await q.query<FlowImportRow>(
    `SELECT ${IMPORT_COLUMNS} FROM ${IMPORT_FROM}
      WHERE i.chain_id = $1 AND i.partner_id IS NOT DISTINCT FROM $2 AND i.file_sha256 = $3`,
    [chainId, partnerId, fileSha256],
  );
  return rows[0] ?? null;
}

/** What {@link insertFlowImport} stores. */
export interface NewFlowImport {
  readonly chainId: string;
  readonly partnerId: string | null;
  readonly source: Exclude<FlowImportSource, 'demo'>;
  readonly fileName: string;
  readonly createdBy: string;
  readonly createdByKind: string;
  readonly eventCount: number;
  readonly caseCount: number;
  readonly duplicatesSkipped: number;
  readonly keyVersion: number;
  readonly fileSha256: string;
  readonly fileBytes: number;
  readonly timeZone: string;
}

/** Records an import (its events follow in the same transaction); returns its id. */
export async function insertFlowImport(q: Queryable, values: NewFlowImport): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO event_imports (chain_id, partner_id, source, file_name, created_by, created_by_kind, event_count,
                                case_count, duplicates_skipped, key_version, file_sha256, file_bytes, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      values.chainId,
      values.partnerId,
      values.source,
      values.fileName,
      values.createdBy,
      values.createdByKind,
      values.eventCount,
      values.caseCount,
      values.duplicatesSkipped,
      values.keyVersion,
      values.fileSha256,
      values.fileBytes,
      values.timeZone,
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('insertFlowImport returned no row');
  return id;
}

/** Deletes an import and (by cascade) its events; false when it does not exist. */
export async function deleteFlowImportRow(q: Queryable, chainId: string, importId: string): Promise<boolean> {
  const rows = await q.query('DELETE FROM event_imports WHERE chain_id = $1 AND id::text = $2 RETURNING id', [
    chainId,
    importId,
  ]);
  return rows.length > 0;
}

/** The mapping a partner used last time, as stored (validated by the caller). */
export async function findImportMapping(q: Queryable, chainId: string, partnerId: string): Promise<unknown> {
  const rows = await q.query<{ mapping: unknown }>(
    'SELECT mapping FROM import_mappings WHERE chain_id = $1 AND partner_id = $2',
    [chainId, partnerId],
  );
  return rows[0]?.mapping ?? null;
}

/** Remembers a partner's mapping for the next upload. */
export async function upsertImportMapping(
  q: Queryable,
  chainId: string,
  partnerId: string,
  mapping: unknown,
): Promise<void> {
  await q.query(
    `INSERT INTO import_mappings (chain_id, partner_id, mapping) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (chain_id, partner_id) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [chainId, partnerId, JSON.stringify(mapping)],
  );
}

/** The version of a chain's trajectory data (0 before its first import). */
export async function findFlowDatasetVersion(q: Queryable, chainId: string): Promise<number> {
  const rows = await q.query<{ version: number }>('SELECT version FROM flow_datasets WHERE chain_id = $1', [chainId]);
  return rows[0]?.version ?? 0;
}
