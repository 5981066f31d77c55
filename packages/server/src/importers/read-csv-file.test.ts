import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFlowOverview, isDomainError } from '@ketenregie/core';
import { readCsvFile } from './read-csv-file.ts';
import { guessEventLogFormat, readEventLogFile } from './read-event-log-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketenregie-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of several MiB, so that records and quoted newlines straddle chunk boundaries. */
function bigCsv(): { text: string; cases: number; events: number } {
  const lines = ['case_id;activity;timestamp'];
  let events = 0;
  const cases = 20_000;
  for (let c = 0; c < cases; c++) {
    for (let k = 0; k < 5; k++) {
      const activity = k === 2 ? '"step\n""two"""' : `step ${k}`;
      lines.push(
        `"case ${c}";${activity};2024-01-${String(1 + k).padStart(2, '0')}T10:${String(c % 60).padStart(2, '0')}:00Z`,
      );
      events++;
    }
  }
  return { text: lines.join('\r\n'), cases, events };
}

describe('readCsvFile', () => {
  it('streams a large file and its gzip in chunks to the same result', async () => {
    const { text, cases, events } = bigCsv();
    const plainPath = join(dir, 'big.csv');
    writeFileSync(plainPath, text);
    writeFileSync(join(dir, 'big.csv.gz'), gzipSync(text));
    const progress: number[] = [];
    const plain = await readCsvFile(plainPath, { onProgress: (read) => progress.push(read) });
    const zipped = await readCsvFile(join(dir, 'big.csv.gz'));
    expect(plain.eventCount).toBe(events);
    expect(plain.caseCount).toBe(cases);
    expect(plain.activityNames.toArray()).toEqual(['step 0', 'step 1', 'step\n"two"', 'step 3', 'step 4']);
    expect(computeFlowOverview(zipped)).toEqual(computeFlowOverview(plain));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('names the file in errors', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'case_id,activity,timestamp\n1,a,later\n');
    await expect(readCsvFile(path)).rejects.toSatisfy(
      (error: unknown) => isDomainError(error) && error.details[0]?.file === 'bad.csv' && error.details[0].line === 2,
    );
  });
});

describe('readEventLogFile', () => {
  it('guesses the format from the file name', () => {
    expect(guessEventLogFormat('a/b/log.CSV')).toBe('csv');
    expect(guessEventLogFormat('log.csv.gz')).toBe('csv');
    expect(guessEventLogFormat('log.xes')).toBe('xes');
    expect(guessEventLogFormat('log.xes.gz')).toBe('xes');
    expect(guessEventLogFormat('log.jsonocel')).toBe('ocel');
    expect(guessEventLogFormat('log.xmlocel')).toBe('ocel');
    expect(guessEventLogFormat('log.json')).toBe('ocel');
    expect(guessEventLogFormat('log.parquet')).toBeUndefined();
  });

  it('asks for --format when the name does not tell', async () => {
    const path = join(dir, 'log.data');
    writeFileSync(path, 'case_id,activity,timestamp\n1,a,2024-01-01T00:00:00Z\n');
    await expect(readEventLogFile(path)).rejects.toThrow(/--format/);
    const { log, format } = await readEventLogFile(path, { format: 'csv' });
    expect([format, log.eventCount]).toEqual(['csv', 1]);
  });
});
