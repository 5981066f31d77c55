/**
 * Factories for accounts, in the manner of Outline's `buildUser`: each creates what a test needs
 * directly through the repositories and services (no HTTP), and `signIn` gives the cookie header
 * of a fresh session, so tests state only the role that matters to them.
 */
import type { ChainRole } from '@ketenregie/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEFAULT_AUTH_SETTINGS } from '../../src/auth/auth-settings.ts';
import { SESSION_COOKIE } from '../../src/auth/cookies.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { startSession } from '../../src/auth/session-service.ts';
import type { Database } from '../../src/db/database.ts';
import { insertChainRole, setPartnerOrganisation } from '../../src/repositories/chain-role-repository.ts';
import {
  insertMembership,
  insertOrganisation,
  insertUser,
  type OrganisationRow,
  type UserRow,
} from '../../src/repositories/user-repository.ts';

let counter = 0;
function next(): number {
  counter += 1;
  return counter;
}

/** An organisation with a unique name unless one is given. */
export async function buildOrganisation(db: Database, name = `Organisatie ${next()}`): Promise<OrganisationRow> {
  return insertOrganisation(db, name);
}

/** What {@link buildUser} may be told. */
export interface BuildUserOptions {
  readonly email?: string;
  readonly displayName?: string;
  /** Hashed with argon2id when given (about 50 ms); without it the user can only get a session from {@link signIn}. */
  readonly password?: string;
  readonly isAdmin?: boolean;
  /** The organisation the user belongs to; a new one when absent. */
  readonly organisationId?: string;
}

/** A user who belongs to an organisation. */
export interface BuiltUser extends UserRow {
  readonly organisationId: string;
}

/** Creates a user and their organisation membership. */
export async function buildUser(db: Database, options: BuildUserOptions = {}): Promise<BuiltUser> {
  const n = next();
  const organisationId = options.organisationId ?? (await buildOrganisation(db)).id;
  const user = await insertUser(db, {
    email: options.email ?? `gebruiker-${n}-${Date.now()}@example.org`,
    displayName: options.displayName ?? `Gebruiker ${n}`,
    passwordHash: options.password === undefined ? null : await hashPassword(options.password),
    isAdmin: options.isAdmin ?? false,
  });
  await insertMembership(db, user.id, organisationId);
  return { ...user, organisationId };
}

/** Gives a user a role on a chain; a partner role links the partner row to the user's organisation. */
export async function buildChainMember(
  db: Database,
  values: { readonly chainId: string; readonly user: BuiltUser; readonly role: ChainRole; readonly partnerId?: string },
): Promise<string> {
  if (values.role === 'partner') {
    if (values.partnerId === undefined) {
      throw new Error('buildChainMember: a partner role needs partnerId');
    }
    await setPartnerOrganisation(db, values.partnerId, values.user.organisationId);
  }
  const row = await insertChainRole(db, {
    chainId: values.chainId,
    userId: values.user.id,
    organisationId: values.user.organisationId,
    role: values.role,
    partnerId: values.role === 'partner' ? (values.partnerId ?? null) : null,
  });
  return row.id;
}

/** The `cookie` header of a new session for the user. */
export async function signIn(db: Database, userId: string): Promise<string> {
  const session = await startSession(db, userId, DEFAULT_AUTH_SETTINGS);
  return `${SESSION_COOKIE}=${session.secret}`;
}

/** `app.inject` with the given cookie (or none) on every request. */
export function injectAs(
  app: FastifyInstance,
  cookie: string | null,
): (options: string | InjectOptions) => Promise<LightMyRequestResponse> {
  return (options) => {
    const base: InjectOptions = typeof options === 'string' ? { url: options } : options;
    return app.inject({ ...base, headers: { ...base.headers, ...(cookie === null ? {} : { cookie }) } });
  };
}

/** An administrator with a session, and `inject` acting as them. */
export async function buildSignedInAdmin(
  db: Database,
  app: FastifyInstance,
): Promise<{ user: BuiltUser; cookie: string; inject: ReturnType<typeof injectAs> }> {
  const user = await buildUser(db, { isAdmin: true });
  const cookie = await signIn(db, user.id);
  return { user, cookie, inject: injectAs(app, cookie) };
}
