/** SQL for `api_tokens`. */
import type { ApiTokenPurpose } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { single } from './chain-repository.ts';

/** An API token as stored (without its hash). */
export type ApiTokenRow = {
  readonly id: string;
  readonly prefix: string;
  readonly name: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly chainId: string;
  readonly purpose: ApiTokenPurpose;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
};

const TOKEN_COLUMNS = `t.id, t.prefix, t.name, t.organisation_id AS "organisationId", o.name AS "organisationName",
  t.chain_id AS "chainId", t.purpose, t.created_at AS "createdAt", t.last_used_at AS "lastUsedAt",
  t.revoked_at AS "revokedAt"`;
const TOKEN_FROM = 'api_tokens t JOIN organisations o ON o.id = t.organisation_id';

/** Stores a new token. */
export async function insertApiToken(
  q: Queryable,
  values: {
    readonly tokenHash: string;
    readonly prefix: string;
    readonly name: string;
    readonly organisationId: string;
    readonly chainId: string;
    readonly purpose: ApiTokenPurpose;
    readonly createdBy: string | null;
  },
): Promise<ApiTokenRow> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO api_tokens (token_hash, prefix, name, organisation_id, chain_id, purpose, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      values.tokenHash,
      values.prefix,
      values.name,
      values.organisationId,
      values.chainId,
      values.purpose,
      values.createdBy,
    ],
  );
  const id = single(rows, 'insertApiToken').id;
  return single(
    await q.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE t.id = $1`, [id]),
    'insertApiToken',
  );
}

/** The unrevoked token with this hash. */
export async function findActiveApiToken(q: Queryable, tokenHash: string): Promise<ApiTokenRow | null> {
  const rows = await q.query<ApiTokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Records that a token was used (at most once a minute, to spare writes). */
export async function touchApiToken(q: Queryable, id: string): Promise<void> {
  await q.query(
    `UPDATE api_tokens SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

/** The tokens of a chain, revoked ones included, newest first. */
export async function listChainApiTokens(q: Queryable, chainId: string): Promise<ApiTokenRow[]> {
  return q.query<ApiTokenRow>(
    `SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE t.chain_id = $1 ORDER BY t.created_at DESC, t.id`,
    [chainId],
  );
}

/** Revokes a token of a chain; null when the chain has no unrevoked token with this id. */
export async function revokeApiToken(q: Queryable, chainId: string, id: string): Promise<ApiTokenRow | null> {
  const rows = await q.query<{ id: string }>(
    `UPDATE api_tokens SET revoked_at = now() WHERE chain_id = $1 AND id = $2::uuid AND revoked_at IS NULL RETURNING id`,
    [chainId, id],
  );
  if (rows.length === 0) {
    return null;
  }
  return single(
    await q.query<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE t.id = $1`, [id]),
    'revokeApiToken',
  );
}
