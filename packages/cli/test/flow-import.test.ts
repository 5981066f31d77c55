/**
 * `ketenregie import` as a user runs it, in a child process: imports into the embedded database
 * and into PostgreSQL, and — the all-or-nothing promise — an import killed half-way through
 * storing leaves nothing behind. Also: the pseudonyms the command line makes at a partner's site
 * are the ones the server makes on import.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase, openPostgresDatabase, PGLITE_SUBDIR, type Database } from '@ketenregie/server';
import { BIN, runCli } from './run-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketenregie-flow-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const MODEL = {
  format: 'ketenregie/chain-model',
  formatVersion: 1,
  chain: { slug: 'acute-zorg', name: 'Acute zorg', targetGroup: 'Patiënten', societalGoal: 'Gouden uur' },
  partners: [
    {
      key: 'meldkamer',
      name: 'Meldkamer',
      sector: 'emergency-dispatch',
      roles: ['executor'],
      interestLevel: 3,
      influence: 3,
      commitment: 3,
    },
    {
      key: 'ziekenhuis',
      name: 'Ziekenhuis',
      sector: 'hospital',
      roles: ['executor'],
      interestLevel: 3,
      influence: 3,
      commitment: 3,
    },
  ],
  links: [
    { key: 'melding', name: 'Melding', partnerKeys: ['meldkamer'], activities: ['Call received', 'Dispatch'] },
    { key: 'seh', name: 'SEH', partnerKeys: ['ziekenhuis'], activities: ['Triage', 'Surgery start'] },
  ],
};

/** A CSV of `cases` cases with four events each, BSN-like ids. */
function bigCsv(cases: number): string {
  const rows = ['bsn,activity,timestamp'];
  const base = Date.UTC(2025, 0, 1);
  const activities = ['Call received', 'Dispatch', 'Triage', 'Surgery start'];
  for (let c = 0; c < cases; c++) {
    const bsn = String(100_000_000 + c * 7);
    for (let a = 0; a < 4; a++) {
      rows.push(`${bsn},${activities[a]},${new Date(base + c * 60_000 + a * 600_000).toISOString()}`);
    }
  }
  return rows.join('\n') + '\n';
}

interface Target {
  readonly name: string;
  readonly env: () => Promise<Record<string, string>>;
  readonly open: (env: Record<string, string>) => Promise<Database>;
}

const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const scratchDatabases: string[] = [];

const TARGETS: Target[] = [
  {
    name: 'pglite',
    env: () => Promise.resolve({ KETENREGIE_DATA: join(dir, `data-${randomUUID()}`) }),
    open: (env) => openPgliteDatabase({ dataDir: join(env.KETENREGIE_DATA!, PGLITE_SUBDIR) }),
  },
  ...(databaseUrl === undefined
    ? []
    : [
        {
          name: 'postgres',
          env: async () => {
            const name = `ketenregie_cli_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
            const admin = new pg.Client({ connectionString: databaseUrl });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            scratchDatabases.push(name);
            const url = new URL(databaseUrl);
            url.pathname = `/${name}`;
            return { DATABASE_URL: url.toString(), KETENREGIE_DATA: join(dir, `keys-${name}`) };
          },
          open: (env: Record<string, string>) => openPostgresDatabase({ connectionString: env.DATABASE_URL! }),
        },
      ]),
];

afterAll(async () => {
  if (databaseUrl === undefined || scratchDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  for (const name of scratchDatabases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** Runs the CLI with DATABASE_URL passed through (runCli removes it). */
function run(args: readonly string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function count(db: Database, table: 'events' | 'event_imports'): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

describe.each(TARGETS)('ketenregie import [$name]', (target) => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await target.env();
    const model = join(dir, `model-${randomUUID()}.json`);
    await writeFile(model, JSON.stringify(MODEL));
    const created = await run(['import-model', model], env);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
  });

  it('imports, refuses the same file again, and stores nothing when killed half-way', async () => {
    const small = join(dir, 'small.csv');
    await writeFile(small, bigCsv(10));
    const first = await run(['import', '--chain', 'acute-zorg', '--partner', 'meldkamer', '--case', 'bsn', small], env);
    expect(first.stderr).toContain('storing 40 of 40 events');
    expect(first.stdout).toMatch(/^Imported 40 events of 10 cases from small\.csv for Meldkamer/);
    expect(first.status).toBe(0);
    const again = await run(['import', '--chain', 'acute-zorg', '--partner', 'meldkamer', small], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('imported before');

    const big = join(dir, 'big.csv');
    const cases = 55_000;
    await writeFile(big, bigCsv(cases));
    const child = spawn(
      process.execPath,
      [BIN, 'import', '--chain', 'acute-zorg', '--partner', 'ziekenhuis', '--case', 'bsn', big],
      { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // The first batch is stored, the transaction is still open: kill it now.
        const match = /storing (\d+) of (\d+) events/g;
        for (const [, stored, total] of stderr.matchAll(match)) {
          if (Number(stored) > 0 && Number(stored) < Number(total)) {
            child.kill('SIGKILL');
            resolve(true);
            return;
          }
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed, stderr).toBe(true);
    await new Promise((resolve) => child.on('close', resolve));

    const db = await target.open(env);
    try {
      expect(await count(db, 'event_imports')).toBe(1);
      expect(await count(db, 'events')).toBe(40);
    } finally {
      await db.close();
    }
    const retried = await run(
      ['import', '--chain', 'acute-zorg', '--partner', 'ziekenhuis', '--case', 'bsn', big],
      env,
    );
    expect(retried.stdout).toContain(`Imported ${cases * 4} events of ${cases} cases`);
    expect(retried.status).toBe(0);
  }, 240_000);
});

describe('ketenregie pseudonymise', () => {
  it('gives the pseudonyms the server stores on import, for any identifiers', async () => {
    const env = { KETENREGIE_DATA: join(dir, 'pseudonyms') };
    const model = join(dir, 'model-pseudonyms.json');
    await writeFile(model, JSON.stringify(MODEL));
    expect((await run(['import-model', model], env)).status).toBe(0);
    const keyFile = join(dir, 'acute-zorg.key.json');
    const exported = await run(['pseudonymise', '--export-key', '--chain', 'acute-zorg', '--key-file', keyFile], env);
    expect(exported.status).toBe(0);
    expect(JSON.parse(await readFile(keyFile, 'utf8'))).toMatchObject({ chain: 'acute-zorg', version: 1 });

    const identifier = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(8, 9))
        .map(([n, width]) => String(n).padStart(width, '0')),
      fc.integer({ min: 10_000_000, max: 999_999_999 }).map((n) => {
        const s = String(n).padStart(9, '0');
        return `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6)}`;
      }),
      fc.stringMatching(/^[A-Za-z0-9 ,"ë-]{1,12}$/),
    );
    let attempt = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(identifier, { minLength: 1, maxLength: 6 }), async (ids) => {
        attempt++;
        const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const csv =
          'case_id,activity,timestamp\n' +
          ids.map((id, i) => `${quote(id)},Call received,2025-02-0${1 + (i % 9)}T10:0${attempt % 10}:00Z`).join('\n') +
          '\n';
        const file = join(dir, `ids-${attempt}.csv`);
        await writeFile(file, csv);
        const local = await run(['pseudonymise', '--key-file', keyFile, '--column', 'case_id', file], env);
        expect(local.status, local.stderr).toBe(0);
        const imported = await run(['import', '--chain', 'acute-zorg', '--partner', 'meldkamer', file], env);
        expect(imported.status, imported.stderr).toBe(0);
        const db = await openPgliteDatabase({ dataDir: join(env.KETENREGIE_DATA, PGLITE_SUBDIR) });
        try {
          const stored = await db.query<{ case_id: string }>(
            `SELECT DISTINCT e.case_id FROM events e JOIN event_imports i ON i.id = e.import_id
              WHERE i.file_name = $1 ORDER BY 1`,
            [`ids-${attempt}.csv`],
          );
          const fromCli = [
            ...new Set(
              local.stdout
                .trim()
                .split('\n')
                .slice(1)
                .map((line) => line.split(',')[0]!.replaceAll('"', '')),
            ),
          ].sort();
          expect(stored.map((r) => r.case_id)).toEqual(fromCli);
        } finally {
          await db.close();
        }
      }),
      { numRuns: 3 },
    );
  }, 240_000);

  it('keeps every other byte of the file', async () => {
    const keyFile = join(dir, 'plain.key');
    await writeFile(keyFile, `${Buffer.alloc(32, 1).toString('base64')}\n`);
    const file = join(dir, 'keep.csv');
    await writeFile(
      file,
      '\uFEFFnaam;bsn;opmerking\r\n"Jansen; J.";123456782;"twee\r\nregels"\r\nPietersen;"012345678";\r\n',
    );
    const result = await runCli(['pseudonymise', '--key-file', keyFile, '--column', 'bsn', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^\uFEFFnaam;bsn;opmerking\r\n"Jansen; J.";[A-Z2-7]{26};"twee\r\nregels"\r\nPietersen;"[A-Z2-7]{26}";\r\n$/,
    );
    expect(result.stdout).not.toContain('123456782');
  });
});
