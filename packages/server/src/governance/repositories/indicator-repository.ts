/**
 * SQL for indicators and their versions: `indicators` (one row per indicator, pointing at its
 * current version) and `indicator_versions` with the version's agreements, links, contributions
 * and flow source. Versions are only ever added.
 */
import type { IndicatorAgreement, IndicatorFields } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';
import type { FlowSource, GovernanceIndicatorVersion } from '../schemas/indicator-api-schemas.ts';

/** A version row with its children folded in, as the query returns it. */
type IndicatorVersionRow = {
  readonly indicatorId: string;
  readonly chainId: string;
  readonly version: number;
  readonly key: string;
  readonly name: string;
  readonly kind: IndicatorFields['kind'];
  readonly definition: string;
  readonly unit: string;
  readonly direction: IndicatorFields['direction'];
  readonly baselineValue: number;
  readonly baselineDate: string;
  readonly targetValue: number;
  readonly targetDate: string;
  readonly frequency: IndicatorFields['frequency'];
  readonly ownerPartnerId: string | null;
  readonly reason: string;
  readonly agreedOn: string;
  readonly recordedBy: string;
  readonly createdAt: string;
  readonly agreedBy: IndicatorAgreement[];
  readonly linkIds: string[] | null;
  readonly contributesToIndicatorIds: string[] | null;
  readonly flowSource: FlowSource | null;
};

const VERSION_COLUMNS = `v.indicator_id AS "indicatorId", v.chain_id AS "chainId", v.version, v.key, v.name, v.kind,
  v.definition, v.unit, v.direction, v.baseline_value AS "baselineValue", v.baseline_date::text AS "baselineDate",
  v.target_value AS "targetValue", v.target_date::text AS "targetDate", v.frequency,
  v.owner_partner_id::text AS "ownerPartnerId", v.reason, v.agreed_on::text AS "agreedOn",
  v.recorded_by AS "recordedBy", v.created_at AS "createdAt",
  COALESCE((SELECT json_agg(json_build_object('partnerId', a.partner_id, 'personName', a.person_name) ORDER BY a.ordinal)
              FROM indicator_version_agreements a WHERE a.indicator_id = v.indicator_id AND a.version = v.version),
           '[]'::json) AS "agreedBy",
  (SELECT array_agg(l.link_id::text ORDER BY l.ordinal)
     FROM indicator_version_links l WHERE l.indicator_id = v.indicator_id AND l.version = v.version) AS "linkIds",
  (SELECT array_agg(c.societal_indicator_id::text ORDER BY c.ordinal)
     FROM indicator_version_contributions c WHERE c.indicator_id = v.indicator_id AND c.version = v.version)
    AS "contributesToIndicatorIds",
  (SELECT json_build_object('measure', f.measure, 'fromLinkId', f.from_link_id, 'toLinkId', f.to_link_id,
                            'maxMinutes', f.max_minutes)
     FROM indicator_version_flow_sources f WHERE f.indicator_id = v.indicator_id AND f.version = v.version) AS "flowSource"`;

function toVersion(row: IndicatorVersionRow): GovernanceIndicatorVersion {
  return {
    indicatorId: row.indicatorId,
    version: row.version,
    key: row.key,
    name: row.name,
    kind: row.kind,
    definition: row.definition,
    unit: row.unit,
    direction: row.direction,
    baseline: { value: row.baselineValue, date: row.baselineDate },
    target: { value: row.targetValue, date: row.targetDate },
    frequency: row.frequency,
    ownerPartnerId: row.ownerPartnerId,
    linkIds: row.linkIds ?? [],
    contributesToIndicatorIds: row.contributesToIndicatorIds ?? [],
    reason: row.reason,
    agreedBy: row.agreedBy,
    agreedOn: row.agreedOn,
    createdAt: row.createdAt,
    recordedBy: row.recordedBy,
    flowSource: row.flowSource,
  };
}

/** The current version of every indicator of a chain, in the order the indicators were created. */
export async function listCurrentIndicatorVersions(
  q: Queryable,
  chainId: string,
): Promise<GovernanceIndicatorVersion[]> {
  const rows = await q.query<IndicatorVersionRow>(
    `SELECT ${VERSION_COLUMNS}
       FROM indicators i JOIN indicator_versions v ON v.indicator_id = i.id AND v.version = i.version
      WHERE i.chain_id = $1
      ORDER BY i.seq`,
    [chainId],
  );
  return rows.map(toVersion);
}

/** Every version of one indicator of a chain, oldest first; empty when the chain has no such indicator. */
export async function listIndicatorVersions(
  q: Queryable,
  chainId: string,
  indicatorId: string,
): Promise<GovernanceIndicatorVersion[]> {
  const rows = await q.query<IndicatorVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM indicator_versions v
      WHERE v.chain_id = $1 AND v.indicator_id = $2
      ORDER BY v.version`,
    [chainId, indicatorId],
  );
  return rows.map(toVersion);
}

/** The definition of a version as stored, with the record of its agreement. */
export interface IndicatorVersionValues {
  readonly fields: IndicatorFields;
  readonly reason: string;
  readonly agreedBy: readonly IndicatorAgreement[];
  readonly agreedOn: string;
  readonly flowSource: FlowSource | null;
  readonly recordedBy: string;
}

/** Inserts an indicator at version 1 (its version row is added with {@link insertIndicatorVersion}); returns its id. */
export async function insertIndicator(q: Queryable, chainId: string, key: string): Promise<string> {
  const rows = await q.query<{ id: string }>(
    'INSERT INTO indicators (chain_id, key, version) VALUES ($1, $2, 1) RETURNING id',
    [chainId, key],
  );
  return single(rows, 'insertIndicator').id;
}

/** Moves an indicator to its next version, only when it is still at `expectedVersion`. */
export async function advanceIndicatorVersion(
  q: Queryable,
  indicatorId: string,
  expectedVersion: number,
  key: string,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE indicators SET version = version + 1, key = $3, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [indicatorId, expectedVersion, key],
  );
  return rows.length > 0;
}

/** Stores one version with its agreements, links, contributions and flow source. */
export async function insertIndicatorVersion(
  q: Queryable,
  chainId: string,
  indicatorId: string,
  version: number,
  values: IndicatorVersionValues,
): Promise<void> {
  const { fields } = values;
  await q.query(
    `INSERT INTO indicator_versions (chain_id, indicator_id, version, key, name, kind, definition, unit, direction,
       baseline_value, baseline_date, target_value, target_date, frequency, owner_partner_id, reason, agreed_on,
       recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13::date, $14, $15::uuid, $16, $17::date, $18)`,
    [
      chainId,
      indicatorId,
      version,
      fields.key,
      fields.name,
      fields.kind,
      fields.definition,
      fields.unit,
      fields.direction,
      fields.baseline.value,
      fields.baseline.date,
      fields.target.value,
      fields.target.date,
      fields.frequency,
      fields.ownerPartnerId,
      values.reason,
      values.agreedOn,
      values.recordedBy,
    ],
  );
  await q.query(
    `INSERT INTO indicator_version_agreements (chain_id, indicator_id, version, partner_id, person_name, ordinal)
     SELECT $1::uuid, $2::uuid, $3, a.partner_id, a.person_name, a.ordinal - 1
       FROM unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS a(partner_id, person_name, ordinal)`,
    [chainId, indicatorId, version, values.agreedBy.map((a) => a.partnerId), values.agreedBy.map((a) => a.personName)],
  );
  await q.query(
    `INSERT INTO indicator_version_links (chain_id, indicator_id, version, link_id, ordinal)
     SELECT $1::uuid, $2::uuid, $3, l.id, l.ordinal - 1 FROM unnest($4::uuid[]) WITH ORDINALITY AS l(id, ordinal)`,
    [chainId, indicatorId, version, [...fields.linkIds]],
  );
  await q.query(
    `INSERT INTO indicator_version_contributions (chain_id, indicator_id, version, societal_indicator_id, ordinal)
     SELECT $1::uuid, $2::uuid, $3, c.id, c.ordinal - 1 FROM unnest($4::uuid[]) WITH ORDINALITY AS c(id, ordinal)`,
    [chainId, indicatorId, version, [...fields.contributesToIndicatorIds]],
  );
  const flow = values.flowSource;
  if (flow !== null) {
    await q.query(
      `INSERT INTO indicator_version_flow_sources (chain_id, indicator_id, version, measure, from_link_id, to_link_id,
         max_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [chainId, indicatorId, version, flow.measure, flow.fromLinkId, flow.toLinkId, flow.maxMinutes],
    );
  }
}

/** Whether the chain has any indicator. */
export async function hasIndicators(q: Queryable, chainId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM indicators WHERE chain_id = $1 LIMIT 1', [chainId]);
  return rows.length > 0;
}
