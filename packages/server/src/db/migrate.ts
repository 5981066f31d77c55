/**
 * Applies the plain SQL migrations in `packages/server/migrations` (`NNNN-name.sql`, forward-only)
 * in file-name order, each in its own transaction, and records them in `schema_migrations`.
 * Every transaction first takes a PostgreSQL advisory lock, so replicas starting together apply
 * each file exactly once. This module imports no application code: only the database port.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Queryable } from './database.ts';

/** Directory of the migration files shipped with the server. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Arbitrary but fixed key of the advisory lock that serialises migrations across replicas. */
const MIGRATION_LOCK_KEY = 47_112_024_001;

const FILE_PATTERN = /^\d{4}-[a-z0-9-]+\.sql$/;

/** What {@link migrate} needs of the database: statements, scripts and transactions. */
export interface MigrationTarget extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Lists the migration files in the order they are applied. */
export async function listMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  const files = names.filter((name) => name.endsWith('.sql'));
  const badName = files.find((name) => !FILE_PATTERN.test(name));
  if (badName !== undefined) {
    throw new Error(`migration file "${badName}" must be named NNNN-lower-case-words.sql`);
  }
  return files.sort();
}

/** Applies every migration file that has not been applied yet; returns the names it applied. */
export async function migrate(db: MigrationTarget, dir: string = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const files = await listMigrationFiles(dir);
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  });

  const applied: string[] = [];
  for (const file of files) {
    const sql = await readFile(path.join(dir, file), 'utf8');
    const didApply = await db.transaction(async (tx) => {
      await lock(tx);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [file]);
      if (done.length > 0) {
        return false;
      }
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      return true;
    });
    if (didApply) {
      applied.push(file);
    }
  }
  return { applied };
}

/** Waits for the migration lock; PostgreSQL releases it when the transaction ends. */
async function lock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
}
