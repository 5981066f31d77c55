/**
 * The one ordering every analysis relies on: by case, then timestamp, then file order.
 *
 * A counting sort by case index (stable, O(n)) groups the events; each case's events are then
 * checked and, only when out of order, sorted by timestamp with a stable sort (insertion sort for
 * short cases, merge sort for long ones), so equal timestamps keep file order. Exports from
 * databases and chains are usually in time order already, so the check is most of the work.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */

/** The result of {@link sortEventsByCase}. */
export interface CaseOrder {
  /** `order[k]` is the input position of the k-th event in sorted order. */
  readonly order: Uint32Array;
  /** Sorted events of case `c` are positions `offsets[c]` up to (excluding) `offsets[c + 1]`. */
  readonly offsets: Uint32Array;
  /** The timestamps in sorted order. */
  readonly timestamp: Float64Array;
  /** The activities in sorted order. */
  readonly activity: Uint32Array;
}

const INSERTION_SORT_MAX = 24;

/**
 * Sorts the first `eventCount` events by case (`caseIndex`, values below `caseCount`), then by
 * `timestamp`, then by input position, and returns the order with the timestamp and activity
 * columns already in it. The counting sort reads the input sequentially and scatters the two hot
 * columns as it goes, so no column is gathered by random reads afterwards.
 */
export function sortEventsByCase(
  caseIndex: Uint32Array,
  timestamp: Float64Array,
  activity: Uint32Array,
  eventCount: number,
  caseCount: number,
): CaseOrder {
  const offsets = new Uint32Array(caseCount + 1);
  for (let i = 0; i < eventCount; i++) offsets[caseIndex[i]! + 1]!++;
  for (let c = 0; c < caseCount; c++) offsets[c + 1]! += offsets[c]!;
  const next = offsets.slice(0, caseCount);
  const order = new Uint32Array(eventCount);
  const sortedTimestamp = new Float64Array(eventCount);
  const sortedActivity = new Uint32Array(eventCount);
  for (let i = 0; i < eventCount; i++) {
    const position = next[caseIndex[i]!]!++;
    order[position] = i;
    sortedTimestamp[position] = timestamp[i]!;
    sortedActivity[position] = activity[i]!;
  }

  let scratch: Uint32Array | null = null;
  for (let c = 0; c < caseCount; c++) {
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    let sorted = true;
    for (let k = from + 1; k < to; k++) {
      if (sortedTimestamp[k]! < sortedTimestamp[k - 1]!) {
        sorted = false;
        break;
      }
    }
    if (sorted) continue;
    if (to - from <= INSERTION_SORT_MAX) {
      insertionSort(order, from, to, timestamp);
    } else {
      if (scratch === null || scratch.length < to - from) scratch = new Uint32Array(Math.max(to - from, 1024));
      mergeSort(order, from, to, timestamp, scratch);
    }
    for (let k = from; k < to; k++) {
      sortedTimestamp[k] = timestamp[order[k]!]!;
      sortedActivity[k] = activity[order[k]!]!;
    }
  }
  return { order, offsets, timestamp: sortedTimestamp, activity: sortedActivity };
}

/** Stable: an element moves left only past strictly later timestamps. */
function insertionSort(order: Uint32Array, from: number, to: number, timestamp: Float64Array): void {
  for (let k = from + 1; k < to; k++) {
    const item = order[k]!;
    const t = timestamp[item]!;
    let j = k - 1;
    while (j >= from && timestamp[order[j]!]! > t) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = item;
  }
}

/** Bottom-up stable merge sort of `order[from, to)` by timestamp, using `scratch`. */
function mergeSort(order: Uint32Array, from: number, to: number, timestamp: Float64Array, scratch: Uint32Array): void {
  const n = to - from;
  for (let start = from; start < to; start += INSERTION_SORT_MAX) {
    insertionSort(order, start, Math.min(start + INSERTION_SORT_MAX, to), timestamp);
  }
  let source = order;
  let sourceBase = from;
  let target = scratch;
  let targetBase = 0;
  for (let width = INSERTION_SORT_MAX; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) {
        const a = source[sourceBase + i]!;
        const b = source[sourceBase + j]!;
        if (timestamp[b]! < timestamp[a]!) {
          target[targetBase + k++] = b;
          j++;
        } else {
          target[targetBase + k++] = a;
          i++;
        }
      }
      while (i < mid) target[targetBase + k++] = source[sourceBase + i++]!;
      while (j < right) target[targetBase + k++] = source[sourceBase + j++]!;
    }
    const swapArray = source;
    const swapBase = sourceBase;
    source = target;
    sourceBase = targetBase;
    target = swapArray;
    targetBase = swapBase;
  }
  if (source !== order) order.set(source.subarray(sourceBase, sourceBase + n), from);
}
