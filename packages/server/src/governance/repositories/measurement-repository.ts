/**
 * SQL for `indicator_measurements`: one row per revision, only ever added. Which revision counts
 * is decided in core (selectCurrentMeasurements), not here.
 */
import type { MeasurementRevision, MeasurementSource } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';

const REVISION_COLUMNS = `m.indicator_id::text AS "indicatorId", m.period, m.value, m.revision,
  m.recorded_at AS "recordedAt", m.recorded_by AS "recordedBy", m.source, m.note`;

/** Every revision of the measurements of a chain's indicators (or of one indicator), by indicator, period, revision. */
export async function listMeasurementRevisions(
  q: Queryable,
  chainId: string,
  indicatorId: string | null = null,
): Promise<MeasurementRevision[]> {
  return q.query<MeasurementRevision>(
    `SELECT ${REVISION_COLUMNS} FROM indicator_measurements m
      WHERE m.chain_id = $1 AND ($2::uuid IS NULL OR m.indicator_id = $2::uuid)
      ORDER BY m.indicator_id, m.period, m.revision`,
    [chainId, indicatorId],
  );
}

/** A revision to store. */
export interface NewMeasurementRevision {
  readonly indicatorId: string;
  readonly period: string;
  readonly revision: number;
  readonly value: number;
  readonly source: MeasurementSource;
  readonly note: string;
  readonly recordedBy: string;
}

/**
 * Stores revisions in one statement. A revision number that already exists for the period violates
 * the primary key, so two writers can never both add "revision 2".
 */
export async function insertMeasurementRevisions(
  q: Queryable,
  chainId: string,
  revisions: readonly NewMeasurementRevision[],
): Promise<void> {
  if (revisions.length === 0) {
    return;
  }
  await q.query(
    `INSERT INTO indicator_measurements (chain_id, indicator_id, period, revision, value, source, note, recorded_by)
     SELECT $1::uuid, r.indicator_id, r.period, r.revision, r.value, r.source, r.note, r.recorded_by
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::float8[], $6::text[], $7::text[], $8::text[])
            AS r(indicator_id, period, revision, value, source, note, recorded_by)`,
    [
      chainId,
      revisions.map((r) => r.indicatorId),
      revisions.map((r) => r.period),
      revisions.map((r) => r.revision),
      revisions.map((r) => r.value),
      revisions.map((r) => r.source),
      revisions.map((r) => r.note),
      revisions.map((r) => r.recordedBy),
    ],
  );
}
