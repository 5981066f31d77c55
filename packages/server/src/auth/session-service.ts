/**
 * Sessions: a random 256-bit id in an HttpOnly cookie, stored in the database only as its SHA-256.
 * A session ends after the idle timeout without requests, at its absolute end, at sign-out, and
 * when its user is disabled.
 */
import type { Database, Queryable } from '../db/database.ts';
import {
  deleteDeadSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
  type SessionRow,
} from '../repositories/session-repository.ts';
import type { AuthSettings } from './auth-settings.ts';
import { createSecret, hashSecret, looksLikeSecret } from './secrets.ts';

/** A session just created: the secret goes into the cookie and nowhere else. */
export interface NewSession {
  readonly secret: string;
  /** The stored form of the secret, which identifies the session in the database. */
  readonly idHash: string;
  readonly expiresAt: Date;
}

/** How often `last_seen_at` is refreshed at most, to spare a write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** Starts a session for a user; also clears away sessions that can no longer be used. */
export async function startSession(
  q: Queryable,
  userId: string,
  settings: Pick<AuthSettings, 'sessionMaxSeconds' | 'sessionIdleSeconds'>,
  options: { readonly demo?: boolean } = {},
): Promise<NewSession> {
  const secret = createSecret();
  const expiresAt = new Date(Date.now() + settings.sessionMaxSeconds * 1000);
  await deleteDeadSessions(q, settings.sessionIdleSeconds);
  const idHash = hashSecret(secret);
  await insertSession(q, { idHash, userId, expiresAt, demo: options.demo ?? false });
  return { secret, idHash, expiresAt };
}

/** The live session behind a cookie value, refreshing its idle timer; null when it is unknown or over. */
export async function findSession(
  db: Database,
  secret: string,
  settings: Pick<AuthSettings, 'sessionIdleSeconds'>,
): Promise<SessionRow | null> {
  if (!looksLikeSecret(secret)) {
    return null;
  }
  const session = await findLiveSession(db, hashSecret(secret), settings.sessionIdleSeconds);
  if (session !== null && Date.now() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchSession(db, session.idHash);
  }
  return session;
}

/** Ends the session behind a cookie value (no-op when there is none). */
export async function endSession(q: Queryable, secret: string): Promise<void> {
  if (looksLikeSecret(secret)) {
    await deleteSession(q, hashSecret(secret));
  }
}
