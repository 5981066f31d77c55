/** The answer to "who am I": the user, their organisations, and per chain their roles and permissions. */
import { computeChainPermissions, type ChainPermission, type ChainRole } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { listUserChainRoles } from '../repositories/chain-role-repository.ts';
import { findUserById, listUserOrganisations, type OrganisationRow } from '../repositories/user-repository.ts';

/** One chain in the session description. */
export interface SessionChain {
  readonly chainId: string;
  readonly slug: string;
  readonly name: string;
  readonly roles: ChainRole[];
  readonly permissions: ChainPermission[];
  readonly partnerIds: string[];
}

/** What `GET /api/v1/session` answers. */
export interface SessionDescription {
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly displayName: string;
    readonly isAdmin: boolean;
    readonly isDemo: boolean;
  };
  readonly organisations: OrganisationRow[];
  readonly chains: SessionChain[];
  readonly expiresAt: string | null;
}

/** Describes the session of a signed-in user. */
export async function describeSession(
  q: Queryable,
  userId: string,
  expiresAt: string | null,
): Promise<SessionDescription> {
  const user = await findUserById(q, userId);
  if (user === null) {
    throw new Error('describeSession: the user of a live session does not exist');
  }
  const chains = new Map<string, SessionChain>();
  for (const row of await listUserChainRoles(q, userId)) {
    const entry = chains.get(row.chainId) ?? {
      chainId: row.chainId,
      slug: row.slug,
      name: row.chainName,
      roles: [],
      permissions: [],
      partnerIds: [],
    };
    entry.roles.push(row.role);
    if (row.partnerId !== null) {
      entry.partnerIds.push(row.partnerId);
    }
    chains.set(row.chainId, entry);
  }
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, isDemo: user.isDemo },
    organisations: await listUserOrganisations(q, userId),
    chains: [...chains.values()].map((c) => ({ ...c, permissions: computeChainPermissions(c.roles) })),
    expiresAt,
  };
}
