/**
 * Organisations, users and the roles they hold on chains: the rules an administrator and a
 * director work under. Every change is one transaction with its audit entry.
 */
import { DomainError, isUuid, notFound, type ChainRole } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import {
  deleteChainRole,
  findPartnerOrganisation,
  insertChainRole,
  listChainMembers,
  setPartnerOrganisation,
  type ChainMemberRow,
  type ChainRoleRow,
} from '../repositories/chain-role-repository.ts';
import {
  findOrganisationById,
  findOrganisationByName,
  findUserById,
  hasUsableAdministrator,
  insertMembership,
  insertOrganisation,
  listOrganisations,
  listUserOrganisations,
  listUsers,
  updateUserFlags,
  type OrganisationRow,
  type UserRow,
} from '../repositories/user-repository.ts';
import { deleteUserSessions } from '../repositories/session-repository.ts';
import { recordAudit } from '../services/audit-service.ts';
import { runChange } from '../services/run-change.ts';
import type { Actor } from './actor.ts';
import { findChainAccessTarget } from './chain-access-service.ts';

/** Every organisation of the installation. */
export async function findOrganisations(db: Queryable): Promise<OrganisationRow[]> {
  return listOrganisations(db);
}

/** Creates an organisation; `conflict` on `name` when another one has that name. */
export async function createOrganisation(db: Database, actor: Actor, name: string): Promise<OrganisationRow> {
  return runChange(db, async (tx) => {
    if ((await findOrganisationByName(tx, name)) !== null) {
      throw new DomainError('conflict', `An organisation named "${name}" already exists`, [
        { path: 'name', message: 'another organisation already has this name' },
      ]);
    }
    const organisation = await insertOrganisation(tx, name);
    await recordAudit(tx, actor, {
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: organisation.id,
      details: { name },
    });
    return organisation;
  });
}

/** A user with the organisations they belong to. */
export interface UserWithOrganisations extends UserRow {
  readonly organisations: readonly OrganisationRow[];
}

/** Every user with their organisations. */
export async function findUsers(db: Queryable): Promise<UserWithOrganisations[]> {
  const users = await listUsers(db);
  const result: UserWithOrganisations[] = [];
  for (const user of users) {
    result.push({ ...user, organisations: await listUserOrganisations(db, user.id) });
  }
  return result;
}

/**
 * Changes a user's administrator flag or disabled state. Disabling ends the user's sessions at
 * once. Refused with `conflict` when it would leave no administrator who can sign in.
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  userId: string,
  changes: { readonly isAdmin?: boolean | undefined; readonly disabled?: boolean | undefined },
): Promise<UserWithOrganisations> {
  return runChange(db, async (tx) => {
    const current = isUuid(userId) ? await findUserById(tx, userId) : null;
    if (current === null) {
      throw notFound('User');
    }
    const updated = await updateUserFlags(tx, current.id, changes);
    if (updated === null) {
      throw notFound('User');
    }
    if (current.isAdmin && current.hasPassword && !(await hasUsableAdministrator(tx))) {
      throw new DomainError('conflict', 'The installation must keep at least one administrator who can sign in', [
        { path: changes.disabled === true ? 'disabled' : 'isAdmin', message: 'this is the last administrator' },
      ]);
    }
    if (changes.disabled === true) {
      await deleteUserSessions(tx, current.id);
    }
    await recordAudit(tx, actor, {
      action: 'user.update',
      targetType: 'user',
      targetId: current.id,
      details: { ...changes },
    });
    return { ...updated, organisations: await listUserOrganisations(tx, current.id) };
  });
}

/**
 * The organisation a partner row of a chain stands for. When the row stands for none yet, it is
 * linked to `organisationId`, or else to the organisation with the partner's name (created when
 * missing). Refused when `organisationId` contradicts an existing link.
 */
export async function ensurePartnerOrganisation(
  tx: Queryable,
  actor: Actor,
  chainId: string,
  partnerId: string,
  organisationId: string | null,
): Promise<string> {
  const partner = isUuid(partnerId) ? await findPartnerOrganisation(tx, chainId, partnerId) : null;
  if (partner === null) {
    throw new DomainError('validation_failed', 'The partner is not part of this chain', [
      { path: 'partnerId', message: `no partner with id "${partnerId}" in this chain` },
    ]);
  }
  if (partner.organisationId !== null) {
    if (organisationId !== null && organisationId !== partner.organisationId) {
      throw new DomainError('validation_failed', 'The partner already stands for another organisation', [
        { path: 'organisationId', message: 'must be the organisation of the partner, or be left out' },
      ]);
    }
    return partner.organisationId;
  }
  const organisation =
    organisationId !== null
      ? await getOrganisation(tx, organisationId)
      : ((await findOrganisationByName(tx, partner.name)) ?? (await insertOrganisation(tx, partner.name)));
  await setPartnerOrganisation(tx, partner.id, organisation.id);
  await recordAudit(tx, actor, {
    action: 'partner.link_organisation',
    targetType: 'partner',
    targetId: partner.id,
    chainId,
    details: { organisationId: organisation.id },
  });
  return organisation.id;
}

/** An existing organisation; `validation_failed` on `organisationId` otherwise. */
export async function getOrganisation(q: Queryable, organisationId: string): Promise<OrganisationRow> {
  const organisation = isUuid(organisationId) ? await findOrganisationById(q, organisationId) : null;
  if (organisation === null) {
    throw new DomainError('validation_failed', 'The organisation does not exist', [
      { path: 'organisationId', message: `no organisation with id "${organisationId}"` },
    ]);
  }
  return organisation;
}

/** A role to grant. */
export interface RoleGrant {
  readonly userId: string;
  readonly role: ChainRole;
  /** The organisation the user acts for; for a partner role it may be left out (the partner's own). */
  readonly organisationId: string | null;
  /** For the partner role: the partner row of the chain the user speaks for. */
  readonly partnerId: string | null;
}

/** Grants a role inside a running transaction; the user becomes a member of the organisation if needed. */
export async function grantChainRoleIn(
  tx: Queryable,
  actor: Actor,
  chainId: string,
  grant: RoleGrant,
): Promise<ChainRoleRow> {
  if ((grant.role === 'partner') !== (grant.partnerId !== null)) {
    throw new DomainError('validation_failed', 'A partner role needs a partner, and only a partner role has one', [
      {
        path: 'partnerId',
        message: grant.role === 'partner' ? 'is required for the partner role' : 'only for the partner role',
      },
    ]);
  }
  const organisationId =
    grant.partnerId !== null
      ? await ensurePartnerOrganisation(tx, actor, chainId, grant.partnerId, grant.organisationId)
      : grant.organisationId === null
        ? null
        : (await getOrganisation(tx, grant.organisationId)).id;
  if (organisationId === null) {
    throw new DomainError('validation_failed', 'Say which organisation the user acts for', [
      { path: 'organisationId', message: 'is required for this role' },
    ]);
  }
  await insertMembership(tx, grant.userId, organisationId);
  const row = await insertChainRole(tx, {
    chainId,
    userId: grant.userId,
    organisationId,
    role: grant.role,
    partnerId: grant.partnerId?.toLowerCase() ?? null,
  });
  await recordAudit(tx, actor, {
    action: 'member.grant',
    targetType: 'chain_role',
    targetId: row.id,
    chainId,
    details: { userId: grant.userId, role: grant.role, organisationId, partnerId: row.partnerId },
  });
  return row;
}

/** Grants a role on a chain (by id or slug) to an existing user; administrators do this. */
export async function grantChainRole(
  db: Database,
  actor: Actor,
  chainRef: string,
  grant: RoleGrant,
): Promise<ChainRoleRow> {
  return runChange(db, async (tx) => {
    const chain = await findChainAccessTarget(tx, chainRef);
    if (chain === null) {
      throw notFound('Chain');
    }
    const user = isUuid(grant.userId) ? await findUserById(tx, grant.userId) : null;
    if (user === null) {
      throw new DomainError('validation_failed', 'The user does not exist', [
        { path: 'userId', message: `no user with id "${grant.userId}"` },
      ]);
    }
    return grantChainRoleIn(tx, actor, chain.id, { ...grant, userId: user.id });
  });
}

/** Everyone holding a role on a chain. */
export async function findChainMembers(db: Queryable, chainId: string): Promise<ChainMemberRow[]> {
  return listChainMembers(db, chainId);
}

/** Removes a role from a chain; `conflict` when it is the chain's last director. */
export async function revokeChainRole(db: Database, actor: Actor, chainId: string, roleId: string): Promise<void> {
  await runChange(db, async (tx) => {
    await tx.query('SELECT id FROM chains WHERE id = $1 FOR UPDATE', [chainId]);
    const removed = isUuid(roleId) ? await deleteChainRole(tx, chainId, roleId) : null;
    if (removed === null) {
      throw notFound('Member');
    }
    if (removed.role === 'director') {
      const left = await tx.query(`SELECT 1 FROM chain_roles WHERE chain_id = $1 AND role = 'director' LIMIT 1`, [
        chainId,
      ]);
      if (left.length === 0) {
        throw new DomainError('conflict', 'A chain keeps at least one director; appoint another director first');
      }
    }
    await recordAudit(tx, actor, {
      action: 'member.revoke',
      targetType: 'chain_role',
      targetId: removed.id,
      chainId,
      details: { userId: removed.userId, role: removed.role },
    });
  });
}

/**
 * Makes the creator of a new chain its director, acting for their first organisation; a user
 * without any organisation (which the product does not create) is left without the role.
 */
export async function grantCreatorDirector(tx: Queryable, actor: Actor, chainId: string): Promise<void> {
  if (actor.kind !== 'user') {
    return;
  }
  const [organisation] = await listUserOrganisations(tx, actor.userId);
  if (organisation === undefined) {
    return;
  }
  await grantChainRoleIn(tx, actor, chainId, {
    userId: actor.userId,
    role: 'director',
    organisationId: organisation.id,
    partnerId: null,
  });
}
