/**
 * `ketenregie pseudonymise --key-file <k> --column <name> <in.csv>`: replaces one column of a CSV
 * file by pseudonyms and writes the file to standard output, every other byte unchanged. A partner
 * runs it at its own site with the chain's key file, so client identifiers never leave the
 * organisation; the server gives the same pseudonyms for the same identifiers, so the result links
 * with the other partners' data. `--export-key` writes that key file from the configured database
 * (the operator of the installation does this once per partner; it is recorded in the audit log).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { DomainError } from '@ketenregie/core/errors';

/** Where the command writes; tests pass their own to capture output. */
export interface PseudonymiseIo {
  /** Writes pseudonymised bytes; resolves when they may be followed by more (back-pressure). */
  readonly write: (bytes: Uint8Array) => Promise<void>;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: PseudonymiseIo = {
  write: (bytes) =>
    new Promise((resolve, reject) => {
      process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
    }),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** The options commander hands to the action. */
interface PseudonymiseOptions {
  readonly keyFile: string;
  readonly column?: string;
  readonly delimiter?: ',' | ';' | '\t';
  readonly exportKey?: boolean;
  readonly chain?: string;
}

function parseDelimiter(value: string): ',' | ';' | '\t' {
  const named: Record<string, ',' | ';' | '\t'> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t' };
  const delimiter = named[value.toLowerCase()];
  if (delimiter === undefined) throw new DomainError('validation_failed', 'the delimiter must be ",", ";" or "tab"');
  return delimiter;
}

/** Writes the chain's key file (refusing to overwrite a file) from the configured database. */
async function exportKey(options: PseudonymiseOptions, io: PseudonymiseIo): Promise<void> {
  if (options.chain === undefined) {
    throw new DomainError('validation_failed', '--export-key needs --chain <slug>', [
      { path: 'chain', message: 'the chain whose key to export' },
    ]);
  }
  const { loadConfig, migrate, openDatabase } = await import('@ketenregie/server');
  const flow = await import('@ketenregie/server/flow');
  const config = loadConfig(io.env);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await flow.preparePseudonymKeys(db, config);
    const text = await flow.exportPseudonymKeyFile(db, { kind: 'system', label: 'cli' }, options.chain);
    try {
      await writeFile(options.keyFile, text, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new DomainError(
        'validation_failed',
        code === 'EEXIST'
          ? `${options.keyFile} exists already; choose another file`
          : `cannot write ${options.keyFile}`,
      );
    }
    io.err(`Wrote the pseudonymisation key of ${options.chain} to ${options.keyFile}; keep it secret.\n`);
  } finally {
    await db.close();
  }
}

/** Adds `pseudonymise <file>` to the program. */
export function registerPseudonymiseCommand(program: Command, io: PseudonymiseIo = defaultIo): void {
  program
    .command('pseudonymise')
    .alias('pseudonymize')
    .description(
      "Replace a CSV column of client identifiers (e.g. the BSN) by the chain's pseudonyms, at the partner's own site; writes the file to standard output.",
    )
    .argument('[file]', 'the CSV file (plain or .gz)')
    .requiredOption('-k, --key-file <file>', "the chain's key file (from `ketenregie pseudonymise --export-key`)")
    .option('--column <name>', 'header name of the column to replace')
    .addOption(
      new Option('--delimiter <delimiter>', 'CSV delimiter: ",", ";" or "tab" (default: sniffed)').argParser(
        parseDelimiter,
      ),
    )
    .option('--export-key', 'write the key file of --chain from the configured database instead (operator only)')
    .option('-c, --chain <slug>', 'with --export-key: the chain')
    .addHelpText(
      'after',
      '\nIdentifiers are normalised first (spaces, dots and hyphens removed; 8 or 9 digits padded to 9), so\n123.456.782 and 123456782 get the same pseudonym. Import the result with `ketenregie import --pseudonymised`\nor the web app\'s "already pseudonymised" option. See docs/pseudonymisation.md.',
    )
    .action(async (file: string | undefined, options: PseudonymiseOptions) => {
      if (options.exportKey === true) {
        await exportKey(options, io);
        return;
      }
      if (file === undefined || options.column === undefined) {
        throw new DomainError('validation_failed', 'give the CSV file and --column <name>', [
          { path: file === undefined ? 'file' : 'column', message: 'required' },
        ]);
      }
      const { createPseudonymiser, parsePseudonymKeyFile, pseudonymiseCsvFile } =
        await import('@ketenregie/server/importers');
      let keyText: string;
      try {
        keyText = await readFile(options.keyFile, 'utf8');
      } catch (error) {
        throw new DomainError(
          'validation_failed',
          `cannot read the key file ${options.keyFile}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      const key = parsePseudonymKeyFile(keyText, options.keyFile);
      const replaced = await pseudonymiseCsvFile(
        file,
        { column: options.column, delimiter: options.delimiter, pseudonymise: createPseudonymiser(key.key) },
        io.write,
      );
      io.err(
        `Pseudonymised ${replaced} values of column "${options.column}"` +
          `${key.version === null ? '' : ` with key version ${key.version}${key.chain === null ? '' : ` of ${key.chain}`}`}.\n`,
      );
    });
}
