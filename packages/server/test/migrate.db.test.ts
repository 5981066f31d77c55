import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listMigrationFiles, migrate } from '../src/db/migrate.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('migrations', (ctx) => {
  it('has applied every file once, in order, and a second run applies nothing', async () => {
    const files = await listMigrationFiles();
    expect(files[0]).toBe('0001-chain-model.sql');
    const recorded = await ctx.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(recorded.map((r) => r.name)).toEqual(files);
    expect(await migrate(ctx.db)).toEqual({ applied: [] });
  });

  it('lets two migrations run at once without applying anything twice', async () => {
    const fresh = await ctx.openFresh();
    const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-migrations-'));
    try {
      await writeFile(
        path.join(dir, '0001-counter.sql'),
        'CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);',
      );
      await writeFile(path.join(dir, '0002-more.sql'), 'INSERT INTO counter VALUES (2);');
      const [one, two] = await Promise.all([migrate(fresh, dir), migrate(fresh, dir)]);
      expect([...one.applied, ...two.applied].sort()).toEqual(['0001-counter.sql', '0002-more.sql']);
      expect(await fresh.query('SELECT n FROM counter ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration and does not record it', async () => {
    const fresh = await ctx.openFresh();
    const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-migrations-'));
    try {
      await writeFile(path.join(dir, '0001-half.sql'), 'CREATE TABLE half (n int); SELECT no_such_function();');
      await expect(migrate(fresh, dir)).rejects.toThrow(/no_such_function/);
      expect(await fresh.query("SELECT 1 FROM schema_migrations WHERE name = '0001-half.sql'")).toEqual([]);
      expect(await fresh.query("SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('generates UUIDs in the database and maps timestamps and counts to plain values', async () => {
    const [row] = await ctx.db.query('SELECT gen_random_uuid() AS id, now() AS at, count(*) AS n FROM chains');
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(typeof row?.at).toBe('string');
    expect(new Date(row?.at as string).toISOString()).toBe(row?.at);
    expect(row?.n).toBe(0);
  });
});

it('refuses a migration file with a wrong name', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-migrations-'));
  try {
    await writeFile(path.join(dir, 'add-things.sql'), 'SELECT 1;');
    await expect(listMigrationFiles(dir)).rejects.toThrow('"add-things.sql" must be named NNNN-lower-case-words.sql');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
