/**
 * A set of 128-bit event fingerprints in flat typed arrays (open addressing, four 32-bit words per
 * slot), so the fingerprints of millions of stored events take 32 bytes each and no object.
 */

const WORDS = 4;

/** Fingerprints (16 bytes each) that can be added and looked up. */
export class FingerprintSet {
  private table: Int32Array;
  private used: Uint8Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.table = new Int32Array(slots * WORDS);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
  }

  /** Number of distinct fingerprints. */
  get size(): number {
    return this.count;
  }

  /** Adds `bytes[at, at + 16)`; returns false when it was present already. */
  add(bytes: Uint8Array, at = 0): boolean {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 16);
    const w0 = view.getInt32(0);
    const w1 = view.getInt32(4);
    const w2 = view.getInt32(8);
    const w3 = view.getInt32(12);
    let slot = (w0 ^ Math.imul(w1, 0x9e3779b1)) & this.mask;
    for (;;) {
      if (this.used[slot] === 0) break;
      const base = slot * WORDS;
      if (
        this.table[base] === w0 &&
        this.table[base + 1] === w1 &&
        this.table[base + 2] === w2 &&
        this.table[base + 3] === w3
      ) {
        return false;
      }
      slot = (slot + 1) & this.mask;
    }
    const base = slot * WORDS;
    this.table[base] = w0;
    this.table[base + 1] = w1;
    this.table[base + 2] = w2;
    this.table[base + 3] = w3;
    this.used[slot] = 1;
    this.count++;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  /** Whether `bytes[at, at + 16)` is in the set. */
  has(bytes: Uint8Array, at = 0): boolean {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 16);
    const w0 = view.getInt32(0);
    const w1 = view.getInt32(4);
    const w2 = view.getInt32(8);
    const w3 = view.getInt32(12);
    let slot = (w0 ^ Math.imul(w1, 0x9e3779b1)) & this.mask;
    while (this.used[slot] === 1) {
      const base = slot * WORDS;
      if (
        this.table[base] === w0 &&
        this.table[base + 1] === w1 &&
        this.table[base + 2] === w2 &&
        this.table[base + 3] === w3
      ) {
        return true;
      }
      slot = (slot + 1) & this.mask;
    }
    return false;
  }

  private grow(): void {
    const oldTable = this.table;
    const oldUsed = this.used;
    const slots = (this.mask + 1) * 2;
    this.table = new Int32Array(slots * WORDS);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
    for (let s = 0; s < oldUsed.length; s++) {
      if (oldUsed[s] === 0) continue;
      const from = s * WORDS;
      let slot = (oldTable[from]! ^ Math.imul(oldTable[from + 1]!, 0x9e3779b1)) & this.mask;
      while (this.used[slot] === 1) slot = (slot + 1) & this.mask;
      this.table.set(oldTable.subarray(from, from + WORDS), slot * WORDS);
      this.used[slot] = 1;
    }
  }
}
