/**
 * Process figures computed with SQL straight from the stored trajectory events, for process
 * indicators and intervention evaluations.
 *
 * The span of a case between two links: its first event at an activity of the `from` link (t0),
 * and its first event at an activity of the `to` link at or after t0 (t1); the span is t1 − t0 in
 * minutes. Event times are completion times (`ts`). Cases that never reach the `to` link after the
 * `from` link have no span and are left out. A case belongs to the day, month, quarter or year of
 * its t0 in Europe/Amsterdam. Events of one case may come from several imports (one per partner):
 * cases are linked by their pseudonymous id across the whole chain.
 */
import type { MeasurementFrequency } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';

const SPANS = `
  WITH from_activities AS (SELECT unnest(activities) AS activity FROM links WHERE chain_id = $1 AND id = $2),
       to_activities AS (SELECT unnest(activities) AS activity FROM links WHERE chain_id = $1 AND id = $3),
       marked AS (
         SELECT e.case_id, e.ts,
                e.activity IN (SELECT activity FROM from_activities) AS is_from,
                e.activity IN (SELECT activity FROM to_activities) AS is_to
           FROM events e
          WHERE e.chain_id = $1
            AND (e.activity IN (SELECT activity FROM from_activities) OR e.activity IN (SELECT activity FROM to_activities))),
       starts AS (
         SELECT case_id, min(ts) AS t0 FROM marked WHERE is_from GROUP BY case_id),
       spans AS (
         SELECT s.case_id, s.t0, min(m.ts) FILTER (WHERE m.is_to AND m.ts >= s.t0) AS t1
           FROM starts s JOIN marked m ON m.case_id = s.case_id
          GROUP BY s.case_id, s.t0)`;

/** The figures of one period. */
export type FlowPeriodFigures = {
  /** `2026-05`, `2026-Q2` or `2026`, by the frequency asked for. */
  readonly period: string;
  /** Cases with a span whose start lies in the period. */
  readonly cases: number;
  /** Cases whose span is at most the norm; null when no norm was given. */
  readonly withinNorm: number | null;
  /** Median span in minutes (mean of the two middle spans for an even count). */
  readonly medianMinutes: number;
};

/** Per period: the number of cases, how many stayed within `maxMinutes`, and the median span. */
export async function computeFlowPeriodFigures(
  q: Queryable,
  chainId: string,
  source: {
    readonly fromLinkId: string;
    readonly toLinkId: string;
    readonly frequency: MeasurementFrequency;
    readonly maxMinutes: number | null;
  },
): Promise<FlowPeriodFigures[]> {
  return q.query<FlowPeriodFigures>(
    `${SPANS},
       local AS (
         SELECT t0 AT TIME ZONE 'Europe/Amsterdam' AS local_t0, extract(epoch FROM t1 - t0) / 60.0 AS minutes
           FROM spans WHERE t1 IS NOT NULL)
     SELECT CASE $4::text
              WHEN 'monthly' THEN to_char(local_t0, 'YYYY-MM')
              WHEN 'quarterly' THEN to_char(local_t0, 'YYYY-"Q"Q')
              ELSE to_char(local_t0, 'YYYY')
            END AS period,
            count(*)::int AS cases,
            CASE WHEN $5::float8 IS NULL THEN NULL ELSE (count(*) FILTER (WHERE minutes <= $5::float8))::int END
              AS "withinNorm",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS "medianMinutes"
       FROM local
      GROUP BY 1
      ORDER BY 1`,
    [chainId, source.fromLinkId, source.toLinkId, source.frequency, source.maxMinutes],
  );
}

/** One case's span, dated by its start. */
export type FlowCaseSpan = {
  /** Day of t0 in Europe/Amsterdam, YYYY-MM-DD. */
  readonly date: string;
  readonly minutes: number;
};

/** The span of every case between two links whose start lies in [from, until) (dates in Amsterdam), by start. */
export async function listFlowCaseSpans(
  q: Queryable,
  chainId: string,
  fromLinkId: string,
  toLinkId: string,
  period: { readonly from: string; readonly until: string },
): Promise<FlowCaseSpan[]> {
  return q.query<FlowCaseSpan>(
    `${SPANS}
     SELECT (t0 AT TIME ZONE 'Europe/Amsterdam')::date::text AS date,
            (extract(epoch FROM t1 - t0) / 60.0)::float8 AS minutes
       FROM spans
      WHERE t1 IS NOT NULL
        AND (t0 AT TIME ZONE 'Europe/Amsterdam')::date >= $4::date
        AND (t0 AT TIME ZONE 'Europe/Amsterdam')::date < $5::date
      ORDER BY t0, case_id`,
    [chainId, fromLinkId, toLinkId, period.from, period.until],
  );
}

/** The chain's small-cell threshold: figures over fewer cases are withheld. */
export async function findSmallCellThreshold(q: Queryable, chainId: string): Promise<number | null> {
  const rows = await q.query<{ threshold: number }>(
    'SELECT small_cell_threshold AS threshold FROM chains WHERE id = $1',
    [chainId],
  );
  return rows[0]?.threshold ?? null;
}
