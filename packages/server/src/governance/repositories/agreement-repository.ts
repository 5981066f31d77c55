/**
 * SQL for agreements: `agreements` with their parties, signatures, links, indicators and the
 * append-only status history.
 */
import type {
  Agreement,
  AgreementFields,
  AgreementHistoryEntry,
  AgreementKind,
  AgreementLevel,
  AgreementSignature,
  AgreementStatus,
} from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';

/** An agreement row with its children folded in. */
type AgreementRow = {
  readonly id: string;
  readonly chainId: string;
  readonly title: string;
  readonly description: string;
  readonly kind: AgreementKind;
  readonly level: AgreementLevel;
  readonly ownerPartnerId: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly dueDate: string | null;
  readonly reviewDate: string | null;
  readonly status: AgreementStatus;
  readonly version: number;
  readonly partyPartnerIds: string[] | null;
  readonly linkIds: string[] | null;
  readonly indicatorIds: string[] | null;
  readonly signatures: AgreementSignature[];
  readonly history: AgreementHistoryEntry[];
};

const AGREEMENT_COLUMNS = `a.id, a.chain_id AS "chainId", a.title, a.description, a.kind, a.level,
  a.owner_partner_id::text AS "ownerPartnerId", a.start_date::text AS "startDate", a.end_date::text AS "endDate",
  a.due_date::text AS "dueDate", a.review_date::text AS "reviewDate", a.status, a.version,
  (SELECT array_agg(p.partner_id::text ORDER BY p.ordinal) FROM agreement_parties p WHERE p.agreement_id = a.id)
    AS "partyPartnerIds",
  (SELECT array_agg(l.link_id::text ORDER BY l.ordinal) FROM agreement_links l WHERE l.agreement_id = a.id) AS "linkIds",
  (SELECT array_agg(i.indicator_id::text ORDER BY i.ordinal) FROM agreement_indicators i WHERE i.agreement_id = a.id)
    AS "indicatorIds",
  COALESCE((SELECT json_agg(json_build_object('partnerId', s.partner_id, 'signedBy', s.signed_by,
                                              'signedOn', s.signed_on::text) ORDER BY s.ordinal)
              FROM agreement_signatures s WHERE s.agreement_id = a.id), '[]'::json) AS signatures,
  COALESCE((SELECT json_agg(json_build_object('from', h.from_status, 'to', h.to_status, 'changedBy', h.changed_by,
                                              'changedAt', h.changed_at, 'reason', h.reason) ORDER BY h.seq)
              FROM agreement_status_history h WHERE h.agreement_id = a.id), '[]'::json) AS history`;

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    chainId: row.chainId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    level: row.level,
    partyPartnerIds: row.partyPartnerIds ?? [],
    ownerPartnerId: row.ownerPartnerId,
    linkIds: row.linkIds ?? [],
    indicatorIds: row.indicatorIds ?? [],
    startDate: row.startDate,
    endDate: row.endDate,
    dueDate: row.dueDate,
    reviewDate: row.reviewDate,
    signatures: row.signatures,
    status: row.status,
    version: row.version,
    history: row.history.map((entry) => ({ ...entry, changedAt: toIsoMoment(entry.changedAt) })),
  };
}

/**
 * A timestamp that went through JSON comes back in PostgreSQL's text form
 * (`2026-01-05T10:00:00.123+00:00`); the API shows every moment as ISO 8601 in UTC.
 */
function toIsoMoment(value: string): string {
  return new Date(value).toISOString();
}

/** The agreements of a chain, oldest first. */
export async function listAgreements(q: Queryable, chainId: string): Promise<Agreement[]> {
  const rows = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLUMNS} FROM agreements a WHERE a.chain_id = $1 ORDER BY a.seq`,
    [chainId],
  );
  return rows.map(toAgreement);
}

/** One agreement of a chain. */
export async function findAgreement(q: Queryable, chainId: string, agreementId: string): Promise<Agreement | null> {
  const rows = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT_COLUMNS} FROM agreements a WHERE a.chain_id = $1 AND a.id = $2`,
    [chainId, agreementId],
  );
  const row = rows[0];
  return row === undefined ? null : toAgreement(row);
}

/** Inserts an agreement at version 1 in `status`; its children follow with {@link replaceAgreementChildren}. */
export async function insertAgreement(
  q: Queryable,
  chainId: string,
  fields: AgreementFields,
  status: AgreementStatus,
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO agreements (chain_id, title, description, kind, level, owner_partner_id, start_date, end_date,
       due_date, review_date, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9::date, $10::date, $11)
     RETURNING id`,
    [
      chainId,
      fields.title,
      fields.description,
      fields.kind,
      fields.level,
      fields.ownerPartnerId,
      fields.startDate,
      fields.endDate,
      fields.dueDate,
      fields.reviewDate,
      status,
    ],
  );
  return single(rows, 'insertAgreement').id;
}

/** Overwrites an agreement's own fields and raises its version, only when it is still at `expectedVersion`. */
export async function updateAgreementRow(
  q: Queryable,
  agreementId: string,
  expectedVersion: number,
  fields: AgreementFields,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE agreements
        SET title = $3, description = $4, kind = $5, level = $6, owner_partner_id = $7, start_date = $8::date,
            end_date = $9::date, due_date = $10::date, review_date = $11::date, version = version + 1,
            updated_at = now()
      WHERE id = $1 AND version = $2
      RETURNING id`,
    [
      agreementId,
      expectedVersion,
      fields.title,
      fields.description,
      fields.kind,
      fields.level,
      fields.ownerPartnerId,
      fields.startDate,
      fields.endDate,
      fields.dueDate,
      fields.reviewDate,
    ],
  );
  return rows.length > 0;
}

/** Sets the status and raises the version, only when the agreement is still at `expectedVersion`. */
export async function updateAgreementStatus(
  q: Queryable,
  agreementId: string,
  expectedVersion: number,
  status: AgreementStatus,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE agreements SET status = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [agreementId, expectedVersion, status],
  );
  return rows.length > 0;
}

/** Raises the version (after a change to the children only), only when still at `expectedVersion`. */
export async function bumpAgreementVersion(
  q: Queryable,
  agreementId: string,
  expectedVersion: number,
): Promise<boolean> {
  const rows = await q.query(
    'UPDATE agreements SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id',
    [agreementId, expectedVersion],
  );
  return rows.length > 0;
}

/** Replaces the parties, signatures, links and indicators of an agreement, keeping the given order. */
export async function replaceAgreementChildren(
  q: Queryable,
  chainId: string,
  agreementId: string,
  fields: Pick<AgreementFields, 'partyPartnerIds' | 'linkIds' | 'indicatorIds' | 'signatures'>,
): Promise<void> {
  await q.query('DELETE FROM agreement_signatures WHERE agreement_id = $1', [agreementId]);
  await q.query('DELETE FROM agreement_parties WHERE agreement_id = $1', [agreementId]);
  await q.query('DELETE FROM agreement_links WHERE agreement_id = $1', [agreementId]);
  await q.query('DELETE FROM agreement_indicators WHERE agreement_id = $1', [agreementId]);
  for (const [table, column, ids] of [
    ['agreement_parties', 'partner_id', fields.partyPartnerIds],
    ['agreement_links', 'link_id', fields.linkIds],
    ['agreement_indicators', 'indicator_id', fields.indicatorIds],
  ] as const) {
    await q.query(
      `INSERT INTO ${table} (chain_id, agreement_id, ${column}, ordinal)
       SELECT $1::uuid, $2::uuid, x.id, x.ordinal - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, ordinal)`,
      [chainId, agreementId, [...ids]],
    );
  }
  await q.query(
    `INSERT INTO agreement_signatures (chain_id, agreement_id, partner_id, signed_by, signed_on, ordinal)
     SELECT $1::uuid, $2::uuid, s.partner_id, s.signed_by, s.signed_on, s.ordinal - 1
       FROM unnest($3::uuid[], $4::text[], $5::date[]) WITH ORDINALITY AS s(partner_id, signed_by, signed_on, ordinal)`,
    [
      chainId,
      agreementId,
      fields.signatures.map((s) => s.partnerId),
      fields.signatures.map((s) => s.signedBy),
      fields.signatures.map((s) => s.signedOn),
    ],
  );
}

/** Appends an entry to the status history; `seq` is the next number after the last entry. */
export async function insertAgreementHistoryEntry(
  q: Queryable,
  chainId: string,
  agreementId: string,
  entry: Omit<AgreementHistoryEntry, 'changedAt'> & { readonly changedAt?: string },
): Promise<void> {
  await q.query(
    `INSERT INTO agreement_status_history (chain_id, agreement_id, seq, from_status, to_status, changed_by, changed_at,
       reason)
     VALUES ($1, $2,
             (SELECT COALESCE(max(seq) + 1, 0) FROM agreement_status_history WHERE agreement_id = $2),
             $3, $4, $5, COALESCE($6::timestamptz, now()), $7)`,
    [chainId, agreementId, entry.from, entry.to, entry.changedBy, entry.changedAt ?? null, entry.reason],
  );
}

/** Deletes an agreement with everything in it, only when it is still at `expectedVersion`. */
export async function deleteAgreementRow(q: Queryable, agreementId: string, expectedVersion: number): Promise<boolean> {
  const rows = await q.query('DELETE FROM agreements WHERE id = $1 AND version = $2 RETURNING id', [
    agreementId,
    expectedVersion,
  ]);
  return rows.length > 0;
}
