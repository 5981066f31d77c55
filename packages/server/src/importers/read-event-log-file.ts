/**
 * One entry point for every event-log file format: guesses the format from the file name when
 * not given and hands the file to the right streaming reader.
 */
import { basename } from 'node:path';
import { type CsvColumnNames, type CsvDelimiter, type EventLog, type TimeZoneRule } from '@ketenregie/core/flow';
import { DomainError } from '@ketenregie/core/errors';
import { readCsvFile } from './read-csv-file.ts';
import { readOcelFile } from './read-ocel-file.ts';
import type { ProgressListener } from './read-file-chunks.ts';
import { readXesFile } from './read-xes-file.ts';

/** The event-log file formats Ketenregie reads. */
export const EVENT_LOG_FORMATS = ['csv', 'xes', 'ocel'] as const;

/** One of {@link EVENT_LOG_FORMATS}. */
export type EventLogFormat = (typeof EVENT_LOG_FORMATS)[number];

/** How to read an event-log file; options that do not apply to the format are ignored. */
export interface ReadEventLogFileOptions {
  /** Guessed from the file name when absent. */
  readonly format?: EventLogFormat | undefined;
  /** CSV: the header names of the columns. */
  readonly columns?: CsvColumnNames | undefined;
  /** CSV: the delimiter, sniffed when absent. */
  readonly delimiter?: CsvDelimiter | undefined;
  /** OCEL: the object type whose objects are the cases. */
  readonly objectType?: string | undefined;
  /** How to read times without a zone; default `Europe/Amsterdam`. */
  readonly timeZone?: TimeZoneRule | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/** The log read from a file, with the format used and remarks worth telling the user. */
export interface EventLogFile {
  readonly log: EventLog;
  readonly format: EventLogFormat;
  /** E.g. which OCEL object type was used as the case. */
  readonly notes: readonly string[];
}

/** The format of a file by its name (`.csv`, `.csv.gz`, `.xes`, `.xes.gz`, `.jsonocel`, `.xmlocel`, `.json`, `.ocel`), or `undefined`. */
export function guessEventLogFormat(path: string): EventLogFormat | undefined {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.jsonocel') || name.endsWith('.xmlocel') || name.endsWith('.json') || name.endsWith('.ocel')) {
    return 'ocel';
  }
  return undefined;
}

/** Reads an event-log file in any supported format; throws `DomainError('validation_failed')` on bad input. */
export async function readEventLogFile(path: string, options: ReadEventLogFileOptions = {}): Promise<EventLogFile> {
  const format = options.format ?? guessEventLogFormat(path);
  switch (format) {
    case 'csv':
      return {
        log: await readCsvFile(path, {
          columns: options.columns,
          delimiter: options.delimiter,
          timeZone: options.timeZone,
          onProgress: options.onProgress,
        }),
        format,
        notes: [],
      };
    case 'xes':
      return {
        log: await readXesFile(path, { timeZone: options.timeZone, onProgress: options.onProgress }),
        format,
        notes: [],
      };
    case 'ocel': {
      const result = await readOcelFile(path, {
        objectType: options.objectType,
        timeZone: options.timeZone,
        onProgress: options.onProgress,
      });
      const notes =
        options.objectType === undefined
          ? [
              `cases are the objects of type "${result.objectType}" (choose another with --object-type: ${result.objectTypes.join(', ')})`,
            ]
          : [];
      return { log: result.log, format, notes };
    }
    case undefined:
      throw new DomainError(
        'validation_failed',
        `cannot tell the format of ${basename(path)} from its name; give it with --format csv, xes or ocel`,
        [
          {
            file: basename(path),
            path: 'format',
            message: 'expected .csv, .xes, .xes.gz, .jsonocel, .xmlocel or .json',
          },
        ],
      );
  }
}
