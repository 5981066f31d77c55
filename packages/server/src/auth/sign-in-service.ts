/**
 * Signing in with e-mail address and password. Failures are counted per client address and per
 * account name (whether or not such an account exists) in the database, so the limit holds across
 * replicas. Every refusal says the same thing whether the account exists or not, and an unknown
 * account still costs one argon2 verification, so neither the answer nor its timing tells.
 */
import { DomainError } from '@ketenregie/core';
import type { Database } from '../db/database.ts';
import { findSignInCredentials, setUserPassword } from '../repositories/user-repository.ts';
import {
  countLoginFailures,
  deleteAccountLoginFailures,
  insertLoginFailure,
} from '../repositories/session-repository.ts';
import { recordAudit } from '../services/audit-service.ts';
import { SIGN_IN_LIMITS, type AuthSettings } from './auth-settings.ts';
import { normaliseEmail } from './email.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';
import { hashSecret } from './secrets.ts';
import { startSession, type NewSession } from './session-service.ts';

/** The one message for a wrong address or password. */
export const SIGN_IN_REFUSED_MESSAGE = 'The e-mail address or password is not correct';
/** The one message when the limit is reached, for existing and unknown accounts alike. */
export const SIGN_IN_LIMITED_MESSAGE =
  'Too many failed sign-in attempts for this account or from this address; wait 15 minutes and try again';

/** A sign-in attempt. */
export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
  /** The client address (as fastify determines it, proxies trusted per configuration). */
  readonly ip: string;
}

/** Checks the credentials and starts a session; `unauthenticated` or `rate_limited` otherwise. */
export async function signIn(
  db: Database,
  attempt: SignInAttempt,
  settings: Pick<AuthSettings, 'sessionMaxSeconds' | 'sessionIdleSeconds'>,
): Promise<{ readonly userId: string; readonly session: NewSession }> {
  const email = normaliseEmail(attempt.email);
  const accountKey = hashSecret(`account:${email}`);
  const addressKey = hashSecret(`ip:${attempt.ip}`);
  const window = SIGN_IN_LIMITS.windowSeconds;
  const [accountFailures, addressFailures] = [
    await countLoginFailures(db, 'account', accountKey, window),
    await countLoginFailures(db, 'ip', addressKey, window),
  ];
  if (accountFailures >= SIGN_IN_LIMITS.perAccount || addressFailures >= SIGN_IN_LIMITS.perAddress) {
    await recordAudit(
      db,
      { kind: 'anonymous', ip: attempt.ip },
      {
        action: 'session.sign_in_limited',
        targetType: 'session',
      },
    );
    throw new DomainError('rate_limited', SIGN_IN_LIMITED_MESSAGE);
  }

  const credentials = await findSignInCredentials(db, email);
  const valid = await verifyPassword(credentials?.passwordHash ?? null, attempt.password);
  if (credentials === null || !valid) {
    await db.transaction(async (tx) => {
      await insertLoginFailure(tx, addressKey, accountKey);
      await recordAudit(
        tx,
        { kind: 'anonymous', ip: attempt.ip },
        {
          action: 'session.sign_in_failed',
          targetType: 'user',
          targetId: credentials?.id ?? null,
        },
      );
    });
    throw new DomainError('unauthenticated', SIGN_IN_REFUSED_MESSAGE);
  }

  const userId = credentials.id;
  const rehash = credentials.passwordHash !== null && needsRehash(credentials.passwordHash);
  const newHash = rehash ? await hashPassword(attempt.password).catch(() => null) : null;
  const session = await db.transaction(async (tx) => {
    await deleteAccountLoginFailures(tx, accountKey);
    if (newHash !== null) {
      await setUserPassword(tx, userId, newHash);
    }
    await recordAudit(
      tx,
      { kind: 'user', userId, email, organisationId: null, ip: attempt.ip },
      {
        action: 'session.sign_in',
        targetType: 'user',
        targetId: userId,
      },
    );
    return startSession(tx, userId, settings);
  });
  return { userId, session };
}
