/**
 * The local demo user: on a developer's or evaluator's own machine, requests from a loopback
 * address are signed in as this user (a real session), so `npm start` opens a working app without
 * any set-up. The user has no password, so it can never sign in any other way; it is an
 * administrator (so the whole product can be tried, including creating chains) and the director
 * of the demo chains.
 */
import type { Database, Queryable } from '../db/database.ts';
import { listUserRolesOnChain } from '../repositories/chain-role-repository.ts';
import {
  findDemoUser,
  findOrganisationByName,
  insertMembership,
  insertOrganisation,
  insertUser,
  type UserRow,
} from '../repositories/user-repository.ts';
import { runChange } from '../services/run-change.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { grantChainRoleIn } from './account-service.ts';

/** E-mail address of the demo user (`.invalid` can never receive mail). */
export const DEMO_USER_EMAIL = 'demo-ketenregisseur@ketenregie.invalid';
/** Shown name of the demo user. */
export const DEMO_USER_NAME = 'Demo-ketenregisseur';
/** The organisation the demo user acts for. */
export const DEMO_ORGANISATION_NAME = 'Demo-ketenbureau';

const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'demo set-up' };

/** Creates the demo user and its organisation when missing; returns the user. */
export async function ensureDemoUser(db: Database): Promise<UserRow> {
  return runChange(db, async (tx) => ensureDemoUserIn(tx));
}

async function ensureDemoUserIn(tx: Queryable): Promise<UserRow> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [DEMO_USER_LOCK_KEY]);
  const organisation =
    (await findOrganisationByName(tx, DEMO_ORGANISATION_NAME)) ??
    (await insertOrganisation(tx, DEMO_ORGANISATION_NAME));
  const user =
    (await findDemoUser(tx)) ??
    (await insertUser(tx, {
      email: DEMO_USER_EMAIL,
      displayName: DEMO_USER_NAME,
      passwordHash: null,
      isAdmin: true,
      isDemo: true,
    }));
  await insertMembership(tx, user.id, organisation.id);
  return user;
}

/** Serialises creating the demo user across replicas that start together. */
const DEMO_USER_LOCK_KEY = 47_112_024_003;

/** Makes the demo user (created when missing) the director of the given chains. */
export async function makeDemoUserDirector(db: Database, chainIds: readonly string[]): Promise<void> {
  await runChange(db, async (tx) => {
    const user = await ensureDemoUserIn(tx);
    const organisation = await findOrganisationByName(tx, DEMO_ORGANISATION_NAME);
    if (organisation === null) {
      return;
    }
    for (const chainId of chainIds) {
      if ((await listUserRolesOnChain(tx, user.id, chainId)).some((r) => r.role === 'director')) {
        continue;
      }
      await grantChainRoleIn(tx, DEMO_ACTOR, chainId, {
        userId: user.id,
        role: 'director',
        organisationId: organisation.id,
        partnerId: null,
      });
    }
  });
}
