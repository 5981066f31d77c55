/**
 * A byte-level CSV reader that turns an event extract into an {@link EventLog}, chunk by chunk, so
 * files larger than memory stream through it (the caller owns the I/O and pushes `Uint8Array`s).
 *
 * - Delimiter `,`, `;` or tab: given, or sniffed from the header (the most frequent of the three
 *   outside quotes).
 * - Quoted fields (RFC 4180): embedded delimiters and newlines, `""` for a quote.
 * - UTF-8 with or without byte-order mark; `\n`, `\r\n` or `\r` line ends; blank lines skipped.
 * - Columns found by header name (exact, else case-insensitive); defaults `case_id`, `activity`,
 *   `timestamp`, and, only when present, `start_timestamp`, `partner` and `resource`.
 * - Timestamps as {@link parseTimestampBytes} reads them.
 * - Case ids and other strings are interned from the raw bytes: no string is created per row. An
 *   empty case id, `NA` or `null` is an id like any other.
 * - All or nothing: any problem (missing column, too few fields, empty activity, bad timestamp,
 *   unclosed quote) makes {@link CsvEventLogReader.finish} throw a `DomainError('validation_failed')`
 *   listing the first 20 problems with file, line and column; reading stops at the 20th.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import type { EventLog } from './event-log.ts';
import { EventLogBuilder } from './event-log-builder.ts';
import { parseTimestampBytes, type TimeZoneRule } from './parse-timestamp.ts';
import type { StringPool } from './string-pool.ts';
import { decodeUtf8, encodeUtf8 } from './utf8.ts';

/** Header names of the columns to read; each is optional and has a default. */
export interface CsvColumnNames {
  /** Default `case_id`. */
  readonly caseId?: string | undefined;
  /** Default `activity`. */
  readonly activity?: string | undefined;
  /** Default `timestamp`: the completion time of the event. */
  readonly timestamp?: string | undefined;
  /** Default: the column `start_timestamp` when present. */
  readonly startTimestamp?: string | undefined;
  /** Default: the column `partner` when present. */
  readonly partner?: string | undefined;
  /** Default: the column `resource` when present. */
  readonly resource?: string | undefined;
}

/** A CSV field delimiter. */
export type CsvDelimiter = ',' | ';' | '\t';

/** How to read a CSV event extract. */
export interface CsvReadOptions {
  /** Named in error messages; default `input.csv`. */
  readonly fileName?: string | undefined;
  /** Sniffed from the header when absent. */
  readonly delimiter?: CsvDelimiter | undefined;
  readonly columns?: CsvColumnNames | undefined;
  /** How to read times without a zone; default `Europe/Amsterdam`. */
  readonly timeZone?: TimeZoneRule | undefined;
  /** Expected number of events, to presize memory (e.g. file size / 40); only a hint. */
  readonly expectedEvents?: number | undefined;
}

/** The most problems one error lists; reading stops when this many are found. */
export const MAX_REPORTED_PROBLEMS = 20;

const ROLE_CASE = 0;
const ROLE_ACTIVITY = 1;
const ROLE_TIMESTAMP = 2;
const ROLE_START = 3;
const ROLE_PARTNER = 4;
const ROLE_RESOURCE = 5;
const ROLE_COUNT = 6;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** The field held `""` escapes and must be unescaped before use. */
const ESCAPED = 1;

/** Reads a CSV event extract pushed in chunks; see the module comment. Use once. */
export class CsvEventLogReader {
  private readonly fileName: string;
  private readonly zone: TimeZoneRule;
  private readonly columnNames: CsvColumnNames;
  private readonly builder: EventLogBuilder;
  private delimiter: number;
  private headerDone = false;
  /** Role (ROLE_…) of each column of the file, -1 for columns not read. */
  private roleOfColumn = new Int8Array(0);
  /** Header name per role, for messages. */
  private readonly roleNames: string[] = [];
  /** Highest column index that must be present in every record. */
  private lastNeededColumn = 0;
  private readonly fieldStart = new Int32Array(ROLE_COUNT);
  private readonly fieldEnd = new Int32Array(ROLE_COUNT);
  private readonly fieldFlags = new Int32Array(ROLE_COUNT);
  private readonly hasRole = new Uint8Array(ROLE_COUNT);
  /** Whether a start timestamp, partner or resource column is read. */
  private hasOptionalRole = false;
  /** 1-based line number where the next record starts. */
  private line = 1;
  private leftover: Uint8Array | null = null;
  private scratch = new Uint8Array(256);
  /** Bytes of the last unescaped value in `scratch`. */
  private scratchLength = 0;
  private readonly problems: ErrorDetail[] = [];
  private bytes = 0;
  private finished = false;

  constructor(options: CsvReadOptions = {}) {
    this.fileName = options.fileName ?? 'input.csv';
    this.zone = options.timeZone ?? 'Europe/Amsterdam';
    this.columnNames = options.columns ?? {};
    this.delimiter = options.delimiter === undefined ? -1 : options.delimiter.charCodeAt(0);
    this.builder = new EventLogBuilder(options.expectedEvents);
  }

  /** Bytes pushed so far, for progress reporting. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** Events read so far. */
  get eventCount(): number {
    return this.builder.eventCount;
  }

  /** Feeds the next chunk of the file. Throws once {@link MAX_REPORTED_PROBLEMS} problems are found. */
  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('CsvEventLogReader.push() after finish()');
    this.bytes += chunk.length;
    let buffer = chunk;
    let position = 0;
    const leftover = this.leftover;
    this.leftover = null;
    if (leftover !== null) {
      const lineEnd = this.headerDone ? chunk.indexOf(LF) : -1;
      if (lineEnd >= 0) {
        // Complete the record cut off by the previous chunk without copying the whole chunk.
        const joined = concat(leftover, chunk.subarray(0, lineEnd + 1));
        const consumed = this.readRecords(joined, 0, false);
        if (consumed === joined.length) position = lineEnd + 1;
        else buffer = concat(joined.subarray(consumed), chunk.subarray(lineEnd + 1));
      } else {
        buffer = concat(leftover, chunk);
      }
    }
    if (!this.headerDone) {
      position = this.readHeader(buffer, false);
      if (position < 0) {
        this.leftover = buffer.slice();
        return;
      }
    }
    position = this.readRecords(buffer, position, false);
    if (position < buffer.length) this.leftover = buffer.slice(position);
  }

  /** Ends the input and returns the log, or throws `DomainError('validation_failed')`. */
  finish(): EventLog {
    if (this.finished) throw new Error('CsvEventLogReader.finish() was already called');
    this.finished = true;
    const rest = this.leftover ?? new Uint8Array(0);
    this.leftover = null;
    let position = 0;
    if (!this.headerDone) position = this.readHeader(rest, true);
    if (this.headerDone && position < rest.length) this.readRecords(rest, position, true);
    if (this.problems.length > 0) this.fail();
    return this.builder.build();
  }

  private fail(): never {
    const count = this.problems.length;
    const summary =
      count >= MAX_REPORTED_PROBLEMS
        ? `at least ${MAX_REPORTED_PROBLEMS} problems, the first ${MAX_REPORTED_PROBLEMS} are listed`
        : `${count} problem${count === 1 ? '' : 's'}`;
    const first = this.problems[0]!;
    throw new DomainError(
      'validation_failed',
      `${this.fileName} was not read (${summary}); the first is at line ${first.line ?? '?'}: ${first.message}`,
      this.problems,
    );
  }

  private problem(line: number, role: number, message: string): void {
    this.problems.push({ file: this.fileName, line, path: role < 0 ? '' : (this.roleNames[role] ?? ''), message });
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) {
      this.finished = true;
      this.fail();
    }
  }

  /**
   * Reads the header line when `buffer` holds all of it; returns the position after it, or -1
   * when more input is needed.
   */
  private readHeader(buffer: Uint8Array, final: boolean): number {
    let start = 0;
    if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
    else if (!final && buffer.length < 3 && (buffer.length === 0 || buffer[0] === 0xef)) return -1;
    let inQuotes = false;
    let end = -1;
    const counts = [0, 0, 0];
    for (let p = start; p < buffer.length; p++) {
      const byte = buffer[p]!;
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes) {
        if (byte === LF || byte === CR) {
          end = p;
          break;
        }
        if (byte === 44) counts[0]!++;
        else if (byte === 59) counts[1]!++;
        else if (byte === 9) counts[2]!++;
      }
    }
    if (end < 0 || (buffer[end] === CR && end + 1 === buffer.length && !final)) {
      if (!final) return -1;
      end = buffer.length;
    }
    if (end === start && end >= buffer.length) {
      this.headerDone = true;
      this.problem(1, -1, 'the file is empty; expected a header line naming the columns');
      return buffer.length;
    }
    if (this.delimiter < 0) {
      const best = counts[1]! > counts[0]! && counts[1]! >= counts[2]! ? 59 : counts[2]! > counts[0]! ? 9 : 44;
      this.delimiter = best;
    }
    const names = this.splitHeader(buffer, start, end);
    this.mapColumns(names);
    this.headerDone = true;
    let next = end;
    if (next < buffer.length && buffer[next] === CR) next++;
    if (next < buffer.length && buffer[next] === LF) next++;
    this.line = 2;
    return next;
  }

  private splitHeader(buffer: Uint8Array, start: number, end: number): string[] {
    const names: string[] = [];
    let p = start;
    for (;;) {
      let value: string;
      if (p < end && buffer[p] === QUOTE) {
        let q = p + 1;
        const parts: number[] = [];
        while (q < end) {
          if (buffer[q] === QUOTE) {
            if (q + 1 < end && buffer[q + 1] === QUOTE) {
              parts.push(QUOTE);
              q += 2;
              continue;
            }
            break;
          }
          parts.push(buffer[q]!);
          q++;
        }
        value = decodeUtf8(Uint8Array.from(parts));
        p = q + 1;
        while (p < end && buffer[p] !== this.delimiter) p++;
      } else {
        let q = p;
        while (q < end && buffer[q] !== this.delimiter) q++;
        value = decodeUtf8(buffer.subarray(p, q));
        p = q;
      }
      names.push(value.trim());
      if (p >= end) break;
      p++;
    }
    return names;
  }

  private mapColumns(names: readonly string[]): void {
    const wanted: [number, string | undefined, string, boolean][] = [
      [ROLE_CASE, this.columnNames.caseId, 'case_id', true],
      [ROLE_ACTIVITY, this.columnNames.activity, 'activity', true],
      [ROLE_TIMESTAMP, this.columnNames.timestamp, 'timestamp', true],
      [ROLE_START, this.columnNames.startTimestamp, 'start_timestamp', false],
      [ROLE_PARTNER, this.columnNames.partner, 'partner', false],
      [ROLE_RESOURCE, this.columnNames.resource, 'resource', false],
    ];
    this.roleOfColumn = new Int8Array(names.length).fill(-1);
    const missing: string[] = [];
    for (const [role, given, fallback, required] of wanted) {
      const name = given ?? fallback;
      this.roleNames[role] = name;
      let index = names.indexOf(name);
      if (index < 0) index = names.findIndex((candidate) => candidate.toLowerCase() === name.toLowerCase());
      if (index < 0 || this.roleOfColumn[index] !== -1) {
        if (required || given !== undefined) missing.push(name);
        continue;
      }
      this.roleOfColumn[index] = role;
      this.hasRole[role] = 1;
      if (role >= ROLE_START) this.hasOptionalRole = true;
      this.lastNeededColumn = Math.max(this.lastNeededColumn, index);
    }
    if (missing.length > 0) {
      const delimiterName = this.delimiter === 9 ? 'tab' : `"${String.fromCharCode(this.delimiter)}"`;
      this.problems.push({
        file: this.fileName,
        line: 1,
        path: missing.join(', '),
        message: `column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')} not found; the header (delimiter ${delimiterName}) has ${names.map((n) => `"${n}"`).join(', ')}`,
      });
      this.finished = true;
      this.fail();
    }
  }

  /**
   * Reads every complete record of `buffer` from `position` and returns the position after the
   * last one; at the end of the input (`final`) an unterminated last record is read too.
   */
  private readRecords(buffer: Uint8Array, position: number, final: boolean): number {
    const n = buffer.length;
    const delimiter = this.delimiter;
    const roleOfColumn = this.roleOfColumn;
    const columnCount = roleOfColumn.length;
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const fieldFlags = this.fieldFlags;
    let p = position;
    records: while (p < n) {
      const recordStart = p;
      const first = buffer[p]!;
      if (first === LF) {
        p++;
        this.line++;
        continue;
      }
      if (first === CR) {
        if (p + 1 < n) p += buffer[p + 1] === LF ? 2 : 1;
        else if (final) p++;
        else break;
        this.line++;
        continue;
      }
      let column = 0;
      let extraLines = 0;
      for (;;) {
        let start: number;
        let end: number;
        let flags = 0;
        if (p < n && buffer[p] === QUOTE) {
          let q = p + 1;
          for (;;) {
            if (q >= n) {
              if (!final) {
                p = recordStart;
                break records;
              }
              this.problem(
                this.line,
                column < columnCount ? roleOfColumn[column]! : -1,
                'a quoted field is not closed',
              );
              return n;
            }
            const byte = buffer[q]!;
            if (byte === QUOTE) {
              if (q + 1 < n && buffer[q + 1] === QUOTE) {
                flags = ESCAPED;
                q += 2;
                continue;
              }
              if (q + 1 >= n && !final) {
                p = recordStart;
                break records;
              }
              break;
            }
            if (byte === LF) extraLines++;
            q++;
          }
          start = p + 1;
          end = q;
          p = q + 1;
          if (p < n) {
            const after = buffer[p]!;
            if (after !== delimiter && after !== LF && after !== CR) {
              this.problem(
                this.line,
                column < columnCount ? roleOfColumn[column]! : -1,
                `unexpected text after the closing quote of field ${column + 1}`,
              );
              while (p < n && buffer[p] !== delimiter && buffer[p] !== LF && buffer[p] !== CR) p++;
            }
          }
        } else {
          let q = p;
          while (q < n) {
            const byte = buffer[q]!;
            if (byte === delimiter || byte === LF || byte === CR) break;
            q++;
          }
          if (q >= n && !final) {
            p = recordStart;
            break records;
          }
          start = p;
          end = q;
          p = q;
        }
        if (column < columnCount) {
          const role = roleOfColumn[column]!;
          if (role >= 0) {
            fieldStart[role] = start;
            fieldEnd[role] = end;
            fieldFlags[role] = flags;
          }
        }
        column++;
        if (p >= n) break;
        const byte = buffer[p]!;
        if (byte === delimiter) {
          p++;
          if (p >= n && !final) {
            p = recordStart;
            break records;
          }
          continue;
        }
        if (byte === LF) {
          p++;
          break;
        }
        if (p + 1 < n) p += buffer[p + 1] === LF ? 2 : 1;
        else if (final) p++;
        else {
          p = recordStart;
          break records;
        }
        break;
      }
      this.addRecord(buffer, column);
      this.line += 1 + extraLines;
    }
    return p;
  }

  /** Turns the fields found for one record into an event, or records what is wrong with it. */
  private addRecord(buffer: Uint8Array, fieldCount: number): void {
    const line = this.line;
    if (fieldCount <= this.lastNeededColumn) {
      let role = ROLE_CASE;
      for (let column = fieldCount; column < this.roleOfColumn.length; column++) {
        if (this.roleOfColumn[column]! >= 0) {
          role = this.roleOfColumn[column]!;
          break;
        }
      }
      this.problem(
        line,
        role,
        `the line has ${fieldCount} field${fieldCount === 1 ? '' : 's'}, expected at least ${this.lastNeededColumn + 1}`,
      );
      return;
    }
    const fieldStart = this.fieldStart;
    const fieldEnd = this.fieldEnd;
    const fieldFlags = this.fieldFlags;
    let timestamp =
      fieldFlags[ROLE_TIMESTAMP] === 0
        ? parseTimestampBytes(buffer, fieldStart[ROLE_TIMESTAMP]!, fieldEnd[ROLE_TIMESTAMP]!, this.zone)
        : Number.NaN;
    if (timestamp !== timestamp) timestamp = this.readTimestamp(buffer, ROLE_TIMESTAMP, line);
    if (fieldEnd[ROLE_ACTIVITY] === fieldStart[ROLE_ACTIVITY]) {
      this.problem(line, ROLE_ACTIVITY, 'the activity is empty');
      return;
    }
    if (timestamp !== timestamp || this.problems.length > 0) return;
    const builder = this.builder;
    const caseIndex =
      fieldFlags[ROLE_CASE] === 0
        ? builder.caseIds.internBytes(buffer, fieldStart[ROLE_CASE]!, fieldEnd[ROLE_CASE]!)
        : this.intern(buffer, ROLE_CASE, builder.caseIds);
    const activityIndex =
      fieldFlags[ROLE_ACTIVITY] === 0
        ? builder.activityNames.internBytes(buffer, fieldStart[ROLE_ACTIVITY]!, fieldEnd[ROLE_ACTIVITY]!)
        : this.intern(buffer, ROLE_ACTIVITY, builder.activityNames);
    const row = builder.addIndexed(caseIndex, activityIndex, timestamp);
    if (!this.hasOptionalRole) return;
    const hasRole = this.hasRole;
    if (hasRole[ROLE_START] === 1 && this.fieldEnd[ROLE_START] !== this.fieldStart[ROLE_START]) {
      const start = this.readTimestamp(buffer, ROLE_START, line);
      if (!Number.isNaN(start)) builder.setStartTimestamp(row, start);
    }
    if (hasRole[ROLE_PARTNER] === 1 && this.fieldEnd[ROLE_PARTNER] !== this.fieldStart[ROLE_PARTNER]) {
      builder.setPartner(row, this.intern(buffer, ROLE_PARTNER, builder.partnerNames));
    }
    if (hasRole[ROLE_RESOURCE] === 1 && this.fieldEnd[ROLE_RESOURCE] !== this.fieldStart[ROLE_RESOURCE]) {
      builder.setResource(row, this.intern(buffer, ROLE_RESOURCE, builder.resourceNames));
    }
  }

  /** Parses the timestamp field of `role`, recording a problem when it is not one. */
  private readTimestamp(buffer: Uint8Array, role: number, line: number): number {
    let source = buffer;
    let start = this.fieldStart[role]!;
    let end = this.fieldEnd[role]!;
    if (this.fieldFlags[role] === ESCAPED) {
      source = this.unescape(buffer, start, end);
      start = 0;
      end = this.scratchLength;
    }
    const value = parseTimestampBytes(source, start, end, this.zone);
    if (Number.isNaN(value)) {
      const text = decodeUtf8(source.subarray(start, Math.min(end, start + 60)));
      this.problem(
        line,
        role,
        text.trim() === ''
          ? 'the timestamp is empty'
          : `"${text}" is not a timestamp (expected e.g. 2024-03-31T14:05:00+02:00, 2024-03-31 14:05 or 31-03-2024 14:05)`,
      );
    }
    return value;
  }

  private intern(buffer: Uint8Array, role: number, pool: StringPool): number {
    const start = this.fieldStart[role]!;
    const end = this.fieldEnd[role]!;
    if (this.fieldFlags[role] === ESCAPED) {
      const unescaped = this.unescape(buffer, start, end);
      return pool.internBytes(unescaped, 0, this.scratchLength);
    }
    return pool.internBytes(buffer, start, end);
  }

  /** Copies `buffer[start, end)` into the scratch buffer with every `""` turned into `"`. */
  private unescape(buffer: Uint8Array, start: number, end: number): Uint8Array {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
    const scratch = this.scratch;
    let length = 0;
    for (let p = start; p < end; p++) {
      scratch[length++] = buffer[p]!;
      if (buffer[p] === QUOTE) p++;
    }
    this.scratchLength = length;
    return scratch;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Reads a whole CSV extract held in memory (bytes or text); see {@link CsvEventLogReader}. */
export function readCsvEventLog(input: Uint8Array | string, options: CsvReadOptions = {}): EventLog {
  const reader = new CsvEventLogReader(options);
  reader.push(typeof input === 'string' ? encodeUtf8(input) : input);
  return reader.finish();
}
