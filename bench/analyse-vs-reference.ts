/**
 * Benchmark of issue 3: `ketenregie analyse --json` against the C reference (`dfg-bound.c`, `full`
 * mode) on the same generated CSVs, in the same run, as ratios of wall time and peak memory.
 *
 * 1. compiles ../shared/bench/dfg-bound.c with `gcc -O2 -march=native` into bench/out/;
 * 2. generates 1M- and 5M-event CSVs with ../shared/bench/gen-log.py (kept in bench/out/ and
 *    reused; `--fresh` regenerates);
 * 3. runs, interleaved, `runs` times each: the C reference, the full `ketenregie` command
 *    (bin/ketenregie.js, which loads every command of the CLI), and `bench/run-analyse.ts` (only the
 *    analyse command); peak RSS via `/usr/bin/time` when present, else by polling /proc;
 * 4. checks that both agree on the figures (events, cases, edges, variants, mean case duration) and
 *    prints time and peak memory of each with the ratios (targets: ≤ 3×): the best of the runs
 *    (least disturbed by other load on the machine, for both sides alike) and the median.
 *
 * Usage: npx tsx bench/analyse-vs-reference.ts [--sizes 1000000,5000000] [--runs 3] [--fresh]
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedBench = resolve(repoRoot, '../shared/bench');
const outDir = join(repoRoot, 'bench', 'out');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const sizes = argument('--sizes', '1000000,5000000').split(',').map(Number);
const runs = Number(argument('--runs', '3'));
const fresh = process.argv.includes('--fresh');

interface Measurement {
  readonly seconds: number;
  readonly peakMb: number;
  readonly stdout: string;
  /** For bench/run-analyse.ts: seconds inside the command, after start-up. */
  readonly engineSeconds: number;
}

const haveTime = existsSync('/usr/bin/time');

/** Runs a command, returning wall time, peak RSS (of the process, via /usr/bin/time or /proc) and stdout. */
function measure(command: string, args: readonly string[]): Promise<Measurement> {
  const timeFile = join(outDir, 'time.txt');
  const [file, argv] = haveTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BENCH_TIMING: '1' },
    });
    const out: Buffer[] = [];
    let err = '';
    let polledKb = 0;
    const poll = haveTime
      ? null
      : setInterval(() => {
          try {
            const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (match) polledKb = Math.max(polledKb, Number(match[1]));
          } catch {
            // the process has just ended
          }
        }, 5);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll !== null) clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${err.slice(0, 400)}`));
        return;
      }
      const kb = haveTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : polledKb;
      const engine = /engine-seconds ([\d.]+)/.exec(err);
      resolvePromise({
        seconds,
        peakMb: kb / 1024,
        stdout: Buffer.concat(out).toString('utf8'),
        engineSeconds: engine === null ? Number.NaN : Number(engine[1]),
      });
    });
  });
}

function best(values: readonly number[]): number {
  return Math.min(...values);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Summary {
  readonly events: number;
  readonly cases: number;
  readonly edges: number;
  readonly edgeTotal: number;
  readonly variants: number;
  readonly meanCaseSeconds: number;
}

function fromReference(stdout: string): Summary {
  const r = JSON.parse(stdout) as Record<string, number>;
  return {
    events: r.events!,
    cases: r.cases!,
    edges: r.dfg_edges!,
    edgeTotal: r.dfg_total!,
    variants: r.variants!,
    meanCaseSeconds: r.mean_case_dur_s!,
  };
}

function fromKetenregie(stdout: string): Summary {
  const r = JSON.parse(stdout) as {
    summary: { events: number; cases: number };
    edges: { count: number }[];
    variants: unknown[];
    caseDurations: { meanSeconds: number };
  };
  return {
    events: r.summary.events,
    cases: r.summary.cases,
    edges: r.edges.length,
    edgeTotal: r.edges.reduce((sum, e) => sum + e.count, 0),
    variants: r.variants.length,
    meanCaseSeconds: r.caseDurations.meanSeconds,
  };
}

function agree(a: Summary, b: Summary): boolean {
  return (
    a.events === b.events &&
    a.cases === b.cases &&
    a.edges === b.edges &&
    a.edgeTotal === b.edgeTotal &&
    a.variants === b.variants &&
    Math.abs(a.meanCaseSeconds - b.meanCaseSeconds) <= 0.001
  );
}

const pad = (text: string, width: number) => text.padStart(width);

async function main(): Promise<void> {
  for (const file of ['dfg-bound.c', 'gen-log.py']) {
    if (!existsSync(join(sharedBench, file))) throw new Error(`${join(sharedBench, file)} not found`);
  }
  mkdirSync(outDir, { recursive: true });
  const binary = join(outDir, 'dfg-bound');
  const source = join(sharedBench, 'dfg-bound.c');
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs) {
    execFileSync('gcc', ['-O2', '-march=native', '-o', binary, source], { stdio: 'inherit' });
  }
  const tiny = join(outDir, 'tiny.csv');
  writeFileSync(tiny, 'case_id,activity,timestamp\n1,a,2024-01-01T00:00:00.000Z\n1,b,2024-01-01T00:01:00.000Z\n');

  const cli = ['packages/cli/bin/ketenregie.js'];
  const lean = ['--import', 'tsx', 'bench/run-analyse.ts'];
  const node = process.execPath;

  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}, node ${process.version}; ${runs} runs each, interleaved; time and memory as best / median of the runs`,
  );
  const startup = { cli: [] as Measurement[], lean: [] as Measurement[] };
  for (let r = 0; r < runs; r++) {
    startup.cli.push(await measure(node, [...cli, 'analyse', tiny, '--json']));
    startup.lean.push(await measure(node, [...lean, 'analyse', tiny, '--json']));
  }
  const show = (list: readonly Measurement[], pick: (m: Measurement) => number, digits: number) =>
    `${best(list.map(pick)).toFixed(digits)} / ${median(list.map(pick)).toFixed(digits)}`;
  console.log(
    `start-up on a 2-event file: full CLI ${show(startup.cli, (m) => m.seconds, 2)} s, ${show(startup.cli, (m) => m.peakMb, 0)} MB; analyse only ${show(startup.lean, (m) => m.seconds, 2)} s, ${show(startup.lean, (m) => m.peakMb, 0)} MB`,
  );
  console.log('');
  console.log(
    `${pad('events', 9)}  ${'command'.padEnd(24)} ${pad('time s', 13)} ${pad('time ×', 13)} ${pad('peak MB', 11)} ${pad('memory ×', 11)}  figures`,
  );

  for (const size of sizes) {
    const csv = join(outDir, `events-${size}.csv`);
    if (fresh || !existsSync(csv)) {
      execFileSync('python3', [join(sharedBench, 'gen-log.py'), String(size), csv], { stdio: 'inherit' });
    }
    const results = { c: [] as Measurement[], cli: [] as Measurement[], lean: [] as Measurement[] };
    for (let r = 0; r < runs; r++) {
      results.c.push(await measure(binary, [csv, 'full']));
      results.cli.push(await measure(node, [...cli, 'analyse', csv, '--json']));
      results.lean.push(await measure(node, [...lean, 'analyse', csv, '--json']));
    }
    const reference = fromReference(results.c[0]!.stdout);
    const c = {
      time: [best(results.c.map((m) => m.seconds)), median(results.c.map((m) => m.seconds))] as const,
      mb: [best(results.c.map((m) => m.peakMb)), median(results.c.map((m) => m.peakMb))] as const,
    };
    const row = (
      label: string,
      time: readonly [number, number],
      mb: readonly [number, number] | null,
      figures: string,
    ) =>
      console.log(
        `${pad(String(size), 9)}  ${label.padEnd(24)} ${pad(`${time[0].toFixed(2)} / ${time[1].toFixed(2)}`, 13)} ${pad(`${(time[0] / c.time[0]).toFixed(2)} / ${(time[1] / c.time[1]).toFixed(2)}`, 13)} ${pad(mb === null ? '' : `${mb[0].toFixed(0)} / ${mb[1].toFixed(0)}`, 11)} ${pad(mb === null ? '' : `${(mb[0] / c.mb[0]).toFixed(2)} / ${(mb[1] / c.mb[1]).toFixed(2)}`, 11)}  ${figures}`,
      );
    row('C reference, full mode', c.time, c.mb, '');
    for (const [label, list] of [
      ['ketenregie (full CLI)', results.cli],
      ['analyse command only', results.lean],
    ] as const) {
      const same = list.every((m) => agree(fromKetenregie(m.stdout), reference));
      row(
        label,
        [best(list.map((m) => m.seconds)), median(list.map((m) => m.seconds))],
        [best(list.map((m) => m.peakMb)), median(list.map((m) => m.peakMb))],
        same ? 'agree' : 'DIFFER',
      );
    }
    const engine = results.lean.map((m) => m.engineSeconds);
    row('  of which after start-up', [best(engine), median(engine)], null, '');
  }
  console.log('\ntargets (issue 3): time ≤ 3× and peak memory ≤ 3× the reference full mode');
}

await main();
