/**
 * PostgreSQL's binary COPY format, written and read without a string per value: the fastest way
 * to move millions of events in and out of both PostgreSQL and PGlite.
 *
 * A stream is the 11-byte signature, a 32-bit flags word and a 32-bit header-extension length,
 * then per row a 16-bit field count and per field a 32-bit length (−1 for NULL) and the value's
 * bytes, and finally a 16-bit −1. Values used here: `text` (UTF-8 bytes), `uuid` (16 bytes),
 * `int8` (64-bit big-endian) and `timestamptz` (64-bit microseconds since 2000-01-01 UTC).
 */

const SIGNATURE = Uint8Array.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]);
const HEADER_BYTES = SIGNATURE.length + 8;
/** 2000-01-01T00:00:00Z in Unix milliseconds: PostgreSQL's epoch. */
const POSTGRES_EPOCH_MS = 946_684_800_000;
const TWO_TO_32 = 4_294_967_296;

/** Writes rows in the binary COPY format into chunks of about `chunkBytes`. */
export class BinaryCopyWriter {
  private buffer: Buffer;
  private at = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
    this.buffer.set(SIGNATURE, 0);
    this.buffer.writeInt32BE(0, SIGNATURE.length);
    this.buffer.writeInt32BE(0, SIGNATURE.length + 4);
    this.at = HEADER_BYTES;
  }

  /** Starts a row of `fields` fields; `maxBytes` bounds the row's size so it fits one chunk. */
  beginRow(fields: number, maxBytes: number): void {
    this.ensure(2 + maxBytes);
    this.buffer.writeInt16BE(fields, this.at);
    this.at += 2;
  }

  /** Starts a row whose field count and first fields are `prefix` (made with {@link encodeRowPrefix}). */
  beginRowWith(prefix: Uint8Array, maxBytes: number): void {
    this.ensure(prefix.length + maxBytes);
    this.writeRaw(prefix);
  }

  /** Bytes already in the COPY format, e.g. the same leading fields of every row. */
  writeRaw(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** A NULL field. */
  writeNull(): void {
    this.buffer.writeInt32BE(-1, this.at);
    this.at += 4;
  }

  /** A `text` (or `bytea`) field from UTF-8 bytes, or NULL. */
  writeBytes(bytes: Uint8Array | null): void {
    if (bytes === null) {
      this.writeNull();
      return;
    }
    this.buffer.writeInt32BE(bytes.length, this.at);
    this.buffer.set(bytes, this.at + 4);
    this.at += 4 + bytes.length;
  }

  /** An `int8` field (a safe integer). */
  writeInt8(value: number): void {
    this.buffer.writeInt32BE(8, this.at);
    this.writeInt64(value, this.at + 4);
    this.at += 12;
  }

  /** A `timestamptz` field from epoch milliseconds (fractions kept to the microsecond), or NULL for NaN. */
  writeTimestamp(epochMs: number): void {
    if (Number.isNaN(epochMs)) {
      this.writeNull();
      return;
    }
    this.buffer.writeInt32BE(8, this.at);
    this.writeInt64(Math.round((epochMs - POSTGRES_EPOCH_MS) * 1000), this.at + 4);
    this.at += 12;
  }

  /** Ends the stream and returns every chunk written. */
  finish(): Buffer[] {
    this.ensure(2);
    this.buffer.writeInt16BE(-1, this.at);
    this.at += 2;
    this.chunks.push(this.buffer.subarray(0, this.at));
    return this.chunks.splice(0);
  }

  /** Hands out the chunks completed so far (to stream them while writing goes on). */
  takeChunks(): Buffer[] {
    return this.chunks.splice(0);
  }

  private writeInt64(value: number, at: number): void {
    const high = Math.floor(value / TWO_TO_32);
    this.buffer.writeInt32BE(high, at);
    this.buffer.writeUInt32BE(value - high * TWO_TO_32, at + 4);
  }

  private ensure(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    this.chunks.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
    this.at = 0;
  }
}

/** The field count and the given leading fields (bytes, none NULL) of rows that all start alike. */
export function encodeRowPrefix(fields: number, leading: readonly Uint8Array[]): Uint8Array {
  const prefix = Buffer.alloc(2 + leading.reduce((sum, bytes) => sum + 4 + bytes.length, 0));
  prefix.writeInt16BE(fields, 0);
  let at = 2;
  for (const bytes of leading) {
    prefix.writeInt32BE(bytes.length, at);
    prefix.set(bytes, at + 4);
    at += 4 + bytes.length;
  }
  return prefix;
}

/** The 16 bytes of a uuid written as text. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/** One row as {@link BinaryCopyReader} hands it out: field i is `bytes[start[i], start[i] + length[i])`. */
export interface BinaryCopyRow {
  readonly bytes: Uint8Array;
  /** A view on {@link bytes} for reading numbers. */
  readonly view: DataView;
  readonly start: Int32Array;
  /** −1 for NULL. */
  readonly length: Int32Array;
}

/** Reads a binary COPY stream pushed in arbitrary chunks and calls `onRow` for every row. */
export class BinaryCopyReader {
  private leftover: Uint8Array | null = null;
  private headerDone = false;
  private ended = false;
  private readonly start: Int32Array;
  private readonly length: Int32Array;

  constructor(
    private readonly fields: number,
    private readonly onRow: (row: BinaryCopyRow) => void,
  ) {
    this.start = new Int32Array(fields);
    this.length = new Int32Array(fields);
  }

  /** Feeds the next chunk. */
  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.leftover !== null) {
      const joined = new Uint8Array(this.leftover.length + chunk.length);
      joined.set(this.leftover);
      joined.set(chunk, this.leftover.length);
      bytes = joined;
      this.leftover = null;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let p = 0;
    if (!this.headerDone) {
      if (bytes.length < HEADER_BYTES) {
        this.leftover = bytes.slice();
        return;
      }
      for (let i = 0; i < SIGNATURE.length; i++) {
        if (bytes[i] !== SIGNATURE[i]) throw new Error('not a binary COPY stream');
      }
      p = HEADER_BYTES + view.getInt32(SIGNATURE.length + 4);
      this.headerDone = true;
    }
    const row: BinaryCopyRow = { bytes, view, start: this.start, length: this.length };
    while (!this.ended && p + 2 <= bytes.length) {
      const count = view.getInt16(p);
      if (count === -1) {
        this.ended = true;
        p += 2;
        break;
      }
      if (count !== this.fields) throw new Error(`expected ${this.fields} fields in a COPY row, got ${count}`);
      let q = p + 2;
      let complete = true;
      for (let f = 0; f < count; f++) {
        if (q + 4 > bytes.length) {
          complete = false;
          break;
        }
        const length = view.getInt32(q);
        q += 4;
        this.start[f] = q;
        this.length[f] = length;
        if (length > 0) q += length;
        if (q > bytes.length) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
      this.onRow(row);
      p = q;
    }
    if (!this.ended && p < bytes.length) this.leftover = bytes.slice(p);
  }

  /** Checks that the stream ended properly. */
  finish(): void {
    if (!this.ended) throw new Error('the COPY stream ended without its trailer');
  }
}

/** Reads a `timestamptz` field as epoch milliseconds. */
export function readTimestamp(row: BinaryCopyRow, field: number): number {
  const at = row.start[field]!;
  const micros = row.view.getInt32(at) * TWO_TO_32 + row.view.getUint32(at + 4);
  return micros / 1000 + POSTGRES_EPOCH_MS;
}
