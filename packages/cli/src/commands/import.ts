/**
 * `ketenregie import --chain <slug> --partner <key> <file>`: imports a partner's event extract into
 * the configured database (embedded, or PostgreSQL with DATABASE_URL) exactly as the web app's
 * upload does — pseudonymised, all or nothing, events stored already skipped — with a progress bar
 * on stderr when it is a terminal and plain progress lines otherwise. The server package is loaded
 * only when the command runs.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DomainError } from '@ketenregie/core/errors';
import { TIME_ZONE_RULES, type CsvDelimiter, type TimeZoneRule } from '@ketenregie/core/flow';
import type { ImportProgress } from '@ketenregie/server/flow';

/** Where the command writes; tests pass their own to capture output. */
export interface ImportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (draw a bar) or not (write plain lines). */
  readonly isTerminal: boolean;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: ImportIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTerminal: process.stderr.isTTY,
  env: process.env,
};

/** The options commander hands to the action. */
interface ImportOptions {
  readonly chain: string;
  readonly partner?: string;
  readonly format?: 'csv' | 'xes' | 'ocel';
  readonly mapping?: string;
  readonly case?: string;
  readonly activity?: string;
  readonly timestamp?: string;
  readonly startTimestamp?: string;
  readonly resource?: string;
  readonly partnerColumn?: string;
  readonly delimiter?: CsvDelimiter;
  readonly timeZone?: TimeZoneRule;
  readonly objectType?: string;
  readonly identifying?: string[];
  readonly pseudonymised?: boolean;
  readonly keyVersion?: number;
  readonly rememberMapping: boolean;
}

function parseDelimiter(value: string): CsvDelimiter {
  const named: Record<string, CsvDelimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t' };
  const delimiter = named[value.toLowerCase()];
  if (delimiter === undefined) throw new InvalidArgumentError('use ",", ";" or "tab".');
  return delimiter;
}

function parseVersion(value: string): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new InvalidArgumentError('a whole number from 1.');
  return version;
}

function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  ];
}

const BAR_WIDTH = 30;

/** Turns import progress into a bar (terminal) or one line per step of ten per cent (log). */
export function createProgressReporter(io: Pick<ImportIo, 'err' | 'isTerminal'>): {
  report: (progress: ImportProgress) => void;
  end: () => void;
} {
  let lastKey = '';
  let drawn = false;
  const fraction = (progress: ImportProgress): number => {
    switch (progress.phase) {
      case 'reading':
        return progress.totalBytes === 0 ? 1 : progress.bytesRead / progress.totalBytes;
      case 'pseudonymising':
        return 1;
      case 'storing':
        return progress.totalEvents === 0 ? 1 : progress.eventsStored / progress.totalEvents;
    }
  };
  const label = (progress: ImportProgress): string => {
    switch (progress.phase) {
      case 'reading':
        return 'reading';
      case 'pseudonymising':
        return `pseudonymising ${progress.cases} cases`;
      case 'storing':
        return `storing ${progress.eventsStored} of ${progress.totalEvents} events`;
    }
  };
  return {
    report(progress) {
      const share = Math.min(1, Math.max(0, fraction(progress)));
      if (io.isTerminal) {
        const filled = Math.round(share * BAR_WIDTH);
        io.err(
          `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${label(progress)}`,
        );
        drawn = true;
        return;
      }
      const step = progress.phase === 'pseudonymising' ? 0 : Math.floor(share * 10);
      const key = `${progress.phase}:${step}`;
      if (key === lastKey) return;
      lastKey = key;
      io.err(`${label(progress)}${progress.phase === 'reading' ? ` ${step * 10}%` : ''}\n`);
    },
    end() {
      if (drawn) io.err('\r\x1b[K');
    },
  };
}

/** Reads a mapping file (JSON with the fields of the import mapping). */
async function readMappingFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError(
      'validation_failed',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return data as Record<string, unknown>;
  } catch {
    throw new DomainError('validation_failed', `${path} is not a JSON object with the column mapping`, [
      { file: path, path: '', message: 'expected e.g. {"caseColumn": "bsn", "delimiter": ";"}' },
    ]);
  }
}

/** Adds `import <file>` to the program. */
export function registerImportCommand(program: Command, io: ImportIo = defaultIo): void {
  program
    .command('import')
    .description(
      "Import a partner's event extract (CSV, XES, OCEL) into a chain: pseudonymised, all or nothing, without doubling events imported before.",
    )
    .argument('<file>', 'event log: .csv, .xes, .xes.gz, .jsonocel, .xmlocel or .json (OCEL)')
    .requiredOption('-c, --chain <slug>', 'the slug of the chain, e.g. spoedeisende-medische-hulp')
    .option('-p, --partner <key>', 'key of the partner that delivered the file (omit for a file with a partner column)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'xes', 'ocel']),
    )
    .option('--mapping <file>', 'JSON file with the column mapping (fields as the API’s ImportMapping)')
    .option('--case <column>', 'CSV column holding the case id (e.g. the BSN); it is pseudonymised')
    .option('--activity <column>', 'CSV column holding the activity')
    .option('--timestamp <column>', 'CSV column holding the (completion) time')
    .option('--start-timestamp <column>', 'CSV column holding the start time')
    .option('--resource <column>', 'CSV column holding the resource')
    .option('--partner-column <column>', 'CSV column naming the partner of each event (key or name)')
    .addOption(
      new Option('--delimiter <delimiter>', 'CSV delimiter: ",", ";" or "tab" (default: sniffed)').argParser(
        parseDelimiter,
      ),
    )
    .addOption(
      new Option('--time-zone <zone>', 'how to read times without a zone (default Europe/Amsterdam)').choices([
        ...TIME_ZONE_RULES,
      ]),
    )
    .option('--object-type <type>', 'OCEL: the object type whose objects are the cases')
    .option('--identifying <columns>', 'further identifying columns to pseudonymise (the resource column)', collect)
    .option('--pseudonymised', 'the case ids were pseudonymised already with `ketenregie pseudonymise`')
    .addOption(new Option('--key-version <n>', 'with --pseudonymised: the key version used').argParser(parseVersion))
    .option('--no-remember-mapping', 'do not store the mapping as the partner’s default')
    .addHelpText(
      'after',
      '\nWithout mapping options the partner’s mapping of its previous CSV import is used, else the columns case_id, activity and timestamp.\nEnvironment: KETENREGIE_DATA or DATABASE_URL, and KETENREGIE_MASTER_KEY (the key that protects the pseudonymisation keys).',
    )
    .action(async (file: string, options: ImportOptions) => {
      const { loadConfig, migrate, openDatabase } = await import('@ketenregie/server');
      const flow = await import('@ketenregie/server/flow');
      const fromFile = options.mapping === undefined ? {} : await readMappingFile(options.mapping);
      const mapping = {
        ...fromFile,
        ...(options.case === undefined ? {} : { caseColumn: options.case }),
        ...(options.activity === undefined ? {} : { activityColumn: options.activity }),
        ...(options.timestamp === undefined ? {} : { timestampColumn: options.timestamp }),
        ...(options.startTimestamp === undefined ? {} : { startTimestampColumn: options.startTimestamp }),
        ...(options.resource === undefined ? {} : { resourceColumn: options.resource }),
        ...(options.partnerColumn === undefined ? {} : { partnerColumn: options.partnerColumn }),
        ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        ...(options.objectType === undefined ? {} : { objectType: options.objectType }),
        ...(options.identifying === undefined ? {} : { identifyingColumns: options.identifying }),
        ...(options.pseudonymised === true ? { identifiersPseudonymised: true } : {}),
      };
      const config = loadConfig(io.env);
      const db = await openDatabase(config);
      const progress = createProgressReporter(io);
      try {
        await migrate(db);
        await flow.preparePseudonymKeys(db, config);
        const chainId = await flow.findChainId(db, options.chain);
        const created = await flow.importEventFile(
          db,
          { kind: 'system', label: 'cli' },
          { allPartners: true, partnerIds: [] },
          {
            chainId,
            partnerId: options.partner ?? null,
            path: file,
            format: options.format,
            mapping,
            pseudonymKeyVersion: options.keyVersion,
            rememberMapping: options.rememberMapping,
            onProgress: progress.report,
          },
        );
        progress.end();
        for (const note of created.notes) io.err(`${note}\n`);
        io.out(
          `Imported ${created.eventCount} events of ${created.caseCount} cases from ${created.fileName ?? file}` +
            `${created.partner === null ? '' : ` for ${created.partner.name}`}` +
            `${created.duplicatesSkipped > 0 ? `; ${created.duplicatesSkipped} events were imported before and skipped` : ''}` +
            ` (import ${created.id}).\n`,
        );
      } finally {
        progress.end();
        await db.close();
      }
    });
}
