/**
 * Benchmark of issue 3's import target: events per second when importing a partner's extract into
 * PostgreSQL (target ≥ 100,000/s) and into embedded PGlite, through the same service as the API
 * and `ketenregie import` — reading the CSV, pseudonymising every case id, fingerprinting every
 * event, checking for duplicates and bulk-copying in one transaction.
 *
 * For each database it reports the whole import (file to commit) and the storing phase alone
 * (from the first COPY to the commit), and then re-imports the same events under another file name
 * to time the duplicate check (every event is skipped).
 *
 * Usage: npx tsx bench/import-rate.ts [--sizes 1000000] [--targets pglite,postgres]
 *   PostgreSQL from DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a scratch
 *   database is created and dropped. The CSVs are the generated logs of bench/analyse-vs-reference.ts
 *   (bench/out/events-N.csv, made with ../shared/bench/gen-log.py when missing).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chainModelSchema } from '@ketenregie/core';
import { toMasterKey } from '../packages/server/src/auth/master-key.ts';
import type { Database } from '../packages/server/src/db/database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { openPgliteDatabase } from '../packages/server/src/db/open-pglite.ts';
import { openPostgresDatabase } from '../packages/server/src/db/open-postgres.ts';
import { importEventFile, type ImportProgress } from '../packages/server/src/flow/services/import-event-file.ts';
import { importChainModel } from '../packages/server/src/services/chain-model-service.ts';
import { registerMasterKeyring } from '../packages/server/src/services/pseudonym-key-service.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'bench', 'out');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const sizes = argument('--sizes', '1000000').split(',').map(Number);
const targets = argument('--targets', 'postgres,pglite').split(',');
const databaseUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

const MODEL = chainModelSchema.parse({
  format: 'ketenregie/chain-model',
  formatVersion: 1,
  chain: { slug: 'bench', name: 'Bench', targetGroup: 'Clients', societalGoal: 'Fast imports' },
  partners: [
    {
      key: 'partner',
      name: 'Partner',
      sector: 'hospital',
      roles: ['executor'],
      interestLevel: 3,
      influence: 3,
      commitment: 3,
    },
  ],
  links: [{ key: 'all', name: 'All', partnerKeys: ['partner'], activities: [] }],
});

function csvOf(size: number): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `events-${size}.csv`);
  if (!existsSync(file)) {
    execFileSync('python3', [resolve(repoRoot, '../shared/bench/gen-log.py'), String(size), file], {
      stdio: 'inherit',
    });
  }
  return file;
}

interface Measurement {
  readonly seconds: number;
  readonly storingSeconds: number;
  readonly events: number;
  readonly cases: number;
  readonly skipped: number;
}

async function measure(db: Database, chainId: string, file: string): Promise<Measurement> {
  let storingStarted = Number.NaN;
  const onProgress = (progress: ImportProgress) => {
    if (progress.phase === 'storing' && progress.eventsStored === 0) storingStarted = performance.now();
  };
  const started = performance.now();
  const created = await importEventFile(
    db,
    { kind: 'system', label: 'bench' },
    { allPartners: true, partnerIds: [] },
    { chainId, partnerId: 'partner', path: file, onProgress },
  );
  const ended = performance.now();
  return {
    seconds: (ended - started) / 1000,
    storingSeconds: (ended - storingStarted) / 1000,
    events: created.eventCount,
    cases: created.caseCount,
    skipped: created.duplicatesSkipped,
  };
}

async function openTarget(target: string): Promise<{ db: Database; dispose: () => Promise<void> }> {
  if (target === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ketenregie-bench-'));
    const db = await openPgliteDatabase({ dataDir: join(dir, 'pglite') });
    return {
      db,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `ketenregie_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDatabase({ connectionString: url.toString() });
  return {
    db,
    dispose: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

const rate = (events: number, seconds: number) => Math.round(events / seconds).toLocaleString('en');

console.log(`import rate; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}, node ${process.version}`);
for (const size of sizes) {
  const file = csvOf(size);
  const copy = join(tmpdir(), `again-${size}-${randomUUID()}.csv`);
  copyFileSync(file, copy);
  // A trailing blank line: the same events, but not the same file (which would be refused outright).
  appendFileSync(copy, '\n');
  for (const target of targets) {
    const { db, dispose } = await openTarget(target);
    try {
      await migrate(db);
      registerMasterKeyring(db, { current: toMasterKey(randomBytes(32)), previous: [] });
      const chain = await importChainModel(db, MODEL);
      const first = await measure(db, chain.chain.id, file);
      console.log(
        `${target.padEnd(8)} ${size.toLocaleString('en')} events (${first.cases.toLocaleString('en')} cases): ` +
          `whole import ${first.seconds.toFixed(2)} s = ${rate(first.events, first.seconds)} events/s; ` +
          `storing ${first.storingSeconds.toFixed(2)} s = ${rate(first.events, first.storingSeconds)} events/s`,
      );
      const again = await measure(db, chain.chain.id, copy);
      console.log(
        `${target.padEnd(8)} same events again under another name: ${again.skipped.toLocaleString('en')} skipped, ` +
          `${again.events} stored, ${again.seconds.toFixed(2)} s = ${rate(again.skipped, again.seconds)} events/s`,
      );
    } finally {
      await dispose();
    }
  }
  rmSync(copy, { force: true });
}
