/**
 * Resolves what a caller may do on one chain, in bulk and denying by default: a caller without a
 * role on the chain (or a token for another chain) gets `null`, and the route answers 404 as if
 * the chain did not exist.
 */
import {
  TOKEN_PURPOSE_PERMISSION,
  computeChainPermissions,
  isUuid,
  type ChainPermission,
  type ChainRole,
} from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { listPartnerIdsOfOrganisations, listUserRolesOnChain } from '../repositories/chain-role-repository.ts';
import type { Caller, ChainAccess } from './caller.ts';

/** The few facts about a chain that access decisions need. */
export type ChainAccessTarget = {
  readonly id: string;
  readonly slug: string;
  readonly smallCellThreshold: number;
};

/** Finds a chain by id or slug for an access decision; ids win over slugs as everywhere. */
export async function findChainAccessTarget(q: Queryable, ref: string): Promise<ChainAccessTarget | null> {
  const byId = isUuid(ref);
  const rows = await q.query<ChainAccessTarget>(
    byId
      ? `SELECT id, slug, small_cell_threshold AS "smallCellThreshold" FROM chains
          WHERE id = $1::uuid OR slug = $2 ORDER BY (id = $1::uuid) DESC LIMIT 1`
      : `SELECT id, slug, small_cell_threshold AS "smallCellThreshold" FROM chains WHERE slug = $1`,
    byId ? [ref.toLowerCase(), ref] : [ref],
  );
  return rows[0] ?? null;
}

/** What `caller` may do on the chain `ref`; null when the chain is unknown or the caller has no access at all. */
export async function resolveChainAccess(q: Queryable, caller: Caller, ref: string): Promise<ChainAccess | null> {
  const chain = await findChainAccessTarget(q, ref);
  if (chain === null) {
    return null;
  }
  if (caller.kind === 'token') {
    if (caller.chainId !== chain.id) {
      return null;
    }
    const permissions: ChainPermission[] = [TOKEN_PURPOSE_PERMISSION[caller.purpose]];
    return {
      chainId: chain.id,
      chainSlug: chain.slug,
      roles: [],
      permissions,
      organisationIds: [caller.organisationId],
      partnerIds: await listPartnerIdsOfOrganisations(q, chain.id, [caller.organisationId]),
      smallCellThreshold: chain.smallCellThreshold,
      seesCases: false,
    };
  }
  const rows = await listUserRolesOnChain(q, caller.userId, chain.id);
  if (rows.length === 0) {
    return null;
  }
  const roles: ChainRole[] = [...new Set(rows.map((r) => r.role))];
  const permissions = computeChainPermissions(roles);
  const organisationIds = [...new Set(rows.map((r) => r.organisationId))];
  const partnerIds = [...new Set(rows.flatMap((r) => (r.partnerId === null ? [] : [r.partnerId])))];
  return {
    chainId: chain.id,
    chainSlug: chain.slug,
    roles,
    permissions,
    organisationIds,
    partnerIds,
    smallCellThreshold: chain.smallCellThreshold,
    seesCases: permissions.includes('flow.cases'),
  };
}

/**
 * Whether the caller may act on a partner's resources under `permission`: directors on everything,
 * analysts on every partner's event extracts (`flow.import`), and a partner contact or API token
 * only on what belongs to its own organisation's partner row. Services use this for `flow.import`
 * and `governance.contribute` and answer 404 for what is not the caller's.
 */
export function ownsPartner(access: ChainAccess, partnerId: string | null, permission: ChainPermission): boolean {
  if (!access.permissions.includes(permission)) {
    return false;
  }
  if (access.roles.includes('director') || (permission === 'flow.import' && access.roles.includes('analyst'))) {
    return true;
  }
  return partnerId !== null && access.partnerIds.includes(partnerId.toLowerCase());
}
