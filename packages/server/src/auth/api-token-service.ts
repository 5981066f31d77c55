/**
 * API tokens for partner systems: one organisation, one chain, one purpose (`measurements` or
 * `events`). The token is shown once when created; only its hash is stored. A revoked token stops
 * working at once.
 */
import { isUuid, notFound, type ApiTokenPurpose } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import {
  findActiveApiToken,
  insertApiToken,
  listChainApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiTokenRow,
} from '../repositories/api-token-repository.ts';
import { recordAudit } from '../services/audit-service.ts';
import { runChange } from '../services/run-change.ts';
import type { Actor } from './actor.ts';
import { ensurePartnerOrganisation } from './account-service.ts';
import type { TokenCaller } from './caller.ts';
import { createSecret, hashSecret, looksLikeSecret } from './secrets.ts';

/** Prefix of every API token, so secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = 'krt_';
/** How many characters of a token are kept to tell tokens apart. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

/** A new token: the secret is in `token` and nowhere else. */
export interface CreatedApiToken {
  readonly apiToken: ApiTokenRow;
  readonly token: string;
}

/** Issues a token for the organisation of a partner of the chain. */
export async function createApiToken(
  db: Database,
  actor: Actor,
  chainId: string,
  request: { readonly name: string; readonly partnerId: string; readonly purpose: ApiTokenPurpose },
): Promise<CreatedApiToken> {
  return runChange(db, async (tx) => {
    const organisationId = await ensurePartnerOrganisation(tx, actor, chainId, request.partnerId, null);
    const token = createSecret(API_TOKEN_PREFIX);
    const apiToken = await insertApiToken(tx, {
      tokenHash: hashSecret(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      name: request.name,
      organisationId,
      chainId,
      purpose: request.purpose,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      action: 'api_token.create',
      targetType: 'api_token',
      targetId: apiToken.id,
      chainId,
      details: { name: request.name, purpose: request.purpose, organisationId },
    });
    return { apiToken, token };
  });
}

/** The tokens of a chain. */
export async function findChainApiTokens(q: Queryable, chainId: string): Promise<ApiTokenRow[]> {
  return listChainApiTokens(q, chainId);
}

/** Revokes a token of the chain; `not_found` when the chain has no active token with this id. */
export async function revokeChainApiToken(db: Database, actor: Actor, chainId: string, tokenId: string): Promise<void> {
  await runChange(db, async (tx) => {
    const revoked = isUuid(tokenId) ? await revokeApiToken(tx, chainId, tokenId) : null;
    if (revoked === null) {
      throw notFound('API token');
    }
    await recordAudit(tx, actor, {
      action: 'api_token.revoke',
      targetType: 'api_token',
      targetId: revoked.id,
      chainId,
    });
  });
}

/** The caller behind a bearer token; null when it is unknown or revoked. */
export async function resolveApiToken(db: Database, token: string): Promise<TokenCaller | null> {
  if (!looksLikeSecret(token, API_TOKEN_PREFIX)) {
    return null;
  }
  const row = await findActiveApiToken(db, hashSecret(token));
  if (row === null) {
    return null;
  }
  await touchApiToken(db, row.id);
  return {
    kind: 'token',
    tokenId: row.id,
    name: row.name,
    organisationId: row.organisationId,
    chainId: row.chainId,
    purpose: row.purpose,
  };
}
