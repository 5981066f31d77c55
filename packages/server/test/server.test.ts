import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChainDetail, ChainSummary } from '@ketenregie/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { PGLITE_SUBDIR } from '../src/db/open-database.ts';
import { openPgliteDatabase } from '../src/db/open-pglite.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { buildChainInput } from './support/fixtures.ts';
import { shippedTemplates } from './support/test-app.ts';
import { createScratchPostgresDatabase, describeOnPostgres } from './support/test-databases.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-server-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function configFor(env: NodeJS.ProcessEnv): AppConfig {
  return { ...loadConfig({ KETENREGIE_WEB_DIST: path.join(tmpdir(), 'ketenregie-no-web-dist'), ...env }), port: 0 };
}

async function start(config: AppConfig): Promise<RunningServer> {
  const server = await startServer(config, { logger: false, templates: await shippedTemplates() });
  cleanups.push(() => server.close());
  return server;
}

async function postChain(server: RunningServer, slug: string): Promise<ChainDetail> {
  const response = await fetch(`${server.url}/api/v1/chains`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildChainInput({ slug })),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as ChainDetail;
}

describe('startServer on embedded PGlite', () => {
  it('listens on a real port, seeds the demo on first start, and keeps data across a restart', async () => {
    const dataDir = await tempDir();
    const config = configFor({ KETENREGIE_DATA: dataDir });

    const started = performance.now();
    const first = await start(config);
    console.info(
      `[ketenregie] first start with demo on a new PGlite data dir: ${Math.round(performance.now() - started)} ms`,
    );
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', ok: true } });

    const demoChains = (await (await fetch(`${first.url}/api/v1/chains`)).json()) as ChainSummary[];
    expect(demoChains).toHaveLength(2);
    for (const chain of demoChains) {
      const response = await fetch(`${first.url}/api/v1/chains/${chain.id}?version=1`, { method: 'DELETE' });
      expect(response.status).toBe(204);
    }
    const mine = await postChain(first, 'blijft-bestaan');
    await first.close();
    await first.close();

    const second = await start(config);
    const chains = (await (await fetch(`${second.url}/api/v1/chains`)).json()) as ChainSummary[];
    expect(chains.map((c) => c.slug)).toEqual(['blijft-bestaan']);
    const detail = (await (await fetch(`${second.url}/api/v1/chains/blijft-bestaan`)).json()) as ChainDetail;
    expect(detail.chain).toEqual(mine.chain);
  });

  it('shuts down on SIGTERM with exit code 0 and leaves a data directory that opens again', async () => {
    const dataDir = await tempDir();
    const script = fileURLToPath(new URL('./support/start-server-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, KETENREGIE_DATA: dataDir, KETENREGIE_DEMO: 'false', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((l) => l.startsWith('http://'));
        if (line !== undefined) {
          resolve(line.trim());
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited early with ${code}: ${stderr}`)));
    });

    const response = await fetch(`${url}/api/v1/chains`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(buildChainInput({ slug: 'na-sigterm' })),
    });
    expect(response.status).toBe(201);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(`${path.join(dataDir, PGLITE_SUBDIR)}.lock`)).toBe(false);

    const db = await openPgliteDatabase({ dataDir: path.join(dataDir, PGLITE_SUBDIR) });
    try {
      expect(await db.query('SELECT slug FROM chains')).toEqual([{ slug: 'na-sigterm' }]);
    } finally {
      await db.close();
    }
  });

  it('closes the database again when it cannot listen', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as AddressInfo;
    const dataDir = await tempDir();
    const config = { ...configFor({ KETENREGIE_DATA: dataDir, KETENREGIE_DEMO: 'false' }), port };
    await expect(startServer(config, { logger: false, templates: await shippedTemplates() })).rejects.toThrow(
      /EADDRINUSE/,
    );
    // The embedded database was closed: the same data directory opens again.
    const db = await openPgliteDatabase({ dataDir: path.join(dataDir, PGLITE_SUBDIR) });
    try {
      expect(await db.query('SELECT count(*) AS n FROM schema_migrations')).not.toEqual([{ n: 0 }]);
    } finally {
      await db.close();
    }
  });
});

describeOnPostgres('startServer', (connectionString) => {
  it('runs on DATABASE_URL: migrates, seeds and serves', async () => {
    const scratch = await createScratchPostgresDatabase(connectionString);
    cleanups.push(() => scratch.drop());
    const config = configFor({ DATABASE_URL: scratch.url, KETENREGIE_DATA: await tempDir() });
    const server = await start(config);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'postgres', ok: true } });
    const chains = (await (await fetch(`${server.url}/api/v1/chains`)).json()) as ChainSummary[];
    expect(chains).toHaveLength(2);
    await postChain(server, 'op-postgres');
  });
});
