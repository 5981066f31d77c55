/**
 * The first administrator. While no administrator can sign in with a password, every start
 * creates a fresh one-time set-up link (only its hash is stored, so a restart makes the previous
 * link useless) and the server prints it once. Opening the link lets the person at the machine
 * choose the administrator's e-mail address, name, organisation and password.
 */
import { DomainError } from '@ketenregie/core';
import { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import { findAppState, setAppState } from '../repositories/app-state-repository.ts';
import {
  findOrganisationByName,
  findUserByEmail,
  hasUsableAdministrator,
  insertMembership,
  insertOrganisation,
  insertUser,
  setUserPassword,
  updateUserFlags,
} from '../repositories/user-repository.ts';
import { recordAudit } from '../services/audit-service.ts';
import { runChange } from '../services/run-change.ts';
import { SETUP_TTL_SECONDS, type AuthSettings } from './auth-settings.ts';
import { hashPassword } from './passwords.ts';
import { createSecret, equalsInConstantTime, hashSecret, looksLikeSecret } from './secrets.ts';
import { startSession, type NewSession } from './session-service.ts';

/** Key in `app_state` holding the hash of the current set-up link. */
export const ADMIN_SETUP_KEY = 'admin_setup';

const storedSetupSchema = z.object({ tokenHash: z.string().nullable(), expiresAt: z.string() });

/** Creates a new set-up link token when no administrator can sign in; null when one can. */
export async function prepareAdministratorSetup(db: Database): Promise<string | null> {
  if (await hasUsableAdministrator(db)) {
    return null;
  }
  const token = createSecret();
  await setAppState(db, ADMIN_SETUP_KEY, {
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + SETUP_TTL_SECONDS * 1000).toISOString(),
  });
  return token;
}

/** Whether `token` is the current, unexpired set-up link while no administrator can sign in. */
export async function isSetupTokenValid(q: Queryable, token: string): Promise<boolean> {
  if (!looksLikeSecret(token)) {
    return false;
  }
  const parsed = storedSetupSchema.safeParse(await findAppState(q, ADMIN_SETUP_KEY));
  if (!parsed.success || parsed.data.tokenHash === null || Date.parse(parsed.data.expiresAt) <= Date.now()) {
    return false;
  }
  return equalsInConstantTime(parsed.data.tokenHash, hashSecret(token)) && !(await hasUsableAdministrator(q));
}

/** What the set-up form asks. */
export interface SetupAnswer {
  readonly email: string;
  readonly displayName: string;
  readonly organisationName: string;
  readonly password: string;
  readonly ip: string | null;
}

/** Creates the administrator (or makes an existing account one), uses up the link and signs in. */
export async function completeAdministratorSetup(
  db: Database,
  token: string,
  answer: SetupAnswer,
  settings: Pick<AuthSettings, 'sessionMaxSeconds' | 'sessionIdleSeconds'>,
): Promise<{ readonly userId: string; readonly session: NewSession }> {
  if (!(await isSetupTokenValid(db, token))) {
    throw new DomainError(
      'not_found',
      'This set-up link is unknown, already used or expired; restart the server for a new one',
    );
  }
  const passwordHash = await hashPassword(answer.password);
  return runChange(db, async (tx) => {
    await tx.query('SELECT key FROM app_state WHERE key = $1 FOR UPDATE', [ADMIN_SETUP_KEY]);
    if (!(await isSetupTokenValid(tx, token))) {
      throw new DomainError('not_found', 'This set-up link was just used');
    }
    const organisation =
      (await findOrganisationByName(tx, answer.organisationName)) ??
      (await insertOrganisation(tx, answer.organisationName));
    const existing = await findUserByEmail(tx, answer.email);
    if (existing?.isDemo === true) {
      throw new DomainError('validation_failed', 'Choose another e-mail address than the demo user’s', [
        { path: 'email', message: 'belongs to the demo user' },
      ]);
    }
    const userId =
      existing === null
        ? (
            await insertUser(tx, {
              email: answer.email,
              displayName: answer.displayName,
              passwordHash,
              isAdmin: true,
            })
          ).id
        : existing.id;
    if (existing !== null) {
      await setUserPassword(tx, existing.id, passwordHash);
      await updateUserFlags(tx, existing.id, { isAdmin: true, disabled: false });
    }
    await insertMembership(tx, userId, organisation.id);
    await setAppState(tx, ADMIN_SETUP_KEY, { tokenHash: null, expiresAt: new Date().toISOString() });
    await recordAudit(
      tx,
      { kind: 'user', userId, email: answer.email, organisationId: organisation.id, ip: answer.ip },
      { action: 'admin.setup', targetType: 'user', targetId: userId },
    );
    return { userId, session: await startSession(tx, userId, settings) };
  });
}
