/** SQL for `users`, `organisations` and `memberships`. */
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** A user as the services see it (never with the password hash, which only sign-in reads). */
export type UserRow = {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly isDemo: boolean;
  readonly hasPassword: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
};

/** An organisation. */
export type OrganisationRow = {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
};

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.is_admin AS "isAdmin", u.is_demo AS "isDemo",
  (u.password_hash IS NOT NULL) AS "hasPassword", (u.disabled_at IS NOT NULL) AS disabled, u.created_at AS "createdAt"`;

/** Finds a user by id. */
export async function findUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1::uuid`, [id]);
  return rows[0] ?? null;
}

/** Finds a user by normalised e-mail address. */
export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.email = $1`, [email]);
  return rows[0] ?? null;
}

/** The password hash of an enabled, non-demo user with this e-mail address, for sign-in. */
export async function findSignInCredentials(
  q: Queryable,
  email: string,
): Promise<{ id: string; passwordHash: string | null } | null> {
  const rows = await q.query<{ id: string; passwordHash: string | null }>(
    `SELECT id, password_hash AS "passwordHash" FROM users
      WHERE email = $1 AND disabled_at IS NULL AND NOT is_demo`,
    [email],
  );
  return rows[0] ?? null;
}

/** Inserts a user. */
export async function insertUser(
  q: Queryable,
  values: {
    readonly email: string;
    readonly displayName: string;
    readonly passwordHash: string | null;
    readonly isAdmin: boolean;
    readonly isDemo?: boolean;
  },
): Promise<UserRow> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, is_admin, is_demo)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [values.email, values.displayName, values.passwordHash, values.isAdmin, values.isDemo ?? false],
  );
  const user = await findUserById(q, single(rows, 'insertUser').id);
  return single(user === null ? [] : [user], 'insertUser');
}

/** Sets a user's password hash. */
export async function setUserPassword(q: Queryable, id: string, passwordHash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
}

/** Sets the administrator flag and/or the disabled state of a user; returns the updated user. */
export async function updateUserFlags(
  q: Queryable,
  id: string,
  flags: { readonly isAdmin?: boolean | undefined; readonly disabled?: boolean | undefined },
): Promise<UserRow | null> {
  await q.query(
    `UPDATE users
        SET is_admin = COALESCE($2, is_admin),
            disabled_at = CASE WHEN $3::boolean IS NULL THEN disabled_at
                               WHEN $3::boolean THEN COALESCE(disabled_at, now()) ELSE NULL END,
            updated_at = now()
      WHERE id = $1::uuid`,
    [id, flags.isAdmin ?? null, flags.disabled ?? null],
  );
  return findUserById(q, id);
}

/** Every user, by e-mail address. */
export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.email`);
}

/** Whether an enabled administrator who can sign in with a password exists. */
export async function hasUsableAdministrator(q: Queryable): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM users WHERE is_admin AND password_hash IS NOT NULL AND disabled_at IS NULL LIMIT 1',
  );
  return rows.length > 0;
}

/** The demo user, if there is one. */
export async function findDemoUser(q: Queryable): Promise<UserRow | null> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.is_demo LIMIT 1`);
  return rows[0] ?? null;
}

/** Finds an organisation by id. */
export async function findOrganisationById(q: Queryable, id: string): Promise<OrganisationRow | null> {
  const rows = await q.query<OrganisationRow>(
    'SELECT id, name, created_at AS "createdAt" FROM organisations WHERE id = $1::uuid',
    [id],
  );
  return rows[0] ?? null;
}

/** Finds an organisation by its exact name. */
export async function findOrganisationByName(q: Queryable, name: string): Promise<OrganisationRow | null> {
  const rows = await q.query<OrganisationRow>(
    'SELECT id, name, created_at AS "createdAt" FROM organisations WHERE name = $1',
    [name],
  );
  return rows[0] ?? null;
}

/** Inserts an organisation. */
export async function insertOrganisation(q: Queryable, name: string): Promise<OrganisationRow> {
  const rows = await q.query<OrganisationRow>(
    'INSERT INTO organisations (name) VALUES ($1) RETURNING id, name, created_at AS "createdAt"',
    [name],
  );
  return single(rows, 'insertOrganisation');
}

/** Every organisation, by name. */
export async function listOrganisations(q: Queryable): Promise<OrganisationRow[]> {
  return q.query<OrganisationRow>('SELECT id, name, created_at AS "createdAt" FROM organisations ORDER BY name, id');
}

/** Makes a user a member of an organisation (no-op when already). */
export async function insertMembership(q: Queryable, userId: string, organisationId: string): Promise<void> {
  await q.query('INSERT INTO memberships (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    userId,
    organisationId,
  ]);
}

/** The organisations a user is a member of, by name. */
export async function listUserOrganisations(q: Queryable, userId: string): Promise<OrganisationRow[]> {
  return q.query<OrganisationRow>(
    `SELECT o.id, o.name, o.created_at AS "createdAt" FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.user_id = $1 ORDER BY o.name, o.id`,
    [userId],
  );
}
