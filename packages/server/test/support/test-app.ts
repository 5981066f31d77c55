/** Builds the HTTP app around a test database, with a logger whose lines the test can read. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createApp, type CreateAppConfig } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import { loadTemplates, type TemplateCatalog } from '../../src/services/template-service.ts';

/** One captured log call. */
export interface LogEntry {
  readonly level: string;
  readonly args: readonly unknown[];
}

/** A logger that keeps every call in `entries`, for asserting on what the server logged. */
export function createCapturingLogger(entries: LogEntry[] = []): FastifyBaseLogger {
  const log = (level: string) =>
    ((...args: unknown[]) => {
      entries.push({ level, args });
    }) as FastifyBaseLogger['info'];
  return {
    level: 'info',
    fatal: log('fatal'),
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    trace: log('trace'),
    silent: log('silent'),
    child: () => createCapturingLogger(entries),
  };
}

let templates: Promise<TemplateCatalog> | null = null;

/** The shipped templates, loaded once per test file. */
export function shippedTemplates(): Promise<TemplateCatalog> {
  templates ??= loadTemplates();
  return templates;
}

/** A directory that looks like a built web app: index.html and one hashed asset. */
export async function createFakeWebDist(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-web-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Ketenregie</title><div id="root"></div>');
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app");');
  return dir;
}

/** Creates the app on `db`; web dist defaults to a directory that does not exist. */
export async function createTestApp(
  db: Database,
  options: {
    webDist?: string;
    /** Where captured log calls go; `false` logs nothing (long fuzz runs would keep every request in memory). */
    logs?: LogEntry[] | false;
    config?: Partial<CreateAppConfig>;
  } = {},
): Promise<FastifyInstance> {
  return createApp({
    db,
    config: {
      logLevel: 'info',
      webDist: options.webDist ?? path.join(tmpdir(), 'ketenregie-no-web-dist'),
      ...options.config,
    },
    logger: options.logs === false ? false : createCapturingLogger(options.logs),
    templates: await shippedTemplates(),
  });
}

/** A database whose every statement fails, as when the server has gone away. */
export function createBrokenDatabase(kind: Database['kind'], message: string): Database {
  const fail = () => Promise.reject(new Error(message));
  return { kind, query: fail, exec: fail, transaction: fail, close: () => Promise.resolve() };
}
