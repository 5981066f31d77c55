/**
 * Ping-pong between partners (*van het kastje naar de muur*): a case that goes from partner A to
 * partner B and straight back to A.
 *
 * Per case the sequence of known partners is taken with consecutive repeats collapsed
 * (A A B B A → A B A); every A B A in it is one bounce of A via B.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { PairKeys } from './pair-keys.ts';

/** Bounces from `partner` via `via` and back. */
export interface PingPong {
  readonly partner: string;
  readonly via: string;
  readonly partnerIndex: number;
  readonly viaIndex: number;
  /** Number of bounces. */
  readonly occurrences: number;
  /** Number of cases with at least one such bounce. */
  readonly cases: number;
}

/** Every A → B → A bounce pattern, most cases first; empty when the log names no partners. */
export function computePingPong(log: EventLog): PingPong[] {
  const { partner, caseOffsets, caseCount } = log;
  if (partner === null) return [];
  const keys = new PairKeys(log.partnerNames.size);
  const casesOf: number[] = [];
  const lastCase: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    let previous = NO_INDEX;
    let beforePrevious = NO_INDEX;
    for (let k = caseOffsets[c]!; k < caseOffsets[c + 1]!; k++) {
      const p = partner[k]!;
      if (p === NO_INDEX || p === previous) continue;
      if (p === beforePrevious) {
        const pair = keys.count(p, previous);
        if (lastCase[pair] !== c) {
          lastCase[pair] = c;
          casesOf[pair] = (casesOf[pair] ?? 0) + 1;
        }
      }
      beforePrevious = previous;
      previous = p;
    }
  }
  const result: PingPong[] = [];
  for (let pair = 0; pair < keys.size; pair++) {
    const partnerIndex = keys.first(pair);
    const viaIndex = keys.second(pair);
    result.push({
      partner: log.partnerNames.get(partnerIndex),
      via: log.partnerNames.get(viaIndex),
      partnerIndex,
      viaIndex,
      occurrences: keys.counts[pair]!,
      cases: casesOf[pair] ?? 0,
    });
  }
  return result.sort(
    (a, b) =>
      b.cases - a.cases || b.occurrences - a.occurrences || a.partnerIndex - b.partnerIndex || a.viaIndex - b.viaIndex,
  );
}
