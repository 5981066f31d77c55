/**
 * Invitations: a single-use link that expires after a week. The link carries a random 256-bit
 * token; only its hash is stored. Accepting creates the account (or, for an existing account,
 * asks its password), adds the membership and the chain role, and marks the invitation used —
 * all in one transaction, so a link works exactly once even when clicked twice at the same time.
 */
import { DomainError, isUuid, notFound, type ChainRole } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import {
  findOpenInvitationByTokenHash,
  insertInvitation,
  listOpenChainInvitations,
  markInvitationAccepted,
  revokeChainInvitation,
  type InvitationRow,
} from '../repositories/invitation-repository.ts';
import {
  findSignInCredentials,
  findUserByEmail,
  insertMembership,
  insertUser,
  updateUserFlags,
} from '../repositories/user-repository.ts';
import { recordAudit } from '../services/audit-service.ts';
import { runChange } from '../services/run-change.ts';
import type { Actor } from './actor.ts';
import { ensurePartnerOrganisation, getOrganisation, grantChainRoleIn } from './account-service.ts';
import { INVITATION_TTL_SECONDS, type AuthSettings } from './auth-settings.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { createSecret, hashSecret, looksLikeSecret } from './secrets.ts';
import { startSession, type NewSession } from './session-service.ts';

/** Prefix of invitation tokens, so a leaked one is recognisable. */
export const INVITATION_TOKEN_PREFIX = 'kri_';

/** What an invitation grants. */
export interface InvitationRequest {
  readonly email: string;
  /** Required unless the role is `partner` (then the partner's organisation is used). */
  readonly organisationId: string | null;
  /** The chain role to grant; an administrator may invite without one. */
  readonly chain: { readonly chainId: string; readonly role: ChainRole; readonly partnerId: string | null } | null;
  /** Make the invitee an installation administrator (administrators only). */
  readonly makeAdmin: boolean;
}

/** A new invitation with its link, which is shown once and never stored. */
export interface CreatedInvitation {
  readonly invitation: InvitationRow;
  readonly url: string;
}

/** Stores an invitation and returns its one-time link under `baseUrl`. */
export async function createInvitation(
  db: Database,
  actor: Actor,
  request: InvitationRequest,
  baseUrl: string,
): Promise<CreatedInvitation> {
  return runChange(db, async (tx) => {
    let organisationId = request.organisationId;
    if (request.chain !== null && request.chain.role === 'partner') {
      if (request.chain.partnerId === null) {
        throw new DomainError('validation_failed', 'A partner role needs a partner', [
          { path: 'partnerId', message: 'is required for the partner role' },
        ]);
      }
      organisationId = await ensurePartnerOrganisation(
        tx,
        actor,
        request.chain.chainId,
        request.chain.partnerId,
        organisationId,
      );
    } else if (request.chain?.partnerId != null) {
      throw new DomainError('validation_failed', 'Only a partner role names a partner', [
        { path: 'partnerId', message: 'only for the partner role' },
      ]);
    }
    if (organisationId === null) {
      throw new DomainError('validation_failed', 'Say which organisation the invitee will act for', [
        { path: 'organisationId', message: 'is required for this role' },
      ]);
    }
    await getOrganisation(tx, organisationId);
    const token = createSecret(INVITATION_TOKEN_PREFIX);
    const invitation = await insertInvitation(tx, {
      tokenHash: hashSecret(token),
      email: request.email,
      organisationId,
      chainId: request.chain?.chainId ?? null,
      role: request.chain?.role ?? null,
      partnerId: request.chain?.partnerId?.toLowerCase() ?? null,
      makeAdmin: request.makeAdmin,
      invitedBy: actor.kind === 'user' ? actor.userId : null,
      expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
    });
    await recordAudit(tx, actor, {
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: invitation.id,
      chainId: invitation.chainId,
      details: { email: invitation.email, role: invitation.role, organisationId, makeAdmin: invitation.makeAdmin },
    });
    return { invitation, url: `${baseUrl.replace(/\/+$/, '')}/invitations/${token}` };
  });
}

/** The open invitation behind a link; `not_found` when it is unknown, used, revoked or expired. */
export async function getOpenInvitation(q: Queryable, token: string): Promise<InvitationRow> {
  const invitation = looksLikeSecret(token, INVITATION_TOKEN_PREFIX)
    ? await findOpenInvitationByTokenHash(q, hashSecret(token))
    : null;
  if (invitation === null) {
    throw new DomainError('not_found', 'This invitation link is unknown, already used or expired');
  }
  return invitation;
}

/** What an invitee sees before accepting: also whether they sign in with an existing account. */
export async function previewInvitation(
  q: Queryable,
  token: string,
): Promise<{ readonly invitation: InvitationRow; readonly accountExists: boolean }> {
  const invitation = await getOpenInvitation(q, token);
  return { invitation, accountExists: (await findSignInCredentials(q, invitation.email)) !== null };
}

/** What the invitee fills in. */
export interface InvitationAnswer {
  /** Required for a new account. */
  readonly displayName: string | null;
  /** The new password, or the existing account's password. */
  readonly password: string;
  readonly ip: string | null;
}

/** Accepts an invitation and signs the invitee in. */
export async function acceptInvitation(
  db: Database,
  token: string,
  answer: InvitationAnswer,
  settings: Pick<AuthSettings, 'sessionMaxSeconds' | 'sessionIdleSeconds'>,
): Promise<{ readonly userId: string; readonly session: NewSession }> {
  const preview = await getOpenInvitation(db, token);
  const existing = await findSignInCredentials(db, preview.email);
  let newHash: string | null = null;
  if (existing === null) {
    if (answer.displayName === null || answer.displayName.trim() === '') {
      throw new DomainError('validation_failed', 'Say how your name should be shown', [
        { path: 'displayName', message: 'is required for a new account' },
      ]);
    }
    newHash = await hashPassword(answer.password);
  } else if (!(await verifyPassword(existing.passwordHash, answer.password))) {
    throw new DomainError(
      'unauthenticated',
      'The password is not correct for the existing account of this e-mail address',
    );
  }

  return runChange(db, async (tx) => {
    const invitation = await findOpenInvitationByTokenHash(tx, hashSecret(token), true);
    if (invitation === null) {
      throw new DomainError('not_found', 'This invitation link is unknown, already used or expired');
    }
    let userId: string;
    if (newHash !== null) {
      if ((await findUserByEmail(tx, invitation.email)) !== null) {
        throw new DomainError('conflict', 'An account with this e-mail address was just created; use its password');
      }
      const user = await insertUser(tx, {
        email: invitation.email,
        displayName: (answer.displayName ?? '').trim(),
        passwordHash: newHash,
        isAdmin: invitation.makeAdmin,
      });
      userId = user.id;
    } else {
      userId = existing?.id ?? '';
      if (invitation.makeAdmin) {
        await updateUserFlags(tx, userId, { isAdmin: true });
      }
    }
    const actor: Actor = {
      kind: 'user',
      userId,
      email: invitation.email,
      organisationId: invitation.organisationId,
      ip: answer.ip,
    };
    await insertMembership(tx, userId, invitation.organisationId);
    if (invitation.chainId !== null && invitation.role !== null) {
      await grantChainRoleIn(tx, actor, invitation.chainId, {
        userId,
        role: invitation.role,
        organisationId: invitation.organisationId,
        partnerId: invitation.partnerId,
      });
    }
    await markInvitationAccepted(tx, invitation.id, userId);
    await recordAudit(tx, actor, {
      action: 'invitation.accept',
      targetType: 'invitation',
      targetId: invitation.id,
      chainId: invitation.chainId,
      details: { newAccount: newHash !== null },
    });
    return { userId, session: await startSession(tx, userId, settings) };
  });
}

/** The open invitations of a chain. */
export async function findChainInvitations(q: Queryable, chainId: string): Promise<InvitationRow[]> {
  return listOpenChainInvitations(q, chainId);
}

/** Revokes an open invitation of a chain; `not_found` when there is none with this id. */
export async function revokeInvitation(
  db: Database,
  actor: Actor,
  chainId: string,
  invitationId: string,
): Promise<void> {
  await runChange(db, async (tx) => {
    const revoked = isUuid(invitationId) ? await revokeChainInvitation(tx, chainId, invitationId) : null;
    if (revoked === null) {
      throw notFound('Invitation');
    }
    await recordAudit(tx, actor, {
      action: 'invitation.revoke',
      targetType: 'invitation',
      targetId: revoked.id,
      chainId,
    });
  });
}
