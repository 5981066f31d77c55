/**
 * Starting and stopping the whole server: open the database, migrate, prepare the first start
 * (demo), listen; and on SIGTERM/SIGINT stop accepting connections, let requests in flight finish,
 * close the database cleanly and exit 0.
 */
import type { FastifyInstance } from 'fastify';
import { createApp } from './app.ts';
import type { AppConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
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
    const firstStart = await prepareFirstStart(db, { seedDemo: config.seedDemo, templates });
    if (firstStart.demo !== null) {
      app.log.info(
        { chainId: firstStart.demo.chainId, events: firstStart.demo.eventCount, ms: firstStart.demo.durationMs },
        'demo chains created',
      );
    }
    await app.listen({ port: config.port, host: config.host });
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
