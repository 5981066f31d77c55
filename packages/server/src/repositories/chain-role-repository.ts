/** SQL for `chain_roles` and the organisation link of `partners`. */
import type { ChainRole } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** One role of one user on one chain. */
export type ChainRoleRow = {
  readonly id: string;
  readonly chainId: string;
  readonly userId: string;
  readonly organisationId: string;
  readonly role: ChainRole;
  readonly partnerId: string | null;
  readonly createdAt: string;
};

/** A role with the names needed to show it. */
export type ChainMemberRow = ChainRoleRow & {
  readonly email: string;
  readonly displayName: string;
  readonly organisationName: string;
};

const ROLE_COLUMNS = `r.id, r.chain_id AS "chainId", r.user_id AS "userId", r.organisation_id AS "organisationId",
  r.role, r.partner_id AS "partnerId", r.created_at AS "createdAt"`;

/** The roles a user holds on a chain. */
export async function listUserRolesOnChain(q: Queryable, userId: string, chainId: string): Promise<ChainRoleRow[]> {
  return q.query<ChainRoleRow>(
    `SELECT ${ROLE_COLUMNS} FROM chain_roles r WHERE r.user_id = $1 AND r.chain_id = $2 ORDER BY r.role`,
    [userId, chainId],
  );
}

/** Every role a user holds, on any chain. */
export async function listUserRoles(q: Queryable, userId: string): Promise<ChainRoleRow[]> {
  return q.query<ChainRoleRow>(
    `SELECT ${ROLE_COLUMNS} FROM chain_roles r WHERE r.user_id = $1 ORDER BY r.chain_id, r.role`,
    [userId],
  );
}

/** The ids of the chains a user holds any role on. */
export async function listUserChainIds(q: Queryable, userId: string): Promise<string[]> {
  const rows = await q.query<{ chainId: string }>(
    'SELECT DISTINCT chain_id AS "chainId" FROM chain_roles WHERE user_id = $1',
    [userId],
  );
  return rows.map((r) => r.chainId);
}

/** Everyone holding a role on a chain, with names. */
export async function listChainMembers(q: Queryable, chainId: string): Promise<ChainMemberRow[]> {
  return q.query<ChainMemberRow>(
    `SELECT ${ROLE_COLUMNS}, u.email, u.display_name AS "displayName", o.name AS "organisationName"
       FROM chain_roles r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.organisation_id
      WHERE r.chain_id = $1 ORDER BY u.email, r.role`,
    [chainId],
  );
}

/** Grants a role (no-op when the user already holds it); returns the role row. */
export async function insertChainRole(
  q: Queryable,
  values: {
    readonly chainId: string;
    readonly userId: string;
    readonly organisationId: string;
    readonly role: ChainRole;
    readonly partnerId: string | null;
  },
): Promise<ChainRoleRow> {
  await q.query(
    `INSERT INTO chain_roles (chain_id, user_id, organisation_id, role, partner_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chain_id, user_id, role) DO NOTHING`,
    [values.chainId, values.userId, values.organisationId, values.role, values.partnerId],
  );
  const rows = await q.query<ChainRoleRow>(
    `SELECT ${ROLE_COLUMNS} FROM chain_roles r WHERE r.chain_id = $1 AND r.user_id = $2 AND r.role = $3`,
    [values.chainId, values.userId, values.role],
  );
  return single(rows, 'insertChainRole');
}

/** Removes one role of a chain; false when there was none with this id. */
export async function deleteChainRole(q: Queryable, chainId: string, roleId: string): Promise<ChainRoleRow | null> {
  const rows = await q.query<ChainRoleRow>(
    `DELETE FROM chain_roles r WHERE r.chain_id = $1 AND r.id = $2::uuid RETURNING ${ROLE_COLUMNS}`,
    [chainId, roleId],
  );
  return rows[0] ?? null;
}

/** The organisation a partner row of a chain stands for, and the partner's name. */
export async function findPartnerOrganisation(
  q: Queryable,
  chainId: string,
  partnerId: string,
): Promise<{ id: string; name: string; organisationId: string | null } | null> {
  const rows = await q.query<{ id: string; name: string; organisationId: string | null }>(
    `SELECT id, name, organisation_id AS "organisationId" FROM partners WHERE chain_id = $1 AND id = $2::uuid`,
    [chainId, partnerId],
  );
  return rows[0] ?? null;
}

/** Records which organisation a partner row stands for. */
export async function setPartnerOrganisation(q: Queryable, partnerId: string, organisationId: string): Promise<void> {
  await q.query('UPDATE partners SET organisation_id = $2 WHERE id = $1', [partnerId, organisationId]);
}

/** The partner rows of a chain that stand for one of the given organisations. */
export async function listPartnerIdsOfOrganisations(
  q: Queryable,
  chainId: string,
  organisationIds: readonly string[],
): Promise<string[]> {
  if (organisationIds.length === 0) {
    return [];
  }
  const rows = await q.query<{ id: string }>(
    'SELECT id FROM partners WHERE chain_id = $1 AND organisation_id = ANY($2::uuid[]) ORDER BY id',
    [chainId, [...organisationIds]],
  );
  return rows.map((r) => r.id);
}

/** The chains a user holds roles on, with the chain's slug and name. */
export async function listUserChainRoles(
  q: Queryable,
  userId: string,
): Promise<(ChainRoleRow & { readonly slug: string; readonly chainName: string })[]> {
  return q.query<ChainRoleRow & { slug: string; chainName: string }>(
    `SELECT ${ROLE_COLUMNS}, c.slug, c.name AS "chainName"
       FROM chain_roles r JOIN chains c ON c.id = r.chain_id
      WHERE r.user_id = $1 ORDER BY c.name, c.id, r.role`,
    [userId],
  );
}
