/**
 * @ketenregie/server — configuration, database, migrations, services and the HTTP API.
 * The CLI and the end-to-end tests use these entry points; see docs/architecture.md.
 */
export { loadConfig, DEFAULT_WEB_DIST, LOG_LEVELS, type AppConfig, type LogLevel } from './config.ts';
export type { Database, DatabaseKind, Queryable, Row } from './db/database.ts';
export { openDatabase, PGLITE_SUBDIR } from './db/open-database.ts';
export { openPgliteDatabase, type PgliteDatabase, type PgliteOptions } from './db/open-pglite.ts';
export { openPostgresDatabase, type PostgresOptions } from './db/open-postgres.ts';
export { migrate, listMigrationFiles, MIGRATIONS_DIR } from './db/migrate.ts';
export { createApp, BODY_LIMIT_BYTES, SERVER_VERSION, type CreateAppOptions } from './app.ts';
export { startServer, handleShutdownSignals, type RunningServer, type StartServerOptions } from './server.ts';
export {
  seedDemo,
  prepareFirstStart,
  DEMO_TEMPLATE_KEY,
  DEMO_SEED,
  type SeedDemoOptions,
  type SeedDemoResult,
  type FirstStartResult,
} from './services/seed-demo.ts';
export { exportChainModel, importChainModel, type ChainModelOverrides } from './services/chain-model-service.ts';
export { listChains, getChainDetail, createChain, updateChain, deleteChain } from './services/chain-service.ts';
export { createPartner, updatePartner, deletePartner } from './services/partner-service.ts';
export { createLink, updateLink, deleteLink, reorderLinks } from './services/link-service.ts';
export {
  loadTemplates,
  createTemplateCatalog,
  summariseTemplate,
  createChainFromTemplate,
  TEMPLATES_DIR,
  type TemplateCatalog,
  type TemplateSummary,
} from './services/template-service.ts';
export { STATUS_OF_ERROR, errorResponseSchema, type ErrorResponse } from './http/error-response.ts';
export { SYSTEM_ACTOR, type Actor } from './auth/actor.ts';
export { recordAudit, recordCaseLevelRead, listAudit, auditEntriesToCsv } from './services/audit-service.ts';
export {
  getChainPseudonymKey,
  getChainPseudonymKeyVersion,
  rotateChainPseudonymKey,
  rewrapPseudonymKeys,
  registerMasterKeyring,
  type ChainPseudonymKey,
} from './services/pseudonym-key-service.ts';
export { loadMasterKeyring, type MasterKeyring } from './auth/master-key.ts';
export { ownsPartner } from './auth/chain-access-service.ts';
export type { Caller, ChainAccess } from './auth/caller.ts';
