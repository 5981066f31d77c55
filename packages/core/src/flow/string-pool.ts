/**
 * Dictionary encoding for the columnar event log: every distinct string (case id, activity,
 * partner, …) gets a dense index 0, 1, 2, … in order of first appearance.
 *
 * Parsers intern raw UTF-8 bytes straight from their input buffer, so a file with millions of
 * rows creates no JavaScript string per row: the bytes are hashed, looked up in an
 * open-addressing table and only copied into the pool's byte arena when new. Strings are decoded
 * lazily, the first time somebody asks for one. Every lookup compares the key's bytes, so two
 * different strings never share an index whatever their hashes.
 *
 * Typed-array reads in this module use `!`: every index is in bounds by construction.
 */
import { decodeUtf8, encodeUtf8, encodeUtf8Into } from './utf8.ts';

/** A read-only view of a dictionary: index → string and back. */
export interface Dictionary {
  /** Number of distinct strings. */
  readonly size: number;
  /** The string with index `index` (0 ≤ index < size). */
  get(index: number): string;
  /** The index of `value`, or `undefined` when it never occurred. */
  find(value: string): number | undefined;
  /** Every string in index order. */
  toArray(): string[];
}

/**
 * Slot layout of the hash table, four int32s (16 bytes, four slots per cache line):
 * [hash, tag, first 4 bytes, next 4 bytes], where tag = (length code << 27) | (index + 1) and the
 * length code is the byte length capped at 31. A key of at most 8 bytes is compared entirely
 * within its slot; a longer one also compares its length and remaining bytes in the arena. Small
 * slots keep the table of a few hundred thousand case ids within the processor caches.
 */
const SLOT = 4;
const INLINE_BYTES = 8;
const LENGTH_SHIFT = 27;
const INDEX_MASK = (1 << LENGTH_SHIFT) - 1;
const MAX_LENGTH_CODE = 31;

/** A growable dictionary of UTF-8 strings, interned from bytes or from strings. */
export class StringPool implements Dictionary {
  /** Concatenated UTF-8 bytes of every distinct value, in index order. */
  private arena: Uint8Array;
  private arenaUsed = 0;
  /** Start of value i in the arena is starts[i]; its end is starts[i + 1]. */
  private starts: Uint32Array;
  /** Open-addressing table with linear probing, {@link SLOT} int32s per slot; tag 0 = empty. */
  private table: Int32Array;
  private mask: number;
  private count = 0;
  private decoded: (string | undefined)[] = [];
  private scratch = new Uint8Array(256);
  /** The first 8 bytes of the key being looked up, packed little-endian. */
  private readonly words = new Int32Array(2);

  constructor(expectedSize = 16) {
    let slots = 16;
    while (slots < expectedSize * 2) slots *= 2;
    this.table = new Int32Array(slots * SLOT);
    this.mask = slots - 1;
    this.starts = new Uint32Array(Math.max(16, expectedSize) + 1);
    this.arena = new Uint8Array(Math.max(256, expectedSize * 16));
  }

  /** Number of distinct strings. */
  get size(): number {
    return this.count;
  }

  /** Interns the UTF-8 bytes `bytes[start, end)` and returns their index. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const hash = this.hashKey(bytes, start, length);
    const w0 = this.words[0]!;
    const w1 = this.words[1]!;
    const lengthCode = length < MAX_LENGTH_CODE ? length : MAX_LENGTH_CODE;
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const tag = table[at + 1]!;
      if (tag === 0) break;
      if (
        table[at] === hash &&
        tag >>> LENGTH_SHIFT === lengthCode &&
        table[at + 2] === w0 &&
        table[at + 3] === w1 &&
        (length <= INLINE_BYTES || this.sameTail((tag & INDEX_MASK) - 1, bytes, start, length))
      ) {
        return (tag & INDEX_MASK) - 1;
      }
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, hash, bytes, start, length);
  }

  /** Interns a string and returns its index. */
  intern(value: string): number {
    let scratch = this.scratch;
    if (value.length * 3 > scratch.length) {
      scratch = new Uint8Array(value.length * 3);
      this.scratch = scratch;
    }
    const written = encodeUtf8Into(value, scratch);
    return this.internBytes(scratch, 0, written);
  }

  /** The string with index `index`, decoded on first use. */
  get(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`no string with index ${index}`);
    let value = this.decoded[index];
    if (value === undefined) {
      value = decodeUtf8(this.arena.subarray(this.starts[index], this.starts[index + 1]));
      this.decoded[index] = value;
    }
    return value;
  }

  /** The index of `value`, or `undefined` when it was never interned. */
  find(value: string): number | undefined {
    const bytes = encodeUtf8(value);
    const length = bytes.length;
    const hash = this.hashKey(bytes, 0, length);
    const lengthCode = length < MAX_LENGTH_CODE ? length : MAX_LENGTH_CODE;
    let slot = hash & this.mask;
    for (;;) {
      const at = slot * SLOT;
      const tag = this.table[at + 1]!;
      if (tag === 0) return undefined;
      if (
        this.table[at] === hash &&
        tag >>> LENGTH_SHIFT === lengthCode &&
        this.table[at + 2] === this.words[0] &&
        this.table[at + 3] === this.words[1] &&
        (length <= INLINE_BYTES || this.sameTail((tag & INDEX_MASK) - 1, bytes, 0, length))
      ) {
        return (tag & INDEX_MASK) - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Every string in index order. */
  toArray(): string[] {
    const values: string[] = [];
    for (let i = 0; i < this.count; i++) values.push(this.get(i));
    return values;
  }

  /**
   * Packs the first 8 bytes of the key into {@link words} (zero-padded) and returns the key's
   * hash: two multiply–xorshift rounds over the words, an FNV-1a pass over any further bytes, and
   * a final avalanche.
   */
  private hashKey(bytes: Uint8Array, start: number, length: number): number {
    let w0 = 0;
    let w1 = 0;
    if (length >= INLINE_BYTES) {
      w0 = bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
      w1 = bytes[start + 4]! | (bytes[start + 5]! << 8) | (bytes[start + 6]! << 16) | (bytes[start + 7]! << 24);
    } else {
      for (let k = 0; k < length; k++) {
        if (k < 4) w0 |= bytes[start + k]! << (k * 8);
        else w1 |= bytes[start + k]! << ((k - 4) * 8);
      }
    }
    this.words[0] = w0;
    this.words[1] = w1;
    let h = Math.imul(length, 0x9e3779b1);
    h = Math.imul(h ^ w0, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h ^ w1, 0xc2b2ae35);
    for (let p = start + INLINE_BYTES; p < start + length; p++) h = Math.imul(h ^ bytes[p]!, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return (h ^ (h >>> 15)) | 0;
  }

  /** Whether value `index` has exactly `length` bytes and its bytes after the first 8 equal the key's. */
  private sameTail(index: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const from = this.starts[index]!;
    if (this.starts[index + 1]! - from !== length) return false;
    for (let k = INLINE_BYTES; k < length; k++) if (arena[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(slot: number, hash: number, bytes: Uint8Array, start: number, length: number): number {
    const index = this.count;
    if (index + 1 >= INDEX_MASK) throw new RangeError(`a dictionary holds at most ${INDEX_MASK - 1} distinct values`);
    if (this.arenaUsed + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    const arena = this.arena;
    const at0 = this.arenaUsed;
    for (let k = 0; k < length; k++) arena[at0 + k] = bytes[start + k]!;
    this.arenaUsed += length;
    if (index + 2 > this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[index + 1] = this.arenaUsed;
    const at = slot * SLOT;
    const table = this.table;
    table[at] = hash;
    table[at + 1] = ((length < MAX_LENGTH_CODE ? length : MAX_LENGTH_CODE) << LENGTH_SHIFT) | (index + 1);
    table[at + 2] = this.words[0]!;
    table[at + 3] = this.words[1]!;
    this.count = index + 1;
    if (this.count * 2 > this.mask) this.growTable();
    return index;
  }

  private growTable(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * SLOT);
    const mask = slots - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] === 0) continue;
      let slot = old[from]! & mask;
      while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      const to = slot * SLOT;
      for (let k = 0; k < SLOT; k++) table[to + k] = old[from + k]!;
    }
    this.table = table;
    this.mask = mask;
  }
}
