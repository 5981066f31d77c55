/**
 * Dense ids for ordered pairs (a, b) of small integers — activity pairs of the process map,
 * partner pairs of the handover matrix — in order of first appearance, with a count per pair.
 *
 * The key of a pair is a·n + b. While n² is small (n ≤ 2048) the key indexes a flat `Int32Array`;
 * beyond that a `Map` takes over, so a log with very many activities still works.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */

const DENSE_LIMIT = 2048;

/** Pair ids with a count per pair. */
export class PairKeys {
  private readonly n: number;
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  private firsts = new Uint32Array(64);
  private seconds = new Uint32Array(64);
  private tally = new Uint32Array(64);
  private pairCount = 0;

  /** Pairs of values in 0 … n − 1. */
  constructor(n: number) {
    this.n = n;
    this.dense = n <= DENSE_LIMIT ? new Int32Array(n * n).fill(-1) : null;
    this.sparse = this.dense === null ? new Map() : null;
  }

  /** Number of distinct pairs seen. */
  get size(): number {
    return this.pairCount;
  }

  /** Occurrences per pair id (valid for ids below {@link size}). */
  get counts(): Uint32Array {
    return this.tally;
  }

  /** Counts one occurrence of (a, b) and returns its id. */
  count(a: number, b: number): number {
    const pair = this.idOf(a, b);
    this.tally[pair]!++;
    return pair;
  }

  /** The id of (a, b), which must have been counted. */
  find(a: number, b: number): number {
    const key = a * this.n + b;
    return this.dense !== null ? this.dense[key]! : this.sparse!.get(key)!;
  }

  /** First element of pair `pair`. */
  first(pair: number): number {
    return this.firsts[pair]!;
  }

  /** Second element of pair `pair`. */
  second(pair: number): number {
    return this.seconds[pair]!;
  }

  private idOf(a: number, b: number): number {
    const key = a * this.n + b;
    let pair: number;
    if (this.dense !== null) {
      pair = this.dense[key]!;
      if (pair >= 0) return pair;
      pair = this.add(a, b);
      this.dense[key] = pair;
    } else {
      const found = this.sparse!.get(key);
      if (found !== undefined) return found;
      pair = this.add(a, b);
      this.sparse!.set(key, pair);
    }
    return pair;
  }

  private add(a: number, b: number): number {
    const pair = this.pairCount++;
    if (pair === this.firsts.length) {
      const capacity = pair * 2;
      this.firsts = grow(this.firsts, capacity);
      this.seconds = grow(this.seconds, capacity);
      this.tally = grow(this.tally, capacity);
    }
    this.firsts[pair] = a;
    this.seconds[pair] = b;
    return pair;
  }
}

function grow(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(capacity);
  grown.set(array);
  return grown;
}

/** Prefix sums: group g occupies `[offsets[g], offsets[g + 1])` of a flat array ordered by group. */
export function groupOffsets(counts: Uint32Array, groupCount: number): Uint32Array {
  const offsets = new Uint32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  return offsets;
}
