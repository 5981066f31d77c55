import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ketenregie-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ketenregie --help', () => {
  it.each(['serve', 'migrate', 'demo', 'export', 'import-model', 'analyse'])(
    'describes the %s command',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: ketenregie ${command}`);
    },
  );

  it('lists every command at the top level', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'export', 'import-model', 'analyse']) {
      expect(result.stdout).toContain(command);
    }
  });
});

describe('export and import-model', () => {
  it('round-trips the demo chain byte for byte through a second, empty database', async () => {
    const first = { KETENREGIE_DATA: join(dir, 'first') };
    const second = { KETENREGIE_DATA: join(dir, 'second') };
    expect((await runCli(['demo'], first)).status).toBe(0);
    const exported = await runCli(['export', '--chain', 'spoedeisende-medische-hulp'], first);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const model = JSON.parse(exported.stdout) as { partners: unknown[]; links: unknown[] };
    expect(model.partners.length).toBeGreaterThanOrEqual(8);
    expect(model.links.length).toBeGreaterThanOrEqual(8);

    const file = join(dir, 'keten.json');
    await writeFile(file, exported.stdout);
    const imported = await runCli(['import-model', file], second);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const again = await runCli(['export', '--chain', 'spoedeisende-medische-hulp'], second);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(exported.stdout);
  });

  it('refuses a model with a broken reference, naming file and field, and stores nothing', async () => {
    const env = { KETENREGIE_DATA: join(dir, 'broken') };
    const model = {
      format: 'ketenregie/chain-model',
      formatVersion: 1,
      chain: { slug: 'kapot', name: 'Kapot', targetGroup: 'x', societalGoal: 'y' },
      partners: [
        { key: 'a', name: 'A', sector: 'police', roles: ['executor'], interestLevel: 1, influence: 1, commitment: 1 },
      ],
      links: [{ key: 'l', name: 'L', partnerKeys: ['b'] }],
    };
    const file = join(dir, 'kapot.json');
    await writeFile(file, JSON.stringify(model));
    const result = await runCli(['import-model', file], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('kapot.json');
    expect(result.stderr).toContain('links.0.partnerKeys.0');
    const exported = await runCli(['export', '--chain', 'kapot'], env);
    expect(exported.status).not.toBe(0);
    expect(exported.stderr).toContain('not found');
  });

  it('names the line of a JSON syntax error', async () => {
    const file = join(dir, 'syntax.json');
    await writeFile(file, '{\n  "format": "ketenregie/chain-model",\n  oops\n}\n');
    const result = await runCli(['import-model', file], { KETENREGIE_DATA: join(dir, 'syntax') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/syntax\.json:3/);
  });

  it('explains a wrong environment value instead of starting', async () => {
    const result = await runCli(['serve'], { PORT: 'abc', KETENREGIE_DATA: join(dir, 'unused') });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('PORT');
    await expect(readFile(join(dir, 'unused', 'PG_VERSION'))).rejects.toThrow();
  });
});

describe('ketenregie serve', () => {
  it('serves, then on SIGTERM finishes and closes the database so it opens again', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./run-cli.ts');
    const data = join(dir, 'serve');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KETENREGIE_DATA: data,
      KETENREGIE_DEMO: 'false',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const match = /running at (http:\/\/\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early: ${stderr}`)));
    });
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const created = await fetch(`${url}/api/v1/chains`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'blijft-bestaan', name: 'Blijft bestaan', targetGroup: 't', societalGoal: 'g' }),
    });
    expect(created.status).toBe(201);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const exported = await runCli(['export', '--chain', 'blijft-bestaan'], { KETENREGIE_DATA: data });
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ chain: { name: 'Blijft bestaan' } });
  });
});
