/**
 * Runs a test suite against every database the product supports: embedded PGlite always, and
 * PostgreSQL when `DATABASE_URL` is set. Each test file gets its own database (PGlite in memory,
 * or a fresh schema on the PostgreSQL server) so that files can run in parallel; between tests the
 * tables are emptied. Without `DATABASE_URL` the PostgreSQL variants are skipped with a visible
 * message, unless `KETENREGIE_REQUIRE_FULL_SUITE=1`, in which case they fail.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { Database, DatabaseKind } from '../../src/db/database.ts';
import { MIGRATIONS_DIR, listMigrationFiles, migrate } from '../../src/db/migrate.ts';
import { openPgliteDatabase } from '../../src/db/open-pglite.ts';
import { openPostgresDatabase } from '../../src/db/open-postgres.ts';

/**
 * Empties every table between tests except the append-only audit log (which refuses it; tests
 * read it by the ids of what they created) and the migrations record.
 */
export const RESET_TABLES_SQL = 'TRUNCATE chains, app_state, users, organisations, login_failures CASCADE';

/** Access to the current test database inside a suite. */
export interface TestDatabaseContext {
  readonly kind: DatabaseKind;
  /** The migrated database of this file, emptied before every test. */
  readonly db: Database;
  /** Another freshly migrated, empty database of the same kind, closed after the file. */
  openFresh(): Promise<Database>;
}

const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const requireFullSuite = process.env.KETENREGIE_REQUIRE_FULL_SUITE === '1';

/** Title suffix of the skipped PostgreSQL variants. */
export const POSTGRES_SKIPPED = 'PostgreSQL tests skipped: DATABASE_URL not set';

let warned = false;

/** Declares `body` once per database kind; it receives a context whose `db` is valid inside tests and hooks. */
export function describeEachDatabase(name: string, body: (ctx: TestDatabaseContext) => void): void {
  describe(`${name} [pglite]`, () => {
    body(useDatabase('pglite'));
  });
  describeOnPostgres(name, () => {
    body(useDatabase('postgres'));
  });
}

/**
 * Declares a suite that needs a PostgreSQL server: it runs when `DATABASE_URL` is set, fails when
 * the full suite is required, and is otherwise skipped with a visible message.
 */
export function describeOnPostgres(name: string, body: (connectionString: string) => void): void {
  if (databaseUrl !== undefined) {
    describe(`${name} [postgres]`, () => {
      body(databaseUrl);
    });
  } else if (requireFullSuite) {
    describe(`${name} [postgres]`, () => {
      it('runs on PostgreSQL', () => {
        throw new Error('KETENREGIE_REQUIRE_FULL_SUITE=1 but DATABASE_URL is not set: the PostgreSQL tests cannot run');
      });
    });
  } else {
    if (!warned) {
      warned = true;
      console.warn(`[ketenregie] ${POSTGRES_SKIPPED}`);
    }
    describe.skip(`${name} [postgres] (${POSTGRES_SKIPPED})`, () => {
      body('postgres://skipped');
    });
  }
}

/**
 * Creates an empty database of its own on the PostgreSQL server (for code that connects with a
 * plain `DATABASE_URL`, such as `startServer`); returns its connection string and a function that
 * drops it.
 */
export async function createScratchPostgresDatabase(
  connectionString: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ketenregie_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(connectionString);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Registers the hooks that open, empty and close this file's database of one kind. */
function useDatabase(kind: DatabaseKind): TestDatabaseContext {
  let current: TestDatabase | null = null;
  const extra: TestDatabase[] = [];
  beforeAll(async () => {
    current = await openTestDatabase(kind);
  });
  beforeEach(async () => {
    await current?.db.exec(RESET_TABLES_SQL);
  });
  afterAll(async () => {
    for (const database of [...extra, ...(current === null ? [] : [current])]) {
      await database.dispose();
    }
  });
  return {
    kind,
    get db(): Database {
      if (current === null) {
        throw new Error('the test database is only available inside tests and hooks');
      }
      return current.db;
    },
    async openFresh() {
      const database = await openTestDatabase(kind);
      extra.push(database);
      return database.db;
    },
  };
}

/** A migrated database and how to get rid of it. */
export interface TestDatabase {
  readonly db: Database;
  dispose(): Promise<void>;
}

/** Opens a migrated, empty database of the given kind. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase({ dataDir: null, loadDataDir: await migratedPgliteSnapshot() });
    return { db, dispose: () => db.close() };
  }
  if (databaseUrl === undefined) {
    throw new Error(POSTGRES_SKIPPED);
  }
  return openPostgresSchema(databaseUrl);
}

/** Creates a schema of its own on the server, migrates it, and drops it on dispose. */
async function openPostgresSchema(connectionString: string): Promise<TestDatabase> {
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const db = await openPostgresDatabase({ connectionString, searchPath: schema, maxConnections: 4 });
  await migrate(db);
  return {
    db,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

let snapshot: Promise<Blob> | null = null;

/**
 * A dump of a freshly migrated PGlite data directory. Starting PGlite from scratch takes seconds;
 * loading a dump well under one. The dump is cached in the temp directory under a hash of the
 * migrations and the PGlite version, so all test files of a run (and later runs) share it.
 */
function migratedPgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    // The package does not export its package.json; it sits one level above its entry point (dist/).
    const pgliteEntry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
    const pglitePackage = path.join(path.dirname(pgliteEntry), '..', 'package.json');
    const pgliteVersion = (JSON.parse(await readFile(pglitePackage, 'utf8')) as { version: string }).version;
    const hash = createHash('sha256').update(pgliteVersion);
    for (const file of await listMigrationFiles()) {
      hash.update(file).update(await readFile(path.join(MIGRATIONS_DIR, file)));
    }
    const cacheFile = path.join(tmpdir(), `ketenregie-test-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    try {
      return new Blob([await readFile(cacheFile)]);
    } catch {
      const db = await openPgliteDatabase({ dataDir: null });
      try {
        await migrate(db);
        const dump = await db.dumpDataDir();
        const partial = `${cacheFile}.${process.pid}.${randomUUID()}`;
        await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
        await rename(partial, cacheFile);
        return dump;
      } finally {
        await db.close();
      }
    }
  })();
  return snapshot;
}
