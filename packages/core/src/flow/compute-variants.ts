/**
 * Variants: groups of cases that follow exactly the same sequence of activities.
 *
 * Each case's sequence is hashed (two independent 32-bit hashes) and looked up in an
 * open-addressing table; a hit is confirmed by comparing the sequence with the variant's first
 * case, so two different sequences are never merged, whatever the hashes say.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import type { EventLog } from './event-log.ts';
import { groupOffsets } from './pair-keys.ts';
import { summariseValues } from './summarise-values.ts';

/** One variant. */
export interface Variant {
  /** The activity sequence. */
  readonly activities: readonly string[];
  /** The same sequence as activity indexes. */
  readonly activityIndexes: readonly number[];
  /** Number of cases following it. */
  readonly cases: number;
  /** `cases` divided by all cases. */
  readonly share: number;
  /** Median case duration (last minus first timestamp) of its cases, in seconds. */
  readonly medianDurationSeconds: number;
  /** Index of the first case (in input order) that followed it. */
  readonly firstCase: number;
}

/** All variants and which variant each case follows. */
export interface VariantAnalysis {
  /** Most cases first; ties: the variant that occurred first in the input first. */
  readonly variants: readonly Variant[];
  /** `variantOfCase[c]` is the position in {@link variants} of case `c`'s variant. */
  readonly variantOfCase: Uint32Array;
}

function sameSequence(activity: Uint32Array, fromA: number, fromB: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (activity[fromA + k] !== activity[fromB + k]) return false;
  return true;
}

/**
 * Finds all variants of the log with their case counts, shares and median durations. Durations
 * are each case's last minus first timestamp unless `caseDurationsMs` gives them (per case index),
 * e.g. the activity-level durations for the variants of a link-level log.
 */
export function computeVariants(log: EventLog, caseDurationsMs?: ArrayLike<number>): VariantAnalysis {
  const { activity, caseOffsets, caseCount, timestamp } = log;
  const variantOfCase = new Uint32Array(caseCount);
  let slots = 1024;
  let table = new Int32Array(slots * 3);
  let mask = slots - 1;
  let variantCount = 0;
  const firstCase = new Uint32Array(caseCount);
  const caseTally = new Uint32Array(caseCount);

  for (let c = 0; c < caseCount; c++) {
    const from = caseOffsets[c]!;
    const to = caseOffsets[c + 1]!;
    let h1 = 0x811c9dc5 ^ (to - from);
    let h2 = 0x2545f491 ^ Math.imul(to - from, 0x9e3779b1);
    for (let k = from; k < to; k++) {
      const a = activity[k]! + 1;
      h1 = Math.imul(h1 ^ a, 0x01000193);
      h2 = Math.imul(h2 + a, 0x85ebca6b) ^ (h2 >>> 15);
    }
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x7feb352d);
    h1 ^= h1 >>> 15;
    let slot = h1 & mask;
    let variant = -1;
    for (;;) {
      const entry = table[slot * 3 + 2]!;
      if (entry === 0) break;
      if (table[slot * 3] === h1 && table[slot * 3 + 1] === h2) {
        const other = firstCase[entry - 1]!;
        const otherFrom = caseOffsets[other]!;
        if (caseOffsets[other + 1]! - otherFrom === to - from && sameSequence(activity, otherFrom, from, to - from)) {
          variant = entry - 1;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (variant < 0) {
      variant = variantCount++;
      firstCase[variant] = c;
      table[slot * 3] = h1;
      table[slot * 3 + 1] = h2;
      table[slot * 3 + 2] = variant + 1;
      if (variantCount * 2 > slots) {
        const old = table;
        slots *= 2;
        mask = slots - 1;
        table = new Int32Array(slots * 3);
        for (let s = 0; s < old.length; s += 3) {
          if (old[s + 2] === 0) continue;
          let target = old[s]! & mask;
          while (table[target * 3 + 2] !== 0) target = (target + 1) & mask;
          table[target * 3] = old[s]!;
          table[target * 3 + 1] = old[s + 1]!;
          table[target * 3 + 2] = old[s + 2]!;
        }
      }
    }
    variantOfCase[c] = variant;
    caseTally[variant]!++;
  }

  const order = Array.from({ length: variantCount }, (_, v) => v);
  order.sort((x, y) => caseTally[y]! - caseTally[x]! || x - y);
  const rankOf = new Uint32Array(variantCount);
  order.forEach((variant, rank) => (rankOf[variant] = rank));
  const rankTally = new Uint32Array(variantCount);
  for (let c = 0; c < caseCount; c++) {
    const rank = rankOf[variantOfCase[c]!]!;
    variantOfCase[c] = rank;
    rankTally[rank]!++;
  }

  const offsets = groupOffsets(rankTally, variantCount);
  const cursor = offsets.slice(0, variantCount);
  const durations = new Float64Array(caseCount);
  for (let c = 0; c < caseCount; c++) {
    durations[cursor[variantOfCase[c]!]!++] =
      caseDurationsMs === undefined
        ? timestamp[caseOffsets[c + 1]! - 1]! - timestamp[caseOffsets[c]!]!
        : caseDurationsMs[c]!;
  }

  const variants: Variant[] = order.map((variant, rank) => {
    const first = firstCase[variant]!;
    const activityIndexes = Array.from(activity.subarray(caseOffsets[first], caseOffsets[first + 1]));
    return {
      activities: activityIndexes.map((a) => log.activityNames.get(a)),
      activityIndexes,
      cases: rankTally[rank]!,
      share: rankTally[rank]! / caseCount,
      medianDurationSeconds: summariseValues(durations, offsets[rank], offsets[rank + 1]).median / 1000,
      firstCase: first,
    };
  });
  return { variants, variantOfCase };
}
