/**
 * A real Ketenregie server for the browser tests, started in-process on a free port with its own
 * temporary data directory (embedded PGlite, demo chains seeded), serving a current build of the
 * web app.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer } from '@ketenregie/server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds `packages/web/dist` unless it is already newer than every source file. */
export function buildWebApp(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'packages/web/scripts/build-if-stale.js'), '--quiet'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

/** A running server for one test file. */
export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Calls the JSON API directly, as another user would (e.g. to cause a version conflict). */
  api<T>(method: string, apiPath: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Seed the demo chains (with a year of trajectory data) on start; they take a few seconds. */
  readonly demo: boolean;
}

/** Builds the web app if needed and starts a server with a fresh data directory. */
export async function startTestServer({ demo }: TestServerOptions): Promise<TestServer> {
  buildWebApp();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketenregie-e2e-'));
  const env = { KETENREGIE_DATA: dataDir, KETENREGIE_DEMO: demo ? 'true' : 'false', LOG_LEVEL: 'error' };
  const config = { ...loadConfig(env, repoRoot), port: 0 };
  const server = await startServer(config, { logger: false });
  return {
    url: server.url,
    api: async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${server.url}/api/v1${apiPath}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${apiPath} answered ${response.status}: ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
