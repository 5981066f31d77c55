/**
 * Starting and stopping the whole server: open the database, migrate, prepare the first start
 * (demo), listen; and on SIGTERM/SIGINT stop accepting connections, let requests in flight finish,
 * close the database cleanly and exit 0.
 */
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.ts';
import { ensureDemoUser } from './auth/demo-user-service.ts';
import { loadMasterKeyring } from './auth/master-key.ts';
import { prepareAdministratorSetup } from './auth/setup-service.ts';
import type { AppConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import { registerMasterKeyring, rewrapPseudonymKeys } from './services/pseudonym-key-service.ts';
import { prepareFirstStart } from './services/seed-demo.ts';
import { loadTemplates, type TemplateCatalog } from './services/template-service.ts';

/** A running server. */
export interface RunningServer {
  /** Base URL it listens on, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly db: Database;
  /** Stops accepting connections, waits for requests in flight, then closes the database. Idempotent. */
  close(): Promise<void>;
}

/** Options for tests and tools; production passes only the configuration. */
export interface StartServerOptions {
  readonly templates?: TemplateCatalog;
  /** Passed to {@link createApp}; `false` silences the logs. */
  readonly logger?: boolean;
}

/** Opens the database, migrates it, seeds the demo on the first start and listens. */
export async function startServer(config: AppConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(config);
  let app: FastifyInstance | null = null;
  try {
    const templates = options.templates ?? (await loadTemplates());
    const migrations = await migrate(db);
    app = await createApp({
      db,
      config,
      templates,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
    app.log.info({ applied: migrations.applied, database: db.kind }, 'database ready');
    await prepareKeys(app, db, config);
    const firstStart = await prepareFirstStart(db, { seedDemo: config.seedDemo, templates });
    if (firstStart.demo !== null) {
      app.log.info(
        { chainId: firstStart.demo.chainId, events: firstStart.demo.eventCount, ms: firstStart.demo.durationMs },
        'demo chains created',
      );
    }
    if (config.demoLogin !== 'off') {
      await ensureDemoUser(db);
    }
    await app.listen({ port: config.port, host: config.host });
    await announceAdministratorSetup(app, db, config);
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }

  const started = app;
  const address = started.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    app: started,
    db,
    close: () => {
      closing ??= (async () => {
        try {
          await started.close();
        } finally {
          await db.close();
        }
      })();
      return closing;
    },
  };
}

/**
 * Makes SIGTERM and SIGINT shut the server down gracefully and exit 0 (1 when closing fails).
 * A second signal while closing exits at once with 1. Returns a function that removes the handlers.
 */
export function handleShutdownSignals(
  server: RunningServer,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      server.app.log.warn({ signal }, 'second signal while shutting down; exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}

/** Loads the master key (generating one on a machine without it) and re-wraps keys after a master key rotation. */
async function prepareKeys(app: FastifyInstance, db: Database, config: AppConfig): Promise<void> {
  const loaded = await loadMasterKeyring(config);
  registerMasterKeyring(db, loaded.keyring);
  if (loaded.source === 'generated') {
    app.log.warn(
      { dataDir: config.dataDir },
      'KETENREGIE_MASTER_KEY is not set: generated a master key for the pseudonymisation keys in the data directory (master.key, readable by this user only). Set KETENREGIE_MASTER_KEY on a server and keep the key apart from database backups.',
    );
  } else if (loaded.source === 'file') {
    app.log.warn(
      { dataDir: config.dataDir },
      'using the generated master key in the data directory; set KETENREGIE_MASTER_KEY on a server',
    );
  }
  if (loaded.insecureFile) {
    app.log.warn('the master key file can be read by other users; run: chmod 600 master.key');
  }
  const { rewrapped, unknown } = await rewrapPseudonymKeys(db, loaded.keyring);
  if (rewrapped > 0) {
    app.log.info({ rewrapped }, 'pseudonymisation keys re-wrapped under the current master key');
  }
  if (unknown > 0) {
    app.log.warn({ keys: unknown }, 'some pseudonymisation keys are wrapped by a master key this server does not have');
  }
}

/**
 * While no administrator can sign in, prints a fresh one-time link to set the administrator's
 * password (once per start; a restart makes the previous link useless).
 */
async function announceAdministratorSetup(app: FastifyInstance, db: Database, config: AppConfig): Promise<void> {
  const token = await prepareAdministratorSetup(db);
  if (token === null) {
    return;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const base = config.publicUrl ?? `http://localhost:${port}`;
  app.log.warn(
    { setupUrl: `${base}/setup/${token}` },
    'no administrator has a password yet: open the set-up link (valid 24 hours, once) to create one',
  );
}
