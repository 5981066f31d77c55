/**
 * Trajectory data for the command line: importing an extract into the configured database with
 * the same service the HTTP API uses, and exporting a chain's pseudonymisation key file.
 */
import { notFound } from '@ketenregie/core';
import { loadMasterKeyring } from '../auth/master-key.ts';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { findChainByRef } from '../repositories/chain-repository.ts';
import { registerMasterKeyring } from '../services/pseudonym-key-service.ts';

export { importMappingSchema, type ImportMapping, type CreatedFlowImport } from './schemas/import-schemas.ts';
export {
  importEventFile,
  type ImportEventFileRequest,
  type ImportProgress,
  type ImportScope,
} from './services/import-event-file.ts';
export { exportPseudonymKeyFile } from './services/export-pseudonym-key.ts';
export { readUploadLimit, UPLOAD_LIMIT_VARIABLE } from './routes/register-flow-routes.ts';

/** Loads the master key as the server does (generating one on a machine without it) for this database. */
export async function preparePseudonymKeys(
  db: Database,
  config: Pick<AppConfig, 'masterKey' | 'previousMasterKeys' | 'dataDir'>,
): Promise<void> {
  const loaded = await loadMasterKeyring(config);
  registerMasterKeyring(db, loaded.keyring);
}

/** The id of a chain given by slug or id; `not_found` otherwise. */
export async function findChainId(db: Database, ref: string): Promise<string> {
  const chain = await findChainByRef(db, ref);
  if (chain === null) throw notFound(`Chain "${ref}"`);
  return chain.id;
}
