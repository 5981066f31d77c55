/** SQL for interventions, their links and indicators, and their stored evaluations. */
import type { Intervention, InterventionFields, InterventionStatus } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';

type InterventionRow = {
  readonly id: string;
  readonly chainId: string;
  readonly title: string;
  readonly hypothesis: string;
  readonly description: string;
  readonly ownerPartnerId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly status: InterventionStatus;
  readonly version: number;
  readonly linkIds: string[] | null;
  readonly indicatorIds: string[] | null;
};

const INTERVENTION_COLUMNS = `i.id, i.chain_id AS "chainId", i.title, i.hypothesis, i.description,
  i.owner_partner_id::text AS "ownerPartnerId", i.start_date::text AS "startDate", i.end_date::text AS "endDate",
  i.status, i.version,
  (SELECT array_agg(l.link_id::text ORDER BY l.ordinal) FROM intervention_links l WHERE l.intervention_id = i.id)
    AS "linkIds",
  (SELECT array_agg(x.indicator_id::text ORDER BY x.ordinal) FROM intervention_indicators x
    WHERE x.intervention_id = i.id) AS "indicatorIds"`;

function toIntervention(row: InterventionRow): Intervention {
  return { ...row, linkIds: row.linkIds ?? [], indicatorIds: row.indicatorIds ?? [] };
}

/** The interventions of a chain by start date. */
export async function listInterventionRows(q: Queryable, chainId: string): Promise<Intervention[]> {
  const rows = await q.query<InterventionRow>(
    `SELECT ${INTERVENTION_COLUMNS} FROM interventions i WHERE i.chain_id = $1 ORDER BY i.start_date, i.seq`,
    [chainId],
  );
  return rows.map(toIntervention);
}

/** One intervention of a chain. */
export async function findIntervention(
  q: Queryable,
  chainId: string,
  interventionId: string,
): Promise<Intervention | null> {
  const rows = await q.query<InterventionRow>(
    `SELECT ${INTERVENTION_COLUMNS} FROM interventions i WHERE i.chain_id = $1 AND i.id = $2`,
    [chainId, interventionId],
  );
  const row = rows[0];
  return row === undefined ? null : toIntervention(row);
}

/** Inserts an intervention at version 1 with its links and indicators; returns its id. */
export async function insertIntervention(q: Queryable, chainId: string, fields: InterventionFields): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO interventions (chain_id, title, hypothesis, description, owner_partner_id, start_date, end_date, status)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8) RETURNING id`,
    [
      chainId,
      fields.title,
      fields.hypothesis,
      fields.description,
      fields.ownerPartnerId,
      fields.startDate,
      fields.endDate,
      fields.status,
    ],
  );
  const id = single(rows, 'insertIntervention').id;
  await replaceInterventionTargets(q, chainId, id, fields);
  return id;
}

/** Overwrites an intervention with its links and indicators, only when it is still at `expectedVersion`. */
export async function updateInterventionRow(
  q: Queryable,
  chainId: string,
  interventionId: string,
  expectedVersion: number,
  fields: InterventionFields,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE interventions
        SET title = $3, hypothesis = $4, description = $5, owner_partner_id = $6, start_date = $7::date,
            end_date = $8::date, status = $9, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [
      interventionId,
      expectedVersion,
      fields.title,
      fields.hypothesis,
      fields.description,
      fields.ownerPartnerId,
      fields.startDate,
      fields.endDate,
      fields.status,
    ],
  );
  if (rows.length === 0) {
    return false;
  }
  await replaceInterventionTargets(q, chainId, interventionId, fields);
  return true;
}

async function replaceInterventionTargets(
  q: Queryable,
  chainId: string,
  interventionId: string,
  fields: Pick<InterventionFields, 'linkIds' | 'indicatorIds'>,
): Promise<void> {
  await q.query('DELETE FROM intervention_links WHERE intervention_id = $1', [interventionId]);
  await q.query('DELETE FROM intervention_indicators WHERE intervention_id = $1', [interventionId]);
  await q.query(
    `INSERT INTO intervention_links (chain_id, intervention_id, link_id, ordinal)
     SELECT $1::uuid, $2::uuid, x.id, x.ordinal - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, ordinal)`,
    [chainId, interventionId, [...fields.linkIds]],
  );
  await q.query(
    `INSERT INTO intervention_indicators (chain_id, intervention_id, indicator_id, ordinal)
     SELECT $1::uuid, $2::uuid, x.id, x.ordinal - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, ordinal)`,
    [chainId, interventionId, [...fields.indicatorIds]],
  );
}

/** Deletes an intervention with its evaluations, only when it is still at `expectedVersion`. */
export async function deleteInterventionRow(
  q: Queryable,
  interventionId: string,
  expectedVersion: number,
): Promise<boolean> {
  const rows = await q.query('DELETE FROM interventions WHERE id = $1 AND version = $2 RETURNING id', [
    interventionId,
    expectedVersion,
  ]);
  return rows.length > 0;
}

/** A stored evaluation; `measure` and `result` are JSON the service validates. */
export type StoredEvaluation = {
  readonly id: string;
  readonly interventionId: string;
  readonly evaluatedOn: string;
  readonly measure: unknown;
  readonly result: unknown;
  readonly createdBy: string;
  readonly createdAt: string;
};

const EVALUATION_COLUMNS = `e.id, e.intervention_id::text AS "interventionId", e.evaluated_on::text AS "evaluatedOn",
  e.measure, e.result, e.created_by AS "createdBy", e.created_at AS "createdAt"`;

/** The evaluations of the interventions of a chain (or of one intervention), oldest first. */
export async function listEvaluationRows(
  q: Queryable,
  chainId: string,
  interventionId: string | null = null,
): Promise<StoredEvaluation[]> {
  return q.query<StoredEvaluation>(
    `SELECT ${EVALUATION_COLUMNS} FROM intervention_evaluations e
      WHERE e.chain_id = $1 AND ($2::uuid IS NULL OR e.intervention_id = $2::uuid)
      ORDER BY e.seq`,
    [chainId, interventionId],
  );
}

/** Stores an evaluation and returns its id. */
export async function insertEvaluation(
  q: Queryable,
  chainId: string,
  evaluation: {
    readonly interventionId: string;
    readonly evaluatedOn: string;
    readonly measure: unknown;
    readonly result: unknown;
    readonly createdBy: string;
  },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO intervention_evaluations (chain_id, intervention_id, evaluated_on, measure, result, created_by)
     VALUES ($1, $2, $3::date, $4::jsonb, $5::jsonb, $6) RETURNING id`,
    [
      chainId,
      evaluation.interventionId,
      evaluation.evaluatedOn,
      JSON.stringify(evaluation.measure),
      JSON.stringify(evaluation.result),
      evaluation.createdBy,
    ],
  );
  return single(rows, 'insertEvaluation').id;
}
