import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../shared/errors.ts';
import type { EventLog } from './event-log.ts';
import { encodeUtf8 } from './utf8.ts';
import { CsvEventLogReader, readCsvEventLog, type CsvReadOptions } from './read-csv-event-log.ts';

/** The events of a log back in file order, as plain rows. */
function rowsInFileOrder(log: EventLog): [string, string, number][] {
  const rows: [string, string, number][] = [];
  for (let k = 0; k < log.eventCount; k++) {
    rows[log.fileOrder[k]!] = [
      log.caseIds.get(log.caseIndex[k]!),
      log.activityNames.get(log.activity[k]!),
      log.timestamp[k]!,
    ];
  }
  return rows;
}

function readError(input: string | Uint8Array, options?: CsvReadOptions): DomainError {
  try {
    readCsvEventLog(input, options);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('readCsvEventLog', () => {
  it('reads the default columns in any order, with extra columns', () => {
    const log = readCsvEventLog(
      'timestamp,extra,activity,case_id\n2024-01-01T10:00:00Z,x,register,A\n2024-01-01T11:00:00Z,y,check,A\n',
    );
    expect(rowsInFileOrder(log)).toEqual([
      ['A', 'register', Date.UTC(2024, 0, 1, 10)],
      ['A', 'check', Date.UTC(2024, 0, 1, 11)],
    ]);
  });

  it('maps columns by the names given, exactly or else ignoring case', () => {
    const log = readCsvEventLog('Zaak;Stap;Tijd;Organisatie\n7;Melding;01-02-2024 10:00;Politie\n', {
      columns: { caseId: 'zaak', activity: 'Stap', timestamp: 'Tijd', partner: 'Organisatie' },
    });
    expect(rowsInFileOrder(log)).toEqual([['7', 'Melding', Date.UTC(2024, 1, 1, 9)]]);
    expect(log.partnerNames.get(log.partner![0]!)).toBe('Politie');
  });

  it('sniffs comma, semicolon and tab, and honours a given delimiter', () => {
    for (const d of [',', ';', '\t']) {
      const log = readCsvEventLog(
        ['case_id', 'activity', 'timestamp'].join(d) + '\n' + ['c', 'a', '2024-01-01T00:00:00Z'].join(d),
      );
      expect(rowsInFileOrder(log)).toEqual([['c', 'a', Date.UTC(2024, 0, 1)]]);
    }
    const log = readCsvEventLog('case_id;activity;timestamp\nc,1;a,b;2024-01-01T00:00:00Z\n', { delimiter: ';' });
    expect(rowsInFileOrder(log)).toEqual([['c,1', 'a,b', Date.UTC(2024, 0, 1)]]);
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines, a BOM and CRLF', () => {
    const text =
      '\uFEFFcase_id,activity,timestamp\r\n' +
      '"A, the first","say ""hi""",2024-01-01T10:00:00Z\r\n' +
      '"B","two\r\nlines",2024-01-01T11:00:00Z\r\n' +
      '\r\n' +
      'C,"",2024-01-01T12:00:00Z';
    const error = readError(text);
    expect(error.details[0]).toMatchObject({ line: 6, path: 'activity', message: 'the activity is empty' });
    const log = readCsvEventLog(text.replace('C,""', 'C,"plain"'));
    expect(rowsInFileOrder(log)).toEqual([
      ['A, the first', 'say "hi"', Date.UTC(2024, 0, 1, 10)],
      ['B', 'two\r\nlines', Date.UTC(2024, 0, 1, 11)],
      ['C', 'plain', Date.UTC(2024, 0, 1, 12)],
    ]);
  });

  it('treats NA, null and the empty string as ordinary case ids', () => {
    const log = readCsvEventLog(
      'case_id,activity,timestamp\nNA,a,2024-01-01T00:00:00Z\nnull,a,2024-01-01T00:00:00Z\n,a,2024-01-01T00:00:00Z\n"",b,2024-01-01T01:00:00Z\n',
    );
    expect(log.caseCount).toBe(3);
    expect(log.caseIds.toArray()).toEqual(['NA', 'null', '']);
    expect(log.caseOffsets[3]! - log.caseOffsets[2]!).toBe(2);
  });

  it('rejects the whole file, naming file, line and column of every problem', () => {
    const error = readError(
      'case_id,activity,timestamp\nA,a,2024-01-01T00:00:00Z\nA,b,tomorrow\nB,c\nC,,2024-01-01T00:00:00Z\nD,d,31-02-2024 10:00\n',
      { fileName: 'extract.csv' },
    );
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('extract.csv');
    expect(error.details).toEqual([
      {
        file: 'extract.csv',
        line: 3,
        path: 'timestamp',
        message: expect.stringContaining('"tomorrow" is not a timestamp') as unknown,
      },
      { file: 'extract.csv', line: 4, path: 'timestamp', message: 'the line has 2 fields, expected at least 3' },
      { file: 'extract.csv', line: 5, path: 'activity', message: 'the activity is empty' },
      {
        file: 'extract.csv',
        line: 6,
        path: 'timestamp',
        message: expect.stringContaining('"31-02-2024 10:00" is not a timestamp') as unknown,
      },
    ]);
  });

  it('counts lines inside quoted fields for the line numbers of problems', () => {
    const error = readError('case_id,activity,timestamp\n"a\nb\nc",x,2024-01-01T00:00:00Z\nd,y,never\n');
    expect(error.details[0]).toMatchObject({ line: 5, path: 'timestamp' });
  });

  it('lists the first 20 problems and stops reading', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `c${i},a,not-a-time-${i}`).join('\n');
    const error = readError('case_id,activity,timestamp\n' + rows);
    expect(error.details).toHaveLength(20);
    expect(error.details[19]).toMatchObject({ line: 21 });
    expect(error.message).toContain('at least 20 problems');
  });

  it('names the missing columns and what the header has', () => {
    const error = readError('case;activity;time\nx;y;2024-01-01\n');
    expect(error.details).toEqual([
      {
        file: 'input.csv',
        line: 1,
        path: 'case_id, timestamp',
        message: 'columns "case_id", "timestamp" not found; the header (delimiter ";") has "case", "activity", "time"',
      },
    ]);
    expect(readError('case_id,activity,timestamp\n', { columns: { partner: 'org' } }).details[0]?.path).toBe('org');
  });

  it('rejects an empty file and an unclosed quote', () => {
    expect(readError('').details[0]?.message).toContain('the file is empty');
    expect(readError('case_id,activity,timestamp\n"A,a,2024-01-01T00:00:00Z\n').details[0]).toMatchObject({
      line: 2,
      message: 'a quoted field is not closed',
    });
    expect(readError('case_id,activity,timestamp\n"A"x,a,2024-01-01T00:00:00Z\n').details[0]).toMatchObject({
      line: 2,
      path: 'case_id',
    });
  });

  it('accepts a header without rows as an empty log', () => {
    const log = readCsvEventLog('case_id,activity,timestamp');
    expect(log.eventCount).toBe(0);
    expect(log.caseCount).toBe(0);
  });

  it('reads optional start timestamps, partners and resources when the columns exist', () => {
    const log = readCsvEventLog(
      'case_id,activity,timestamp,start_timestamp,partner,resource\n1,a,2024-01-01T10:00:00Z,2024-01-01T09:30:00Z,Politie,\n1,b,2024-01-01T11:00:00Z,,,Jan\n',
    );
    expect(Array.from(log.startTimestamp!)).toEqual([Date.UTC(2024, 0, 1, 9, 30), Number.NaN]);
    expect(Array.from(log.partner!)).toEqual([0, 0xffffffff]);
    expect(Array.from(log.resource!)).toEqual([0xffffffff, 0]);
  });

  it('gives the same log whatever the chunk boundaries', () => {
    const text =
      '\uFEFFcase_id;activity;timestamp\r\n"x;1";"a ""q""";2024-01-01T10:00:00Z\r\ny;"multi\nline";2024-01-02 10:00\rz;c;03-01-2024 10:00\r\n';
    const bytes = encodeUtf8(text);
    const whole = rowsInFileOrder(readCsvEventLog(bytes));
    for (let size = 1; size <= 9; size++) {
      const reader = new CsvEventLogReader();
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      expect(rowsInFileOrder(reader.finish())).toEqual(whole);
    }
    expect(whole).toHaveLength(3);
  });

  it('reports the same line numbers whatever the chunk boundaries', () => {
    const bytes = encodeUtf8('case_id,activity,timestamp\r\n"a\r\nb",x,2024-01-01T00:00:00Z\r\n\r\nc,y,never\r\n');
    for (let size = 1; size <= bytes.length; size++) {
      const reader = new CsvEventLogReader();
      let error: unknown;
      try {
        for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
        reader.finish();
      } catch (caught) {
        error = caught;
      }
      expect(isDomainError(error) && error.details[0]?.line, `chunks of ${size}`).toBe(5);
    }
  });

  /** A field as a CSV writer would write it: quoted when it must be, and sometimes when not. */
  function writeField(value: string, delimiter: string, quote: boolean): string {
    const must = value.includes(delimiter) || /["\r\n]/.test(value);
    return must || quote ? `"${value.replaceAll('"', '""')}"` : value;
  }

  const special = fc.constantFrom('NA', 'null', '', ' ', '"', ',', ';', '\t', '\n', '\r\n', 'a"b', 'é', '𝄞', '\u0000');
  const text = fc.oneof(special, fc.string({ unit: 'binary', maxLength: 10 }), fc.string({ maxLength: 24 }));

  it('reads back exactly what was written (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            caseId: text,
            activity: text.filter((a) => a !== ''),
            time: fc.integer({ min: 0, max: 4_000_000_000_000 }),
            quote: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (events, delimiter, bom, crlf, finalNewline, chunk) => {
          const eol = crlf ? '\r\n' : '\n';
          const lines = [['case_id', 'activity', 'timestamp'].join(delimiter)];
          for (const e of events) {
            lines.push(
              [
                writeField(e.caseId, delimiter, e.quote),
                writeField(e.activity, delimiter, e.quote),
                new Date(e.time).toISOString(),
              ].join(delimiter),
            );
          }
          const csv = (bom ? '\uFEFF' : '') + lines.join(eol) + (finalNewline ? eol : '');
          const bytes = encodeUtf8(csv);
          const reader = new CsvEventLogReader({
            delimiter: delimiter === ',' ? undefined : delimiter,
          });
          for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk));
          const log = reader.finish();
          expect(rowsInFileOrder(log)).toEqual(events.map((e) => [e.caseId, e.activity, e.time]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
