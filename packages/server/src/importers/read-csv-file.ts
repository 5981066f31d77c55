/** Streams a CSV event extract (plain or `.gz`) from disk into the core CSV reader. */
import { basename } from 'node:path';
import { CsvEventLogReader, type CsvReadOptions, type EventLog } from '@ketenregie/core/flow';
import { getFileSize, readFileChunks, type ProgressListener } from './read-file-chunks.ts';

/** How to read a CSV file: the core options plus progress. */
export interface ReadCsvFileOptions extends Omit<CsvReadOptions, 'fileName' | 'expectedEvents'> {
  readonly onProgress?: ProgressListener | undefined;
}

/** Rough bytes per CSV row of an event extract, to presize the columns. */
const BYTES_PER_ROW = 40;

/** Reads the CSV file at `path`; throws `DomainError('validation_failed')` naming file, line and column. */
export async function readCsvFile(path: string, options: ReadCsvFileOptions = {}): Promise<EventLog> {
  const size = await getFileSize(path);
  const gzip = path.toLowerCase().endsWith('.gz');
  const reader = new CsvEventLogReader({
    ...options,
    fileName: basename(path),
    expectedEvents: Math.min(size / BYTES_PER_ROW, 50_000_000) * (gzip ? 3 : 1),
  });
  for await (const chunk of readFileChunks(path, { gzip, onProgress: options.onProgress })) reader.push(chunk);
  return reader.finish();
}
