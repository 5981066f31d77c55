/**
 * Which value of a period counts: corrections are kept as revisions, and the latest revision wins.
 */
import type { MeasurementRevision, MeasurementSource } from './indicator-schemas.ts';
import { parseMeasurementPeriod } from './indicator-schemas.ts';

/** The value of one indicator in one period that counts, with where it came from. */
export interface CurrentMeasurement {
  readonly indicatorId: string;
  readonly period: string;
  /** The last day of the period: where the value sits in trends and charts. */
  readonly date: string;
  readonly value: number;
  /** The revision that counts (the highest). */
  readonly revision: number;
  /** How many revisions the period has; more than 1 means the figure was corrected. */
  readonly revisionCount: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly source: MeasurementSource;
  readonly note: string;
}

/**
 * Selects, for every indicator and period, the revision that counts: the highest revision number;
 * if two carry the same number, the one recorded last (by instant), and then the one listed last.
 * Earlier revisions stay in the input (the history) and are counted in `revisionCount`. The result
 * is ordered by indicator id and then by date.
 */
export function selectCurrentMeasurements(revisions: readonly MeasurementRevision[]): CurrentMeasurement[] {
  const chosen = new Map<string, { revision: MeasurementRevision; count: number }>();
  for (const revision of revisions) {
    const key = `${revision.indicatorId}\u0000${revision.period}`;
    const current = chosen.get(key);
    if (current === undefined) {
      chosen.set(key, { revision, count: 1 });
      continue;
    }
    current.count += 1;
    const later =
      revision.revision > current.revision.revision ||
      (revision.revision === current.revision.revision &&
        Date.parse(revision.recordedAt) >= Date.parse(current.revision.recordedAt));
    if (later) current.revision = revision;
  }
  const result: CurrentMeasurement[] = [];
  for (const { revision, count } of chosen.values()) {
    result.push({
      indicatorId: revision.indicatorId,
      period: revision.period,
      date: parseMeasurementPeriod(revision.period).endDate,
      value: revision.value,
      revision: revision.revision,
      revisionCount: count,
      recordedAt: revision.recordedAt,
      recordedBy: revision.recordedBy,
      source: revision.source,
      note: revision.note,
    });
  }
  return result.sort((x, y) =>
    x.indicatorId === y.indicatorId
      ? compareStrings(x.date, y.date) || compareStrings(x.period, y.period)
      : compareStrings(x.indicatorId, y.indicatorId),
  );
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
