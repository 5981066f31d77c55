/**
 * `ketenregie analyse <file>`: analyses an event-log file without a database — the process map
 * with waiting times, start and end activities, case durations, variants, and, when the file names
 * partners, handovers, ping-pong and rework. `--json` prints the contract of issue 3 as one JSON
 * object; otherwise a readable report. Bad input exits non-zero with the problem on stderr (the
 * error propagates to the program's error handler).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  computeFlowOverview,
  TIME_ZONE_RULES,
  type CsvDelimiter,
  type FlowOverview,
  type TimeZoneRule,
} from '@ketenregie/core/flow';
import { DomainError } from '@ketenregie/core/errors';
import { EVENT_LOG_FORMATS, readEventLogFile, type EventLogFormat } from '@ketenregie/server/importers';

/** Where the command writes; tests pass their own to capture output. */
export interface AnalyseIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether progress may be drawn on `err` (a terminal). */
  readonly showProgress?: boolean | undefined;
}

const defaultIo: AnalyseIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  showProgress: process.stderr.isTTY,
};

/** The options commander hands to the action. */
interface AnalyseOptions {
  readonly format?: EventLogFormat;
  readonly case: string;
  readonly activity: string;
  readonly timestamp: string;
  readonly startTimestamp?: string;
  readonly partner?: string;
  readonly resource?: string;
  readonly delimiter?: CsvDelimiter;
  readonly timeZone: TimeZoneRule;
  readonly objectType?: string;
  readonly json?: boolean;
}

function parseDelimiter(value: string): CsvDelimiter {
  const named: Record<string, CsvDelimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t' };
  const delimiter = named[value.toLowerCase()];
  if (delimiter === undefined) throw new InvalidArgumentError('use ",", ";" or "tab".');
  return delimiter;
}

/** A duration in seconds as a person reads it: `45s`, `12m 05s`, `3h 20m`, `4d 06h`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.round(Math.abs(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${sign}${s}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86_400) return `${sign}${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${sign}${Math.floor(s / 86_400)}d ${pad(Math.floor((s % 86_400) / 3600))}h`;
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map(
      (row) =>
        '  ' +
        row
          .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

const SHOWN_EDGES = 25;
const SHOWN_VARIANTS = 10;

/** The readable report of an overview. */
export function formatFlowReport(file: string, format: EventLogFormat, overview: FlowOverview): string {
  const { summary } = overview;
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`Event log ${file} (${format})`);
  lines.push(
    `  ${summary.cases} cases, ${summary.events} events, ${summary.activities} activities` +
      (summary.partners > 0 ? `, ${summary.partners} partners` : '') +
      (summary.firstEvent === null ? '' : `; from ${summary.firstEvent} to ${summary.lastEvent ?? ''}`),
  );
  const d = overview.caseDurations;
  lines.push(
    `Case duration (first to last event): mean ${formatDuration(d.meanSeconds)}, median ${formatDuration(d.medianSeconds)}, 90th percentile ${formatDuration(d.p90Seconds)}`,
  );
  lines.push('');
  lines.push('Start activities:');
  lines.push(
    table(
      overview.startActivities.map((a) => [a.activity, `${a.cases} cases`]),
      new Set([1]),
    ),
  );
  lines.push('End activities:');
  lines.push(
    table(
      overview.endActivities.map((a) => [a.activity, `${a.cases} cases`]),
      new Set([1]),
    ),
  );
  lines.push('');
  lines.push(
    `Process map: ${overview.edges.length} directly-follows edges, most frequent first (time between the events):`,
  );
  lines.push(
    table(
      [
        ['from', 'to', 'count', 'mean', 'median', '90th pct'],
        ...overview.edges
          .slice(0, SHOWN_EDGES)
          .map((e) => [
            e.from,
            `→ ${e.to}`,
            String(e.count),
            formatDuration(e.meanSeconds),
            formatDuration(e.medianSeconds),
            formatDuration(e.p90Seconds),
          ]),
      ],
      new Set([2, 3, 4, 5]),
    ),
  );
  if (overview.edges.length > SHOWN_EDGES)
    lines.push(`  … ${overview.edges.length - SHOWN_EDGES} more (all with --json)`);
  lines.push('');
  lines.push(`Variants: ${overview.variants.length}, most frequent first:`);
  overview.variants.slice(0, SHOWN_VARIANTS).forEach((v, i) => {
    lines.push(
      `  ${i + 1}. ${v.cases} cases (${percent(v.share)}), median duration ${formatDuration(v.medianDurationSeconds)}: ${v.activities.join(' → ')}`,
    );
  });
  if (overview.variants.length > SHOWN_VARIANTS) {
    lines.push(`  … ${overview.variants.length - SHOWN_VARIANTS} more (all with --json)`);
  }
  if (overview.handovers.length > 0) {
    lines.push('');
    lines.push('Handovers between partners (waiting at the boundary):');
    lines.push(
      table(
        [
          ['from', 'to', 'count', 'mean', 'median', '90th pct'],
          ...overview.handovers.map((h) => [
            h.from,
            `→ ${h.to}`,
            String(h.count),
            formatDuration(h.meanSeconds),
            formatDuration(h.medianSeconds),
            formatDuration(h.p90Seconds),
          ]),
        ],
        new Set([2, 3, 4, 5]),
      ),
    );
  }
  if (overview.pingPong.length > 0) {
    lines.push('');
    lines.push('Ping-pong (a case sent from a partner to another and straight back):');
    lines.push(
      table(
        overview.pingPong.map((p) => [
          `${p.partner} → ${p.via} → ${p.partner}`,
          `${p.cases} cases`,
          `${p.occurrences} times`,
        ]),
        new Set([1, 2]),
      ),
    );
  }
  if (overview.rework.length > 0) {
    lines.push('');
    lines.push('Rework (an activity repeated within a case):');
    lines.push(
      table(
        overview.rework.map((r) => [
          r.activity,
          `${r.casesWithRepetition} cases`,
          `${r.repetitions} repetitions`,
          ...(summary.partners > 0 ? [`${r.casesBySeveralPartners} cases by several partners`] : []),
        ]),
        new Set([1, 2, 3]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** Adds `analyse <file>` to the program. */
export function registerAnalyseCommand(program: Command, io: AnalyseIo = defaultIo): void {
  program
    .command('analyse')
    .alias('analyze')
    .description(
      'Analyse an event-log file without a database: process map with waiting times, start and end activities, case durations, variants, handovers.',
    )
    .argument('<file>', 'event log: .csv, .xes, .xes.gz, .jsonocel, .xmlocel or .json (OCEL)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices([...EVENT_LOG_FORMATS]),
    )
    .option('--case <column>', 'CSV column holding the case id', 'case_id')
    .option('--activity <column>', 'CSV column holding the activity', 'activity')
    .option('--timestamp <column>', 'CSV column holding the (completion) time', 'timestamp')
    .option('--start-timestamp <column>', 'CSV column holding the start time (default: start_timestamp when present)')
    .option('--partner <column>', 'CSV column holding the partner organisation (default: partner when present)')
    .option('--resource <column>', 'CSV column holding the resource (default: resource when present)')
    .addOption(
      new Option('--delimiter <delimiter>', 'CSV delimiter: ",", ";" or "tab" (default: sniffed)').argParser(
        parseDelimiter,
      ),
    )
    .addOption(
      new Option(
        '--time-zone <zone>',
        'how to read times without a zone; wall-clock ignores all zone offsets (as tools that drop them do)',
      )
        .choices([...TIME_ZONE_RULES])
        .default('Europe/Amsterdam'),
    )
    .option('--object-type <type>', 'OCEL: the object type whose objects are the cases (default: the most related)')
    .option('--json', 'print one JSON object (the analyse contract) instead of a report')
    .action(async (file: string, options: AnalyseOptions) => {
      let lastPercent = -1;
      const onProgress = io.showProgress
        ? (bytesRead: number, totalBytes: number) => {
            const percent = totalBytes === 0 ? 100 : Math.floor((bytesRead / totalBytes) * 100);
            if (percent === lastPercent) return;
            lastPercent = percent;
            io.err(`\rreading ${file}: ${percent}%`);
          }
        : undefined;
      const { log, format, notes } = await readEventLogFile(file, {
        format: options.format,
        columns: {
          caseId: options.case,
          activity: options.activity,
          timestamp: options.timestamp,
          startTimestamp: options.startTimestamp,
          partner: options.partner,
          resource: options.resource,
        },
        delimiter: options.delimiter,
        objectType: options.objectType,
        timeZone: options.timeZone,
        onProgress,
      });
      if (onProgress !== undefined) io.err('\r\x1b[K');
      for (const note of notes) io.err(`${note}\n`);
      if (log.eventCount === 0) {
        throw new DomainError('validation_failed', `${file} contains no events`, [
          { file, path: '', message: 'the file has no events to analyse' },
        ]);
      }
      const overview = computeFlowOverview(log);
      io.out(options.json === true ? JSON.stringify(overview) + '\n' : formatFlowReport(file, format, overview));
    });
}
