/** SQL for the `partners` table. */
import type { Partner, PartnerRole, Sector } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

const PARTNER_COLUMNS = `id, chain_id AS "chainId", key, name, sector, roles, interest,
  interest_level AS "interestLevel", influence, commitment, version`;

/** The user-set fields of a partner, as stored. */
export interface PartnerFields {
  readonly key: string;
  readonly name: string;
  readonly sector: Sector;
  readonly roles: readonly PartnerRole[];
  readonly interest: string;
  readonly interestLevel: number;
  readonly influence: number;
  readonly commitment: number;
}

/** The partners of a chain, in no particular order. */
export async function listPartners(q: Queryable, chainId: string): Promise<Partner[]> {
  return q.query<Partner>(`SELECT ${PARTNER_COLUMNS} FROM partners WHERE chain_id = $1`, [chainId]);
}

/** Inserts a partner at version 1. */
export async function insertPartner(q: Queryable, chainId: string, fields: PartnerFields): Promise<Partner> {
  const rows = await q.query<Partner>(
    `INSERT INTO partners (chain_id, key, name, sector, roles, interest, interest_level, influence, commitment)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)
     RETURNING ${PARTNER_COLUMNS}`,
    [
      chainId,
      fields.key,
      fields.name,
      fields.sector,
      [...fields.roles],
      fields.interest,
      fields.interestLevel,
      fields.influence,
      fields.commitment,
    ],
  );
  return single(rows, 'insertPartner');
}

/** Overwrites a partner's fields and increments its version, only when it is still at `expectedVersion`. */
export async function updatePartnerRow(
  q: Queryable,
  id: string,
  expectedVersion: number,
  fields: PartnerFields,
): Promise<Partner | null> {
  const rows = await q.query<Partner>(
    `UPDATE partners
        SET key = $3, name = $4, sector = $5, roles = $6::text[], interest = $7, interest_level = $8,
            influence = $9, commitment = $10, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2
      RETURNING ${PARTNER_COLUMNS}`,
    [
      id,
      expectedVersion,
      fields.key,
      fields.name,
      fields.sector,
      [...fields.roles],
      fields.interest,
      fields.interestLevel,
      fields.influence,
      fields.commitment,
    ],
  );
  return rows[0] ?? null;
}

/** Deletes a partner, only when it is still at `expectedVersion`. */
export async function deletePartnerRow(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await q.query('DELETE FROM partners WHERE id = $1 AND version = $2 RETURNING id', [id, expectedVersion]);
  return rows.length > 0;
}

/** How many trajectory events and imports are attributed to a partner. */
export async function countPartnerTrajectoryRows(q: Queryable, partnerId: string): Promise<number> {
  const rows = await q.query<{ count: number }>(
    `SELECT (SELECT count(*) FROM events WHERE partner_id = $1) + (SELECT count(*) FROM event_imports WHERE partner_id = $1) AS count`,
    [partnerId],
  );
  return rows[0]?.count ?? 0;
}
