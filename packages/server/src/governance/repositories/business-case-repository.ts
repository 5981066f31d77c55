/** SQL for the partner business cases: `business_case_lines` and `business_case_settings`. */
import type { BusinessCaseLine, BusinessCaseLineType } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';

/** A line with its version, as the API shows it. */
export type StoredBusinessCaseLine = BusinessCaseLine & { readonly version: number };

/** The user-set fields of a line. */
export interface BusinessCaseLineFields {
  readonly partnerId: string;
  readonly type: BusinessCaseLineType;
  readonly year: number;
  readonly amountCents: number;
  readonly category: string;
  readonly description: string;
  readonly beneficiaryPartnerId: string | null;
}

const LINE_COLUMNS = `l.id, l.chain_id AS "chainId", l.partner_id::text AS "partnerId", l.type, l.year,
  l.amount_cents AS "amountCents", l.category, l.description, l.beneficiary_partner_id::text AS "beneficiaryPartnerId",
  l.version`;

/** The lines of a chain by year, partner and creation. */
export async function listBusinessCaseLines(q: Queryable, chainId: string): Promise<StoredBusinessCaseLine[]> {
  return q.query<StoredBusinessCaseLine>(
    `SELECT ${LINE_COLUMNS} FROM business_case_lines l WHERE l.chain_id = $1
      ORDER BY l.year, l.seq`,
    [chainId],
  );
}

/** One line of a chain. */
export async function findBusinessCaseLine(
  q: Queryable,
  chainId: string,
  lineId: string,
): Promise<StoredBusinessCaseLine | null> {
  const rows = await q.query<StoredBusinessCaseLine>(
    `SELECT ${LINE_COLUMNS} FROM business_case_lines l WHERE l.chain_id = $1 AND l.id = $2`,
    [chainId, lineId],
  );
  return rows[0] ?? null;
}

/** Inserts lines at version 1; returns their ids in order. */
export async function insertBusinessCaseLines(
  q: Queryable,
  chainId: string,
  lines: readonly BusinessCaseLineFields[],
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO business_case_lines (chain_id, partner_id, type, year, amount_cents, category, description,
       beneficiary_partner_id)
     SELECT $1::uuid, l.partner_id, l.type, l.year, l.amount_cents, l.category, l.description, l.beneficiary_partner_id
       FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::text[], $8::uuid[])
            WITH ORDINALITY AS l(partner_id, type, year, amount_cents, category, description, beneficiary_partner_id, ordinal)
      ORDER BY l.ordinal
     RETURNING id`,
    [
      chainId,
      lines.map((l) => l.partnerId),
      lines.map((l) => l.type),
      lines.map((l) => l.year),
      lines.map((l) => l.amountCents),
      lines.map((l) => l.category),
      lines.map((l) => l.description),
      lines.map((l) => l.beneficiaryPartnerId),
    ],
  );
  return rows.map((row) => row.id);
}

/** Overwrites a line and raises its version, only when it is still at `expectedVersion`. */
export async function updateBusinessCaseLineRow(
  q: Queryable,
  lineId: string,
  expectedVersion: number,
  fields: BusinessCaseLineFields,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE business_case_lines
        SET partner_id = $3, type = $4, year = $5, amount_cents = $6, category = $7, description = $8,
            beneficiary_partner_id = $9, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [
      lineId,
      expectedVersion,
      fields.partnerId,
      fields.type,
      fields.year,
      fields.amountCents,
      fields.category,
      fields.description,
      fields.beneficiaryPartnerId,
    ],
  );
  return rows.length > 0;
}

/** Deletes a line, only when it is still at `expectedVersion`. */
export async function deleteBusinessCaseLineRow(
  q: Queryable,
  lineId: string,
  expectedVersion: number,
): Promise<boolean> {
  const rows = await q.query('DELETE FROM business_case_lines WHERE id = $1 AND version = $2 RETURNING id', [
    lineId,
    expectedVersion,
  ]);
  return rows.length > 0;
}

/** The chain's settings of the computation. */
export type StoredBusinessCaseSettings = {
  readonly discountRate: number;
  readonly startYear: number | null;
  readonly version: number;
};

/** The chain's settings, or null while it uses the defaults. */
export async function findBusinessCaseSettings(
  q: Queryable,
  chainId: string,
): Promise<StoredBusinessCaseSettings | null> {
  const rows = await q.query<StoredBusinessCaseSettings>(
    `SELECT discount_rate AS "discountRate", start_year AS "startYear", version
       FROM business_case_settings WHERE chain_id = $1`,
    [chainId],
  );
  return rows[0] ?? null;
}

/**
 * Stores the settings: inserted at version 1 when `expectedVersion` is 0 (the chain used the
 * defaults), otherwise overwritten only when still at `expectedVersion`.
 */
export async function saveBusinessCaseSettings(
  q: Queryable,
  chainId: string,
  expectedVersion: number,
  settings: { readonly discountRate: number; readonly startYear: number | null },
): Promise<boolean> {
  const rows =
    expectedVersion === 0
      ? await q.query(
          `INSERT INTO business_case_settings (chain_id, discount_rate, start_year) VALUES ($1, $2, $3)
           ON CONFLICT (chain_id) DO NOTHING RETURNING chain_id`,
          [chainId, settings.discountRate, settings.startYear],
        )
      : await q.query(
          `UPDATE business_case_settings SET discount_rate = $3, start_year = $4, version = version + 1, updated_at = now()
            WHERE chain_id = $1 AND version = $2 RETURNING chain_id`,
          [chainId, expectedVersion, settings.discountRate, settings.startYear],
        );
  return rows.length > 0;
}

/** Reads the id of the line just inserted when only one was. */
export function onlyId(ids: readonly string[]): string {
  return single(ids, 'insertBusinessCaseLines');
}
