/** Chooses the database from the configuration: PostgreSQL when `DATABASE_URL` is set, else embedded PGlite. */
import path from 'node:path';
import type { AppConfig } from '../config.ts';
import type { Database } from './database.ts';
import { openPgliteDatabase } from './open-pglite.ts';
import { openPostgresDatabase } from './open-postgres.ts';

/** Directory inside the data directory that holds the embedded database's files. */
export const PGLITE_SUBDIR = 'pglite';

/** Opens the configured database: a `pg` pool on `databaseUrl`, or PGlite in `<dataDir>/pglite`. */
export async function openDatabase(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>): Promise<Database> {
  if (config.databaseUrl !== null) {
    return openPostgresDatabase({ connectionString: config.databaseUrl });
  }
  return openPgliteDatabase({ dataDir: path.join(config.dataDir, PGLITE_SUBDIR) });
}
