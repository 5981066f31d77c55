/**
 * A lean `ketenregie analyse`: a commander program with only the analyse command, so the benchmark
 * can separate the engine's time from the start-up cost of the full CLI (which loads the server).
 * With BENCH_TIMING=1 it also writes `engine-seconds <s>` to stderr: the time from the start of the
 * command (modules loaded) to the JSON written — reading, sorting and every analysis.
 * Usage: node --import tsx bench/run-analyse.ts analyse <file> [--json]
 */
import { Command } from 'commander';
import { isDomainError } from '@ketenregie/core';
import { registerAnalyseCommand } from '../packages/cli/src/commands/analyse.ts';

const program = new Command('ketenregie');
registerAnalyseCommand(program);
const started = performance.now();
try {
  await program.parseAsync(process.argv);
  if (process.env.BENCH_TIMING === '1') {
    process.stderr.write(`engine-seconds ${((performance.now() - started) / 1000).toFixed(3)}\n`);
  }
} catch (error) {
  process.stderr.write(`ketenregie: ${error instanceof Error ? error.message : String(error)}\n`);
  if (isDomainError(error))
    for (const d of error.details) process.stderr.write(`  ${d.file ?? ''}:${d.line ?? ''}: ${d.path}: ${d.message}\n`);
  process.exitCode = 2;
}
