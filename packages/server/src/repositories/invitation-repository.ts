/** SQL for `invitations`. */
import type { ChainRole } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** An invitation as stored (without its token hash). */
export type InvitationRow = {
  readonly id: string;
  readonly email: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly chainId: string | null;
  readonly chainName: string | null;
  readonly role: ChainRole | null;
  readonly partnerId: string | null;
  readonly makeAdmin: boolean;
  readonly invitedBy: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly revokedAt: string | null;
};

const INVITATION_COLUMNS = `i.id, i.email, i.organisation_id AS "organisationId", o.name AS "organisationName",
  i.chain_id AS "chainId", c.name AS "chainName", i.role, i.partner_id AS "partnerId", i.make_admin AS "makeAdmin",
  i.invited_by AS "invitedBy", i.created_at AS "createdAt", i.expires_at AS "expiresAt",
  i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"`;
const INVITATION_FROM = `invitations i JOIN organisations o ON o.id = i.organisation_id LEFT JOIN chains c ON c.id = i.chain_id`;

/** Stores an invitation. */
export async function insertInvitation(
  q: Queryable,
  values: {
    readonly tokenHash: string;
    readonly email: string;
    readonly organisationId: string;
    readonly chainId: string | null;
    readonly role: ChainRole | null;
    readonly partnerId: string | null;
    readonly makeAdmin: boolean;
    readonly invitedBy: string | null;
    readonly expiresAt: Date;
  },
): Promise<InvitationRow> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO invitations (token_hash, email, organisation_id, chain_id, role, partner_id, make_admin, invited_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      values.tokenHash,
      values.email,
      values.organisationId,
      values.chainId,
      values.role,
      values.partnerId,
      values.makeAdmin,
      values.invitedBy,
      values.expiresAt.toISOString(),
    ],
  );
  const id = single(rows, 'insertInvitation').id;
  return single(
    await q.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} WHERE i.id = $1`, [id]),
    'insertInvitation',
  );
}

/** The open invitation (not accepted, revoked or expired) with this token hash; `lock` holds it until the transaction ends. */
export async function findOpenInvitationByTokenHash(
  q: Queryable,
  tokenHash: string,
  lock = false,
): Promise<InvitationRow | null> {
  const rows = await q.query<InvitationRow>(
    `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM}
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      ${lock ? 'FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Marks an invitation as used. */
export async function markInvitationAccepted(q: Queryable, id: string, userId: string): Promise<void> {
  await q.query('UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [id, userId]);
}

/** The invitations of a chain that are still open, newest first. */
export async function listOpenChainInvitations(q: Queryable, chainId: string): Promise<InvitationRow[]> {
  return q.query<InvitationRow>(
    `SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM}
      WHERE i.chain_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      ORDER BY i.created_at DESC, i.id`,
    [chainId],
  );
}

/** Revokes an open invitation of a chain; null when there is none with this id. */
export async function revokeChainInvitation(q: Queryable, chainId: string, id: string): Promise<InvitationRow | null> {
  const rows = await q.query<{ id: string }>(
    `UPDATE invitations SET revoked_at = now()
      WHERE chain_id = $1 AND id = $2::uuid AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
    [chainId, id],
  );
  if (rows.length === 0) {
    return null;
  }
  return single(
    await q.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM ${INVITATION_FROM} WHERE i.id = $1`, [id]),
    'revokeChainInvitation',
  );
}
