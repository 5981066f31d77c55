import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../src/db/open-pglite.ts';
import { openPostgresDatabase } from '../src/db/open-postgres.ts';
import { domainError } from './support/domain-error.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-lock-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'pglite');
}

describe('embedded database lock', () => {
  it('refuses a second opening of the same data directory and frees it on close', async () => {
    const dataDir = await tempDataDir();
    const db = await openPgliteDatabase({ dataDir });
    const second = await domainError(() => openPgliteDatabase({ dataDir }));
    expect(second.code).toBe('unavailable');
    expect(second.message).toContain(dataDir);
    await db.close();
    const again = await openPgliteDatabase({ dataDir });
    await again.close();
  });

  it('refuses a data directory that another running process holds', async () => {
    const dataDir = await tempDataDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    cleanups.push(() => {
      holder.kill();
      return Promise.resolve();
    });
    await writeFile(`${dataDir}.lock`, `${holder.pid}\n`);
    const error = await domainError(() => openPgliteDatabase({ dataDir }));
    expect(error.message).toContain(`pid ${holder.pid}`);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = await tempDataDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(`${dataDir}.lock`, `${gone.pid}\n`);
    const db = await openPgliteDatabase({ dataDir });
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });
});

describe('PostgreSQL adapter', () => {
  it('says which server it cannot reach, without the password', async () => {
    const error = await domainError(() =>
      openPostgresDatabase({ connectionString: 'postgres://ketenregie:geheim@127.0.0.1:1/keten' }),
    );
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/keten: /);
    expect(error.message).not.toContain('geheim');
  });
});
