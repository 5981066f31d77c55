/**
 * One place where a change becomes a transaction: the callback runs inside it, and a unique
 * constraint that fires anyway (two requests racing past the service's own checks) becomes a
 * `conflict` instead of a 500.
 */
import { DomainError } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';

/** What PostgreSQL (and PGlite) put on an error raised by a constraint. */
interface PostgresErrorFields {
  readonly code?: unknown;
  readonly constraint?: unknown;
}

/** Human wording for each unique constraint a user can run into. */
const UNIQUE_CONSTRAINTS: Record<string, { path: string; message: string }> = {
  chains_slug_key: { path: 'slug', message: 'another chain already uses this slug' },
  partners_chain_key_unique: { path: 'key', message: 'another partner of this chain already uses this key' },
  links_chain_key_unique: { path: 'key', message: 'another link of this chain already uses this key' },
};

/** True when `error` is PostgreSQL's unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): error is PostgresErrorFields {
  return typeof error === 'object' && error !== null && (error as PostgresErrorFields).code === '23505';
}

/** Runs `fn` in one transaction and translates unique violations into `conflict`. */
export async function runChange<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const known = typeof error.constraint === 'string' ? UNIQUE_CONSTRAINTS[error.constraint] : undefined;
      throw new DomainError(
        'conflict',
        known === undefined ? 'The change clashes with existing data' : `Conflict: ${known.message}`,
        known === undefined ? [] : [known],
      );
    }
    throw error;
  }
}
