/**
 * Reads a CSV of measurements into rows, or lists every problem with its line and field. Pure: no
 * database; the service checks the rows against the chain's indicators afterwards.
 *
 * - Header row required; columns `indicator` (the indicator's key), `period`, `value` and
 *   optionally `note`, in any order; Dutch headers `periode`, `waarde` and `toelichting` work too;
 *   case and surrounding spaces do not matter. Other columns are refused (a typo would otherwise
 *   silently drop a note).
 * - Delimiter `,`, `;` or tab, whichever occurs most in the header outside quotes.
 * - Quoted fields (RFC 4180): delimiters and line breaks inside quotes, `""` for a quote.
 * - A byte-order mark and blank lines are ignored; `\n`, `\r\n` and `\r` line ends.
 * - Values: a decimal number with `.` or `,` as decimal separator and no thousands separators
 *   (`12.5`, `12,5`, `-3`).
 * - Line numbers are the physical lines of the text, 1 = the header; a record with a line break in
 *   a quoted field is reported at the line where it starts.
 */
import { measurementPeriodSchema, type ErrorDetail } from '@ketenregie/core';

/** One measurement read from the CSV. */
export interface MeasurementCsvRow {
  /** Physical line of the record (the header is line 1). */
  readonly line: number;
  readonly indicatorKey: string;
  readonly period: string;
  readonly value: number;
  readonly note: string;
}

/** The rows, or the problems (never both). */
export type MeasurementCsvParse =
  | { readonly ok: true; readonly rows: readonly MeasurementCsvRow[] }
  | { readonly ok: false; readonly problems: readonly ErrorDetail[] };

/** Most data rows one upload may hold. */
export const MAX_MEASUREMENT_CSV_ROWS = 10_000;

/** Most problems listed in one answer; the rest are counted in the message. */
export const MAX_LISTED_CSV_PROBLEMS = 50;

const COLUMNS = {
  indicator: ['indicator', 'indicatorkey', 'indicator_key', 'indicator-key', 'sleutel'],
  period: ['period', 'periode'],
  value: ['value', 'waarde'],
  note: ['note', 'toelichting', 'opmerking'],
} as const;

type Column = keyof typeof COLUMNS;

const DUTCH_NAMES: Record<Column, string> = {
  indicator: 'indicator',
  period: 'periode',
  value: 'waarde',
  note: 'toelichting',
};

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** A raw record: its fields and the line it starts on. */
interface RawRecord {
  readonly line: number;
  readonly fields: string[];
}

/** Splits the text into records (see the module documentation). */
function splitRecords(text: string, delimiter: string): { records: RawRecord[]; problem: ErrorDetail | null } {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]?.trim() === '';
    if (!blank) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
          line++;
        }
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted && field.trim() === '') {
      inQuotes = true;
      quoteLine = line;
      field = '';
      fieldStarted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') {
        i++;
      }
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      if (char.trim() !== '') {
        fieldStarted = true;
      }
    }
  }
  if (inQuotes) {
    return { records, problem: { path: 'csv', line: quoteLine, message: 'a quoted field is not closed' } };
  }
  endRecord();
  return { records, problem: null };
}

/** The most frequent of `,`, `;` and tab outside quotes on the first line (`,` when none occurs). */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      break;
    } else if (!inQuotes && counts.has(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best = ',';
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) {
      best = delimiter;
    }
  }
  return best;
}

/** Reads the CSV text (see the module documentation). */
export function parseMeasurementCsv(input: string): MeasurementCsvParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const { records, problem } = splitRecords(text, sniffDelimiter(text));
  if (problem !== null) {
    return { ok: false, problems: [problem] };
  }
  const [header, ...data] = records;
  if (header === undefined) {
    return { ok: false, problems: [{ path: 'csv', line: 1, message: 'the CSV is empty; start with a header row' }] };
  }
  const problems: ErrorDetail[] = [];
  const positions = new Map<Column, number>();
  header.fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = (Object.keys(COLUMNS) as Column[]).find((c) => (COLUMNS[c] as readonly string[]).includes(name));
    if (column === undefined) {
      problems.push({
        path: raw.trim() === '' ? `column ${index + 1}` : raw.trim(),
        line: header.line,
        message: 'unknown column; use indicator, period, value and note',
      });
    } else if (positions.has(column)) {
      problems.push({ path: raw.trim(), line: header.line, message: `the column ${column} appears twice` });
    } else {
      positions.set(column, index);
    }
  });
  for (const column of ['indicator', 'period', 'value'] as const) {
    if (!positions.has(column)) {
      const dutch = DUTCH_NAMES[column];
      problems.push({
        path: column,
        line: header.line,
        message: `the header has no column "${column}"${dutch === column ? '' : ` (or "${dutch}")`}`,
      });
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  if (data.length === 0) {
    return { ok: false, problems: [{ path: 'csv', line: header.line, message: 'the CSV has a header but no rows' }] };
  }
  if (data.length > MAX_MEASUREMENT_CSV_ROWS) {
    return {
      ok: false,
      problems: [
        {
          path: 'csv',
          line: header.line,
          message: `at most ${MAX_MEASUREMENT_CSV_ROWS} rows per upload; split the file`,
        },
      ],
    };
  }

  const rows: MeasurementCsvRow[] = [];
  const at = (record: RawRecord, column: Column): string => {
    const position = positions.get(column);
    return position === undefined ? '' : (record.fields[position] ?? '').trim();
  };
  for (const record of data) {
    if (record.fields.length !== header.fields.length) {
      problems.push({
        path: 'csv',
        line: record.line,
        message: `expected ${header.fields.length} fields like the header, found ${record.fields.length}`,
      });
      continue;
    }
    const before = problems.length;
    const indicatorKey = at(record, 'indicator');
    if (indicatorKey === '') {
      problems.push({ path: 'indicator', line: record.line, message: 'the indicator key is empty' });
    }
    const period = at(record, 'period');
    if (!measurementPeriodSchema.safeParse(period).success) {
      problems.push({
        path: 'period',
        line: record.line,
        message: `"${period}" is not a period; use 2024 (year), 2024-Q2 (quarter) or 2024-05 (month)`,
      });
    }
    const rawValue = at(record, 'value');
    const value = NUMBER_PATTERN.test(rawValue) ? Number(rawValue.replace(',', '.')) : Number.NaN;
    if (!Number.isFinite(value)) {
      problems.push({
        path: 'value',
        line: record.line,
        message: `"${rawValue}" is not a number; write e.g. 12.5 or 12,5 without thousands separators`,
      });
    }
    const note = at(record, 'note');
    if (note.length > 1000) {
      problems.push({ path: 'note', line: record.line, message: 'the note is longer than 1000 characters' });
    }
    if (problems.length === before) {
      rows.push({ line: record.line, indicatorKey, period, value, note });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
