/**
 * Builders for the flow tests: a chain from the small model of `fixtures.ts` with a master key
 * registered for its pseudonymisation keys, members in each role with their sessions, and uploads.
 */
import { randomBytes } from 'node:crypto';
import type { ChainDetail, ChainRole } from '@ketenregie/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { toMasterKey } from '../../src/auth/master-key.ts';
import type { Database } from '../../src/db/database.ts';
import { importChainModel } from '../../src/services/chain-model-service.ts';
import { getChainPseudonymKey, registerMasterKeyring } from '../../src/services/pseudonym-key-service.ts';
import { buildChainMember, buildUser, injectAs, signIn } from './accounts.ts';
import { buildModel } from './fixtures.ts';

/** Registers a fresh master key for `db` (what the server does at start-up). */
export function useTestMasterKey(db: Database): void {
  registerMasterKeyring(db, { current: toMasterKey(randomBytes(32)), previous: [] });
}

/** The chain's current pseudonymisation key, as the importer uses it. */
export async function chainKey(db: Database, chainId: string): Promise<Buffer> {
  return (await getChainPseudonymKey(db, chainId)).key;
}

/** The small acute-care model: partners ambulance, meldkamer, ziekenhuis; links melding, rit, seh, ok. */
export async function buildFlowChain(db: Database, slug = 'acute-zorg'): Promise<ChainDetail> {
  return importChainModel(db, buildModel(slug));
}

/** The id of a partner of the chain by its key. */
export function partnerId(chain: ChainDetail, key: string): string {
  const partner = chain.partners.find((p) => p.key === key);
  if (partner === undefined) throw new Error(`no partner ${key}`);
  return partner.id;
}

/** A member of the chain in `role` (a partner role stands for `partnerKey`), and `inject` acting as them. */
export async function buildMember(
  db: Database,
  app: FastifyInstance,
  chain: ChainDetail,
  role: ChainRole,
  partnerKey?: string,
): Promise<ReturnType<typeof injectAs>> {
  const user = await buildUser(db);
  await buildChainMember(db, {
    chainId: chain.chain.id,
    user,
    role,
    ...(partnerKey === undefined ? {} : { partnerId: partnerId(chain, partnerKey) }),
  });
  return injectAs(app, await signIn(db, user.id));
}

/** Uploads `body` as an import of the chain with the given query parameters. */
export function upload(
  inject: ReturnType<typeof injectAs>,
  chainId: string,
  body: string | Buffer,
  query: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return inject({
    method: 'POST',
    url: `/api/v1/chains/${chainId}/imports?${new URLSearchParams(query).toString()}`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
}
