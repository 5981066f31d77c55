/** SQL for the `chains` table. No rules here: the services decide what may change. */
import { isUuid, type Chain, type ChainSummary } from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';

const CHAIN_COLUMNS = `id, slug, name, description, target_group AS "targetGroup", societal_goal AS "societalGoal",
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The user-set fields of a chain, as stored. */
export interface ChainFields {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly targetGroup: string;
  readonly societalGoal: string;
}

/** Selects a chain by id or slug; ids win when a slug happens to look like another chain's id. */
function chainRefQuery(ref: string, suffix: string): { sql: string; params: unknown[] } {
  if (isUuid(ref)) {
    return {
      sql: `SELECT ${CHAIN_COLUMNS} FROM chains WHERE id = $1::uuid OR slug = $2
            ORDER BY (id = $1::uuid) DESC LIMIT 1 ${suffix}`,
      params: [ref.toLowerCase(), ref],
    };
  }
  return { sql: `SELECT ${CHAIN_COLUMNS} FROM chains WHERE slug = $1 ${suffix}`, params: [ref] };
}

/** Finds a chain by id or slug. */
export async function findChainByRef(q: Queryable, ref: string): Promise<Chain | null> {
  const { sql, params } = chainRefQuery(ref, '');
  const rows = await q.query<Chain>(sql, params);
  return rows[0] ?? null;
}

/** Finds a chain by id or slug and locks its row until the transaction ends, serialising changes to one chain. */
export async function lockChainByRef(q: Queryable, ref: string): Promise<Chain | null> {
  const { sql, params } = chainRefQuery(ref, 'FOR UPDATE');
  const rows = await q.query<Chain>(sql, params);
  return rows[0] ?? null;
}

/** Whether another chain than `exceptId` uses `slug`. */
export async function isSlugTaken(q: Queryable, slug: string, exceptId: string | null = null): Promise<boolean> {
  const rows = await q.query(
    exceptId === null
      ? 'SELECT 1 FROM chains WHERE slug = $1'
      : 'SELECT 1 FROM chains WHERE slug = $1 AND id <> $2::uuid',
    exceptId === null ? [slug] : [slug, exceptId],
  );
  return rows.length > 0;
}

/** Number of chains in the installation. */
export async function countChains(q: Queryable): Promise<number> {
  const rows = await q.query<{ count: number }>('SELECT count(*) AS count FROM chains');
  return rows[0]?.count ?? 0;
}

/**
 * Chains with partner and link counts, most recently changed first: every chain, or with
 * `visibleTo` only the chains that user holds a role on.
 */
export async function listChainSummaries(q: Queryable, visibleTo: string | null = null): Promise<ChainSummary[]> {
  return q.query<ChainSummary>(
    `SELECT c.id, c.slug, c.name, c.target_group AS "targetGroup", c.societal_goal AS "societalGoal",
            (SELECT count(*) FROM partners p WHERE p.chain_id = c.id)::int AS "partnerCount",
            (SELECT count(*) FROM links l WHERE l.chain_id = c.id)::int AS "linkCount",
            c.updated_at AS "updatedAt"
       FROM chains c
      WHERE $1::uuid IS NULL OR EXISTS (SELECT 1 FROM chain_roles r WHERE r.chain_id = c.id AND r.user_id = $1::uuid)
      ORDER BY c.updated_at DESC, c.slug`,
    [visibleTo],
  );
}

/** Inserts a chain at version 1. */
export async function insertChain(q: Queryable, fields: ChainFields): Promise<Chain> {
  const rows = await q.query<Chain>(
    `INSERT INTO chains (slug, name, description, target_group, societal_goal)
     VALUES ($1, $2, $3, $4, $5)
     RETURNING ${CHAIN_COLUMNS}`,
    [fields.slug, fields.name, fields.description, fields.targetGroup, fields.societalGoal],
  );
  return single(rows, 'insertChain');
}

/** Overwrites the fields of a chain and increments its version, only when it is still at `expectedVersion`. */
export async function updateChainRow(
  q: Queryable,
  id: string,
  expectedVersion: number,
  fields: ChainFields,
): Promise<Chain | null> {
  const rows = await q.query<Chain>(
    `UPDATE chains
        SET slug = $3, name = $4, description = $5, target_group = $6, societal_goal = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2
      RETURNING ${CHAIN_COLUMNS}`,
    [id, expectedVersion, fields.slug, fields.name, fields.description, fields.targetGroup, fields.societalGoal],
  );
  return rows[0] ?? null;
}

/** Marks a chain as changed (a partner or link of it changed) without touching its version. */
export async function touchChain(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE chains SET updated_at = now() WHERE id = $1', [id]);
}

/** Deletes a chain and, by cascade, everything in it; only when it is still at `expectedVersion`. */
export async function deleteChainRow(q: Queryable, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await q.query('DELETE FROM chains WHERE id = $1 AND version = $2 RETURNING id', [id, expectedVersion]);
  return rows.length > 0;
}

/** The one row a statement must return. */
export function single<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) {
    throw new Error(`${what} returned no row`);
  }
  return row;
}
