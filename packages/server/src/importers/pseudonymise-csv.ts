/**
 * Replaces one column of a CSV file by pseudonyms, streaming, and leaves every other byte as it
 * was: the header, the other fields, the delimiter, quoting, line ends and a byte-order mark. This
 * is what `ketenregie pseudonymise` runs at a partner's own site, so the identifier never leaves
 * the organisation; the file can then be imported with "identifiers already pseudonymised".
 *
 * Parsing follows the event readers: delimiter `,`, `;` or tab (given, or sniffed from the header
 * as the most frequent of the three outside quotes); RFC 4180 quoting with `""` for a quote and
 * embedded delimiters and line ends; `\n`, `\r\n` or `\r` line ends; blank lines are passed on
 * untouched. The field's value (unquoted and unescaped) is pseudonymised — the same value the
 * server's CSV reader would pseudonymise — and written back quoted when it was quoted. Pseudonyms
 * contain only `A–Z` and `2–7`, so they never need quoting.
 *
 * Errors name the line and the column but never the identifier.
 */
import { basename } from 'node:path';
import { DomainError } from '@ketenregie/core/errors';
import type { Pseudonymiser } from './pseudonymise-identifier.ts';
import { readFileChunks, type ProgressListener } from './read-file-chunks.ts';

/** How to pseudonymise a CSV stream. */
export interface PseudonymiseCsvOptions {
  /** Header name of the column to replace (exact, else case-insensitive). */
  readonly column: string;
  readonly pseudonymise: Pseudonymiser;
  /** Sniffed from the header when absent. */
  readonly delimiter?: ',' | ';' | '\t' | undefined;
  /** Named in error messages. */
  readonly fileName?: string | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Parser states between bytes. */
const State = {
  /** At the start of a field (after a delimiter). */
  FieldStart: 0,
  /** At the start of a record, where line ends are blank lines. */
  RecordStart: 1,
  Unquoted: 2,
  Quoted: 3,
  /** Inside a quoted field, just after a quote: either `""` or the closing quote. */
  QuoteInQuoted: 4,
} as const;
type State = (typeof State)[keyof typeof State];

/** A streaming transformer of CSV bytes; push chunks, then finish. Use once. */
export class CsvColumnPseudonymiser {
  private readonly options: PseudonymiseCsvOptions;
  private readonly fileName: string;
  private delimiter: number;
  private headerBytes: Uint8Array[] | null = [];
  private target = -1;
  private state: State = State.RecordStart;
  private column = 0;
  private line = 1;
  /** Bytes of the target field's value (unescaped) while inside it. */
  private value: number[] = [];
  private inTarget = false;
  private replaced = 0;
  private targetQuoted = false;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8');

  constructor(options: PseudonymiseCsvOptions) {
    this.options = options;
    this.fileName = options.fileName ?? 'input.csv';
    this.delimiter = options.delimiter === undefined ? -1 : options.delimiter.charCodeAt(0);
  }

  /** Number of fields replaced so far. */
  get replacedCount(): number {
    return this.replaced;
  }

  /** Processes a chunk and returns the bytes to write (possibly none while the header is incomplete). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.headerBytes !== null) {
      this.headerBytes.push(chunk.slice());
      const joined = concat(this.headerBytes);
      const end = findHeaderEnd(joined);
      if (end < 0) return [];
      this.readHeader(joined.subarray(0, end));
      this.headerBytes = null;
      return [joined.subarray(0, end), ...this.transform(joined.subarray(end))];
    }
    return this.transform(chunk);
  }

  /** Ends the input; returns the last bytes to write or throws when the file is malformed. */
  finish(): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.headerBytes !== null) {
      const joined = concat(this.headerBytes);
      this.readHeader(joined);
      this.headerBytes = null;
      out.push(joined);
      return out;
    }
    if (this.state === State.Quoted) {
      this.fail(this.line, 'a quoted field is not closed at the end of the file');
    }
    if (this.state === State.FieldStart && this.column === this.target) {
      // An empty last field right at the end of the file: pseudonymise the empty identifier.
      this.inTarget = true;
      this.value = [];
    }
    if (this.state !== State.RecordStart) {
      out.push(...this.endField());
      this.inTargetEnded(0, 0);
      out.push(...this.endRecord());
    }
    return out;
  }

  private fail(line: number, message: string): never {
    throw new DomainError('validation_failed', `${this.fileName}: ${message} (line ${line})`, [
      { file: this.fileName, line, path: this.options.column, message },
    ]);
  }

  private readHeader(bytes: Uint8Array): void {
    let text = this.decoder.decode(bytes);
    text = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '');
    if (this.delimiter < 0) {
      const counts = [0, 0, 0];
      let quoted = false;
      for (const char of text) {
        if (char === '"') quoted = !quoted;
        else if (!quoted) {
          if (char === ',') counts[0]!++;
          else if (char === ';') counts[1]!++;
          else if (char === '\t') counts[2]!++;
        }
      }
      this.delimiter = counts[1]! > counts[0]! && counts[1]! >= counts[2]! ? 59 : counts[2]! > counts[0]! ? 9 : 44;
    }
    const names = splitHeader(text, String.fromCharCode(this.delimiter));
    let index = names.indexOf(this.options.column);
    if (index < 0) index = names.findIndex((name) => name.toLowerCase() === this.options.column.toLowerCase());
    if (index < 0) {
      const delimiterName = this.delimiter === 9 ? 'tab' : `"${String.fromCharCode(this.delimiter)}"`;
      throw new DomainError('validation_failed', `${this.fileName}: column "${this.options.column}" not found`, [
        {
          file: this.fileName,
          line: 1,
          path: this.options.column,
          message: `the header (delimiter ${delimiterName}) has ${names.map((n) => `"${n}"`).join(', ')}`,
        },
      ]);
    }
    this.target = index;
    this.line = 2;
  }

  /** Pseudonymises the records in `chunk`, passing every other byte through. */
  private transform(chunk: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    const delimiter = this.delimiter;
    let passFrom = 0;
    for (let p = 0; p < chunk.length; p++) {
      const byte = chunk[p]!;
      switch (this.state) {
        case State.RecordStart:
        case State.FieldStart: {
          if (this.state === State.RecordStart && (byte === LF || byte === CR)) {
            if (byte === LF) this.line++;
            break;
          }
          if (this.column === this.target) {
            this.inTarget = true;
            this.value = [];
            if (p > passFrom) out.push(chunk.subarray(passFrom, p));
            passFrom = p;
          }
          if (byte === QUOTE) {
            this.state = State.Quoted;
            if (this.inTarget) this.targetQuoted = true;
          } else if (byte === delimiter) {
            out.push(...this.endField());
            passFrom = this.inTargetEnded(p, passFrom);
            this.column++;
            this.state = State.FieldStart;
          } else if (byte === LF || byte === CR) {
            out.push(...this.endField(), ...this.endRecord());
            passFrom = this.inTargetEnded(p, passFrom);
            if (byte === LF) this.line++;
          } else {
            if (this.inTarget) this.value.push(byte);
            this.state = State.Unquoted;
          }
          break;
        }
        case State.Unquoted:
          if (byte === delimiter) {
            out.push(...this.endField());
            passFrom = this.inTargetEnded(p, passFrom);
            this.column++;
            this.state = State.FieldStart;
          } else if (byte === LF || byte === CR) {
            out.push(...this.endField(), ...this.endRecord());
            passFrom = this.inTargetEnded(p, passFrom);
            if (byte === LF) this.line++;
          } else if (this.inTarget) {
            this.value.push(byte);
          }
          break;
        case State.Quoted:
          if (byte === QUOTE) this.state = State.QuoteInQuoted;
          else {
            if (byte === LF) this.line++;
            if (this.inTarget) this.value.push(byte);
          }
          break;
        case State.QuoteInQuoted:
          if (byte === QUOTE) {
            if (this.inTarget) this.value.push(QUOTE);
            this.state = State.Quoted;
          } else if (byte === delimiter) {
            out.push(...this.endField());
            passFrom = this.inTargetEnded(p, passFrom);
            this.column++;
            this.state = State.FieldStart;
          } else if (byte === LF || byte === CR) {
            out.push(...this.endField(), ...this.endRecord());
            passFrom = this.inTargetEnded(p, passFrom);
            if (byte === LF) this.line++;
          } else {
            this.fail(this.line, `unexpected text after the closing quote of field ${this.column + 1}`);
          }
          break;
      }
    }
    if (!this.inTarget && passFrom < chunk.length) out.push(chunk.subarray(passFrom));
    return out;
  }

  /** The pseudonym to write for the field that just ended, if it is the target column. */
  private endField(): Uint8Array[] {
    if (!this.inTarget) return [];
    const identifier = this.decoder.decode(Uint8Array.from(this.value));
    const pseudonym = this.options.pseudonymise(identifier);
    this.value = [];
    this.replaced++;
    return [this.encoder.encode(this.targetQuoted ? `"${pseudonym}"` : pseudonym)];
  }

  /** After {@link endField}: where passing through resumes. */
  private inTargetEnded(p: number, passFrom: number): number {
    if (!this.inTarget) return passFrom;
    this.inTarget = false;
    this.targetQuoted = false;
    return p;
  }

  /** Checks that the record that just ended had the target column. */
  private endRecord(): Uint8Array[] {
    if (this.column < this.target) {
      this.fail(
        this.line,
        `the record has ${this.column + 1} field${this.column === 0 ? '' : 's'}; column "${this.options.column}" is field ${this.target + 1}`,
      );
    }
    this.column = 0;
    this.state = State.RecordStart;
    return [];
  }
}

/** Position just after the header's line end (outside quotes), or -1 when not yet complete. */
function findHeaderEnd(bytes: Uint8Array): number {
  let quoted = false;
  for (let p = 0; p < bytes.length; p++) {
    const byte = bytes[p]!;
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) {
      if (byte === CR) {
        if (p + 1 >= bytes.length) return -1;
        return bytes[p + 1] === LF ? p + 2 : p + 1;
      }
      return p + 1;
    }
  }
  return -1;
}

function splitHeader(text: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else quoted = false;
      } else current += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      names.push(current.trim());
      current = '';
    } else current += char;
  }
  names.push(current.trim());
  return names;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Streams the CSV file at `path` (plain or `.gz`) through a {@link CsvColumnPseudonymiser} and
 * hands each piece of output to `write`, which may apply back-pressure by returning a promise.
 * Returns the number of identifiers replaced.
 */
export async function pseudonymiseCsvFile(
  path: string,
  options: Omit<PseudonymiseCsvOptions, 'fileName'> & { readonly onProgress?: ProgressListener | undefined },
  write: (bytes: Uint8Array) => Promise<void> | void,
): Promise<number> {
  const transformer = new CsvColumnPseudonymiser({ ...options, fileName: basename(path) });
  for await (const chunk of readFileChunks(path, { onProgress: options.onProgress })) {
    // The reader reuses its buffers, so the pieces are copied into one buffer before writing.
    const pieces = transformer.push(chunk);
    if (pieces.length > 0) await write(Buffer.concat(pieces));
  }
  const rest = transformer.finish();
  if (rest.length > 0) await write(Buffer.concat(rest));
  return transformer.replacedCount;
}
