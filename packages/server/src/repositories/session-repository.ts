/** SQL for `sessions` and `login_failures`. */
import type { Queryable } from '../db/database.ts';

/** A live session joined with its (enabled) user. */
export type SessionRow = {
  readonly idHash: string;
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly isDemo: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly demo: boolean;
};

/** Stores a new session. */
export async function insertSession(
  q: Queryable,
  values: { readonly idHash: string; readonly userId: string; readonly expiresAt: Date; readonly demo: boolean },
): Promise<void> {
  await q.query('INSERT INTO sessions (id_hash, user_id, expires_at, demo) VALUES ($1, $2, $3, $4)', [
    values.idHash,
    values.userId,
    values.expiresAt.toISOString(),
    values.demo,
  ]);
}

/**
 * The session with this hash when it is still valid: before its absolute end, used within the
 * idle timeout, and its user not disabled.
 */
export async function findLiveSession(q: Queryable, idHash: string, idleSeconds: number): Promise<SessionRow | null> {
  const rows = await q.query<SessionRow>(
    `SELECT s.id_hash AS "idHash", s.user_id AS "userId", u.email, u.display_name AS "displayName",
            u.is_admin AS "isAdmin", u.is_demo AS "isDemo", s.created_at AS "createdAt",
            s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", s.demo
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2)
        AND u.disabled_at IS NULL`,
    [idHash, idleSeconds],
  );
  return rows[0] ?? null;
}

/** Marks a session as used now. */
export async function touchSession(q: Queryable, idHash: string): Promise<void> {
  await q.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
}

/** Ends one session. */
export async function deleteSession(q: Queryable, idHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user (disabled account, changed password). */
export async function deleteUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Removes sessions that can no longer be used. */
export async function deleteDeadSessions(q: Queryable, idleSeconds: number): Promise<void> {
  await q.query('DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)', [
    idleSeconds,
  ]);
}

/** Kinds of key the sign-in rate limit counts failures under. */
export type FailureKind = 'ip' | 'account';

/** Number of failed sign-ins under a key within the last `windowSeconds`. */
export async function countLoginFailures(
  q: Queryable,
  kind: FailureKind,
  keyHash: string,
  windowSeconds: number,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_failures
      WHERE kind = $1 AND key_hash = $2 AND attempted_at > now() - make_interval(secs => $3)`,
    [kind, keyHash, windowSeconds],
  );
  return rows[0]?.n ?? 0;
}

/** Records one failed sign-in under both keys and forgets failures older than a day. */
export async function insertLoginFailure(q: Queryable, ipHash: string, accountHash: string): Promise<void> {
  await q.query(`INSERT INTO login_failures (kind, key_hash) VALUES ('ip', $1), ('account', $2)`, [
    ipHash,
    accountHash,
  ]);
  await q.query(`DELETE FROM login_failures WHERE attempted_at < now() - interval '1 day'`);
}

/** Forgets the failures of an account after a successful sign-in. */
export async function deleteAccountLoginFailures(q: Queryable, accountHash: string): Promise<void> {
  await q.query(`DELETE FROM login_failures WHERE kind = 'account' AND key_hash = $1`, [accountHash]);
}
