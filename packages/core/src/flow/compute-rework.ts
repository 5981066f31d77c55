/**
 * Rework and work done twice, per activity: an activity repeated within one case, and the same
 * activity carried out by two or more different partners in one case.
 *
 * When the log records lifecycle transitions, only events without one or with `complete` count,
 * so that the start and completion of one execution are not mistaken for a repetition.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';

/** Rework figures of one activity. */
export interface ActivityRework {
  readonly activity: string;
  readonly activityIndex: number;
  /** Executions counted (see the module comment). */
  readonly executions: number;
  /** Cases in which the activity was executed more than once. */
  readonly casesWithRepetition: number;
  /** Executions beyond the first in each case. */
  readonly repetitions: number;
  /** Cases in which two or more different partners carried it out. */
  readonly casesBySeveralPartners: number;
}

/** Rework per activity, in activity order (every activity, also those without rework). */
export function computeRework(log: EventLog): ActivityRework[] {
  const { activity, caseIndex, partner, lifecycle, eventCount } = log;
  const n = log.activityNames.size;
  let counted: Uint8Array | null = null;
  if (lifecycle !== null) {
    counted = new Uint8Array(log.lifecycleNames.size);
    for (let l = 0; l < counted.length; l++)
      counted[l] = log.lifecycleNames.get(l).toLowerCase() === 'complete' ? 1 : 0;
  }
  const executions = new Uint32Array(n);
  const repetitions = new Uint32Array(n);
  const casesWithRepetition = new Uint32Array(n);
  const casesBySeveral = new Uint32Array(n);
  const seenInCase = new Int32Array(n).fill(-1);
  const repeatedInCase = new Int32Array(n).fill(-1);
  const partnerInCase = new Uint32Array(n);
  const severalInCase = new Int32Array(n).fill(-1);
  for (let k = 0; k < eventCount; k++) {
    if (counted !== null) {
      const l = lifecycle![k]!;
      if (l !== NO_INDEX && counted[l] === 0) continue;
    }
    const a = activity[k]!;
    const c = caseIndex[k]!;
    const p = partner === null ? NO_INDEX : partner[k]!;
    executions[a]!++;
    if (seenInCase[a] !== c) {
      seenInCase[a] = c;
      partnerInCase[a] = p;
      continue;
    }
    repetitions[a]!++;
    if (repeatedInCase[a] !== c) {
      repeatedInCase[a] = c;
      casesWithRepetition[a]!++;
    }
    if (p !== NO_INDEX) {
      if (partnerInCase[a] === NO_INDEX) partnerInCase[a] = p;
      else if (partnerInCase[a] !== p && severalInCase[a] !== c) {
        severalInCase[a] = c;
        casesBySeveral[a]!++;
      }
    }
  }
  const result: ActivityRework[] = [];
  for (let a = 0; a < n; a++) {
    result.push({
      activity: log.activityNames.get(a),
      activityIndex: a,
      executions: executions[a]!,
      casesWithRepetition: casesWithRepetition[a]!,
      repetitions: repetitions[a]!,
      casesBySeveralPartners: casesBySeveral[a]!,
    });
  }
  return result;
}
