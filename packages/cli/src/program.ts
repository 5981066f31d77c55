/**
 * The `ketenregie` command: every sub-command with its help text. Commands validate their
 * arguments and the environment, then call the server package; they never touch SQL themselves.
 */
import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { DomainError } from '@ketenregie/core/errors';
import type { AppConfig, Database } from '@ketenregie/server';
import { registerAnalyseCommand } from './commands/analyse.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerPseudonymiseCommand } from './commands/pseudonymise.ts';

/**
 * The server package (fastify, PGlite, pg) is loaded only by the commands that need it, so that
 * database-free commands such as `analyse` and `--help` start quickly.
 */
const loadServer = () => import('@ketenregie/server');

/** Where commands write; tests pass their own to capture output. */
export interface ProgramIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: ProgramIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('the port must be a whole number between 0 and 65535.');
  }
  return port;
}

/** Opens the configured database, runs `work` and always closes it again. */
async function withDatabase<T>(config: AppConfig, work: (db: Database) => Promise<T>): Promise<T> {
  const { migrate, openDatabase } = await loadServer();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Builds the command tree. */
export function createProgram(io: ProgramIo = defaultIo): Command {
  const program = new Command('ketenregie')
    .description('Ketenregie: steer a chain of independent organisations towards one societal result.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('serve')
    .description('Start the web app and API (embedded database unless DATABASE_URL is set).')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one (default: PORT or 3000)', parsePort)
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .addHelpText(
      'after',
      '\nEnvironment: PORT, HOST, KETENREGIE_DATA (data directory, default ./.ketenregie),\nDATABASE_URL (PostgreSQL server instead of the embedded database), LOG_LEVEL, KETENREGIE_DEMO (seed the demo chain on first start, default true).',
    )
    .action(async (options: { port?: number; host?: string }) => {
      const { handleShutdownSignals, loadConfig, startServer } = await loadServer();
      const loaded = loadConfig(options.host === undefined ? io.env : { ...io.env, HOST: options.host });
      const config = options.port === undefined ? loaded : { ...loaded, port: options.port };
      const server = await startServer(config);
      io.err(`Ketenregie is running at ${server.url}\n`);
      handleShutdownSignals(server);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit.')
    .action(async () => {
      const { loadConfig, migrate, openDatabase } = await loadServer();
      const config = loadConfig(io.env);
      const db = await openDatabase(config);
      try {
        const { applied } = await migrate(db);
        io.out(applied.length === 0 ? 'Database is up to date.\n' : `Applied ${applied.join(', ')}\n`);
      } finally {
        await db.close();
      }
    });

  program
    .command('demo')
    .description('Load the demo chains (emergency care with 12 months of trajectories, youth protection) if absent.')
    .action(async () => {
      const { loadConfig, seedDemo } = await loadServer();
      const config = loadConfig(io.env);
      await withDatabase(config, async (db) => {
        const result = await seedDemo(db);
        io.out(result.created ? 'Demo chains loaded.\n' : 'Demo chains were already present.\n');
      });
    });

  program
    .command('export')
    .description('Write the whole model of a chain (partners, links, norms) as JSON to standard output.')
    .requiredOption('-c, --chain <slug>', 'the slug of the chain, e.g. spoedeisende-medische-hulp')
    .action(async (options: { chain: string }) => {
      const { exportChainModel, loadConfig } = await loadServer();
      const config = loadConfig(io.env);
      await withDatabase(config, async (db) => {
        const model = await exportChainModel(db, options.chain);
        io.out(JSON.stringify(model, null, 2) + '\n');
      });
    });

  program
    .command('import-model')
    .description('Create a chain from a model file written by `ketenregie export` (all or nothing).')
    .argument('<file>', 'path of the JSON model file')
    .action(async (file: string) => {
      const { importChainModel, loadConfig } = await loadServer();
      const { parseModelFile } = await import('./parse-model-file.ts');
      const config = loadConfig(io.env);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new DomainError(
          'validation_failed',
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      const model = parseModelFile(text, file);
      await withDatabase(config, async (db) => {
        const detail = await importChainModel(db, model);
        io.out(
          `Imported chain "${detail.chain.name}" (${detail.chain.slug}): ${detail.partners.length} partners, ${detail.links.length} links.\n`,
        );
      });
    });

  registerAnalyseCommand(program);
  registerImportCommand(program);
  registerPseudonymiseCommand(program);
  return program;
}
