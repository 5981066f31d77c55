/** SQL for `chain_pseudonym_keys`. */
import type { Queryable } from '../db/database.ts';

/** One stored, still encrypted key. */
export type WrappedKeyRow = {
  readonly chainId: string;
  readonly version: number;
  readonly wrappedKey: string;
  readonly masterKeyId: string;
  readonly retiredAt: string | null;
};

const KEY_COLUMNS = `chain_id AS "chainId", version, wrapped_key AS "wrappedKey", master_key_id AS "masterKeyId",
  retired_at AS "retiredAt"`;

/** The newest unretired key of a chain; `lock` serialises creation and rotation per chain. */
export async function findCurrentWrappedKey(
  q: Queryable,
  chainId: string,
  lock = false,
): Promise<WrappedKeyRow | null> {
  if (lock) {
    await q.query('SELECT id FROM chains WHERE id = $1 FOR UPDATE', [chainId]);
  }
  const rows = await q.query<WrappedKeyRow>(
    `SELECT ${KEY_COLUMNS} FROM chain_pseudonym_keys WHERE chain_id = $1 AND retired_at IS NULL
      ORDER BY version DESC LIMIT 1`,
    [chainId],
  );
  return rows[0] ?? null;
}

/** One version of a chain's key. */
export async function findWrappedKey(q: Queryable, chainId: string, version: number): Promise<WrappedKeyRow | null> {
  const rows = await q.query<WrappedKeyRow>(
    `SELECT ${KEY_COLUMNS} FROM chain_pseudonym_keys WHERE chain_id = $1 AND version = $2`,
    [chainId, version],
  );
  return rows[0] ?? null;
}

/** The highest version a chain has used (0 when none). */
export async function findLatestKeyVersion(q: Queryable, chainId: string): Promise<number> {
  const rows = await q.query<{ v: number }>(
    'SELECT COALESCE(max(version), 0)::int AS v FROM chain_pseudonym_keys WHERE chain_id = $1',
    [chainId],
  );
  return rows[0]?.v ?? 0;
}

/** Stores a new key version. */
export async function insertWrappedKey(
  q: Queryable,
  values: {
    readonly chainId: string;
    readonly version: number;
    readonly wrappedKey: string;
    readonly masterKeyId: string;
  },
): Promise<void> {
  await q.query(
    'INSERT INTO chain_pseudonym_keys (chain_id, version, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4)',
    [values.chainId, values.version, values.wrappedKey, values.masterKeyId],
  );
}

/** Retires every unretired key of a chain (before a new version is added). */
export async function retireWrappedKeys(q: Queryable, chainId: string): Promise<void> {
  await q.query('UPDATE chain_pseudonym_keys SET retired_at = now() WHERE chain_id = $1 AND retired_at IS NULL', [
    chainId,
  ]);
}

/** Every key wrapped by a master key other than `masterKeyId`. */
export async function listKeysWrappedByOtherMaster(q: Queryable, masterKeyId: string): Promise<WrappedKeyRow[]> {
  return q.query<WrappedKeyRow>(
    `SELECT ${KEY_COLUMNS} FROM chain_pseudonym_keys WHERE master_key_id <> $1 ORDER BY chain_id, version`,
    [masterKeyId],
  );
}

/** Replaces the wrapping of one key version (master key rotation). */
export async function updateWrappedKey(
  q: Queryable,
  values: {
    readonly chainId: string;
    readonly version: number;
    readonly wrappedKey: string;
    readonly masterKeyId: string;
  },
): Promise<void> {
  await q.query(
    'UPDATE chain_pseudonym_keys SET wrapped_key = $3, master_key_id = $4 WHERE chain_id = $1 AND version = $2',
    [values.chainId, values.version, values.wrappedKey, values.masterKeyId],
  );
}
