/** SQL for the append-only `audit_log`: insert and read, nothing else. */
import type { Queryable } from '../db/database.ts';

/** One entry to append. */
export type AuditInsert = {
  readonly actorType: 'user' | 'token' | 'system' | 'anonymous';
  readonly actorUserId: string | null;
  readonly actorTokenId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorLabel: string;
  readonly ip: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly chainId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
};

/** One stored entry. */
export type AuditRow = {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorType: AuditInsert['actorType'];
  readonly actorUserId: string | null;
  readonly actorTokenId: string | null;
  readonly actorOrganisationId: string | null;
  readonly actorOrganisationName: string | null;
  readonly actorLabel: string;
  readonly ip: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly chainId: string | null;
  readonly details: Record<string, unknown>;
};

/** Appends one entry. */
export async function insertAuditEntry(q: Queryable, entry: AuditInsert): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (actor_type, actor_user_id, actor_token_id, actor_organisation_id, actor_label, ip,
                            action, target_type, target_id, chain_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
    [
      entry.actorType,
      entry.actorUserId,
      entry.actorTokenId,
      entry.actorOrganisationId,
      entry.actorLabel,
      entry.ip,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.chainId,
      JSON.stringify(entry.details),
    ],
  );
}

/** Entries of one chain (or of the whole installation when `chainId` is null), newest first, before `beforeId`. */
export async function listAuditEntries(
  q: Queryable,
  options: { readonly chainId: string | null; readonly limit: number; readonly beforeId: number | null },
): Promise<AuditRow[]> {
  return q.query<AuditRow>(
    `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_type AS "actorType", a.actor_user_id AS "actorUserId",
            a.actor_token_id AS "actorTokenId", a.actor_organisation_id AS "actorOrganisationId",
            o.name AS "actorOrganisationName", a.actor_label AS "actorLabel", a.ip, a.action,
            a.target_type AS "targetType", a.target_id AS "targetId", a.chain_id AS "chainId", a.details
       FROM audit_log a LEFT JOIN organisations o ON o.id = a.actor_organisation_id
      WHERE ($1::uuid IS NULL OR a.chain_id = $1::uuid) AND ($2::bigint IS NULL OR a.id < $2::bigint)
      ORDER BY a.id DESC
      LIMIT $3`,
    [options.chainId, options.beforeId, options.limit],
  );
}
