import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '@ketenregie/core';
import { formatDuration, registerAnalyseCommand } from '../src/commands/analyse.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketenregie-analyse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs `ketenregie analyse …` in-process with the real command and captures its output. */
async function analyse(...args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command('ketenregie').exitOverride().configureOutput({
    writeOut: (t) => (out += t),
    writeErr: (t) => (err += t),
  });
  registerAnalyseCommand(program, { out: (t) => (out += t), err: (t) => (err += t), showProgress: false });
  await program.parseAsync(['analyse', ...args], { from: 'user' });
  return { out, err };
}

async function rejection(...args: string[]): Promise<DomainError> {
  try {
    await analyse(...args);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected analyse to fail');
}

/** Three cases; figures worked out by hand in the test below. */
const CSV = `case_id,activity,timestamp
1,register,2024-01-01T10:00:00Z
2,register,2024-01-01T10:00:00Z
1,check,2024-01-01T11:00:00Z
2,check,2024-01-01T10:10:00Z
1,decide,2024-01-01T13:00:00Z
null,register,2024-01-02T08:00:00Z
2,decide,2024-01-01T14:10:00Z
`;

describe('ketenregie analyse', () => {
  it('prints the JSON contract with every figure as computed by hand', async () => {
    const { out } = await analyse(write('log.csv', CSV), '--json');
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result.summary).toMatchObject({ cases: 3, events: 7, activities: 3 });
    expect(result.startActivities).toEqual([{ activity: 'register', cases: 3 }]);
    expect(result.endActivities).toEqual([
      { activity: 'decide', cases: 2 },
      { activity: 'register', cases: 1 },
    ]);
    // register→check: 3600 and 600 s → mean = median = 2100; p90: 600 + 0.9 · 3000 = 3300.
    // check→decide: 7200 and 14400 s → mean = median = 10800; p90: 7200 + 0.9 · 7200 = 13680.
    expect(result.edges).toEqual([
      expect.objectContaining({
        from: 'register',
        to: 'check',
        count: 2,
        meanSeconds: 2100,
        medianSeconds: 2100,
        p90Seconds: 3300,
      }),
      expect.objectContaining({
        from: 'check',
        to: 'decide',
        count: 2,
        meanSeconds: 10800,
        medianSeconds: 10800,
        p90Seconds: 13680,
      }),
    ]);
    // durations 10800, 15000 and 0 s: mean 8600, median 10800, p90: 10800 + 0.8 · 4200 = 14160.
    expect(result.caseDurations).toEqual({ meanSeconds: 8600, medianSeconds: 10800, p90Seconds: 14160 });
    expect(result.variants).toEqual([
      expect.objectContaining({ activities: ['register', 'check', 'decide'], cases: 2 }),
      expect.objectContaining({ activities: ['register'], cases: 1 }),
    ]);
  });

  it('prints a readable report without --json', async () => {
    const { out } = await analyse(write('report.csv', CSV));
    expect(out).toContain('3 cases, 7 events, 3 activities');
    expect(out).toContain('Case duration (first to last event): mean 2h 23m, median 3h 00m, 90th percentile 3h 56m');
    expect(out).toMatch(/register\s+→ check\s+2\s+35m 00s\s+35m 00s\s+55m 00s/);
    // the variant's cases last 10800 and 15000 s: median 12900 s = 3h 35m
    expect(out).toContain('1. 2 cases (66.7%), median duration 3h 35m: register → check → decide');
  });

  it('maps CSV columns and reads semicolons, gzip and Dutch dates', async () => {
    const text = 'Dossier;Stap;Moment\n7;melding;01-03-2024 09:00\n7;besluit;01-03-2024 09:45:30\n';
    const { out } = await analyse(
      write('nl.csv.gz', gzipSync(text)),
      '--case',
      'Dossier',
      '--activity',
      'Stap',
      '--timestamp',
      'Moment',
      '--json',
    );
    const result = JSON.parse(out) as { edges: { meanSeconds: number }[]; summary: { firstEvent: string } };
    expect(result.edges[0]?.meanSeconds).toBe(2730);
    expect(result.summary.firstEvent).toBe('2024-03-01T08:00:00.000Z');
  });

  it('reads XES and OCEL, by extension or by --format', async () => {
    const xes = `<log><trace><string key="concept:name" value="1"/>
      <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>
      <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2024-01-01T10:01:00Z"/></event>
    </trace></log>`;
    const fromXes = JSON.parse((await analyse(write('log.xes', xes), '--json')).out) as { edges: unknown[] };
    expect(fromXes.edges).toEqual([expect.objectContaining({ from: 'a', to: 'b', count: 1, meanSeconds: 60 })]);
    const fromTxt = JSON.parse((await analyse(write('log.txt', xes), '--format', 'xes', '--json')).out) as unknown;
    expect(fromTxt).toEqual(fromXes);
    const ocel = JSON.stringify({
      objectTypes: [{ name: 'client' }],
      objects: [{ id: 'c', type: 'client' }],
      events: [
        { id: '1', type: 'a', time: '2024-01-01T10:00:00Z', relationships: [{ objectId: 'c' }] },
        { id: '2', type: 'b', time: '2024-01-01T10:02:00Z', relationships: [{ objectId: 'c' }] },
      ],
    });
    const { out, err } = await analyse(write('log.jsonocel', ocel), '--json');
    expect((JSON.parse(out) as { edges: { meanSeconds: number }[] }).edges[0]?.meanSeconds).toBe(120);
    expect(err).toContain('cases are the objects of type "client"');
  });

  it('rejects bad input naming file, line and field, and prints nothing', async () => {
    const path = write('bad.csv', 'case_id,activity,timestamp\n1,a,2024-01-01T10:00:00Z\n1,b,gisteren\n');
    const error = await rejection(path, '--json');
    expect(error.code).toBe('validation_failed');
    expect(error.details[0]).toMatchObject({ file: 'bad.csv', line: 3, path: 'timestamp' });
    expect((await rejection(write('cols.csv', 'a,b,c\n1,2,3\n'))).message).toContain('"case_id"');
    expect((await rejection(write('empty.csv', 'case_id,activity,timestamp\n'))).message).toContain(
      'contains no events',
    );
    expect((await rejection(write('log.parquet', 'x'))).message).toContain('--format');
    expect((await rejection(join(dir, 'missing.csv'))).message).toContain('does not exist');
    await expect(analyse(path, '--format', 'pdf')).rejects.toThrow(/Allowed choices are csv, xes, ocel/);
  });

  it('formats durations for people', () => {
    expect([5, 65, 3600 + 120, 90_000, -30].map(formatDuration)).toEqual(['5s', '1m 05s', '1h 02m', '1d 01h', '-30s']);
  });
});

describe('the ketenregie command (spawned)', () => {
  const bin = fileURLToPath(new URL('../bin/ketenregie.js', import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr }),
      );
    });

  it('prints JSON on stdout and exits 0 on good input', async () => {
    const { code, stdout } = await run(['analyse', write('ok.csv', CSV), '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { summary: { events: number } }).summary.events).toBe(7);
  });

  it('exits non-zero with the problem on stderr on bad input', async () => {
    const { code, stdout, stderr } = await run([
      'analyse',
      write('worse.csv', 'case_id,activity,timestamp\n1,a,nooit\n'),
      '--json',
    ]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('worse.csv');
    expect(stderr).toContain('"nooit" is not a timestamp');
  });
});
