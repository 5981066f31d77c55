import { describe, expect, it } from 'vitest';
import { computeCaseDurations } from './compute-case-durations.ts';
import { computeDirectlyFollows } from './compute-directly-follows.ts';
import { computeFlowOverview } from './compute-flow-overview.ts';
import { computeRework } from './compute-rework.ts';
import { computeSummary } from './compute-summary.ts';
import { computeVariants } from './compute-variants.ts';
import { EventLogBuilder } from './event-log-builder.ts';
import { readCsvEventLog } from './read-csv-event-log.ts';

/**
 * A small chain, written out of order on purpose (A's decision comes first in the file) and with a
 * tie (B's check and decision at 13:00, kept in file order). Every figure below is worked out by
 * hand from these rows.
 */
const CSV = `case_id,activity,timestamp,partner
A,decide,2024-01-01T12:30:00Z,Rechtbank
A,register,2024-01-01T10:00:00Z,Politie
B,register,2024-01-01T11:00:00Z,Politie
A,check,2024-01-01T10:30:00Z,Raad
B,check,2024-01-01T13:00:00Z,Raad
B,decide,2024-01-01T13:00:00Z,Raad
NA,register,2024-01-02T09:00:00Z,Politie
NA,check,2024-01-02T09:10:00Z,Raad
NA,decide,2024-01-02T10:10:00Z,Rechtbank
NA,check,2024-01-02T11:10:00Z,Raad
NA,decide,2024-01-02T11:40:00Z,Rechtbank
null,register,2024-01-03T08:00:00Z,Politie
null,decide,2024-01-03T08:20:00Z,
,register,2024-01-03T09:00:00Z,Politie
`;

describe('the flow analyses on a log checked by hand', () => {
  const log = readCsvEventLog(CSV);
  const overview = computeFlowOverview(log);

  it('summarises: 5 cases (NA, null and the empty id are cases), 14 events, 3 activities', () => {
    expect(overview.summary).toEqual({
      cases: 5,
      events: 14,
      activities: 3,
      partners: 3,
      resources: 0,
      firstEvent: '2024-01-01T10:00:00.000Z',
      lastEvent: '2024-01-03T09:00:00.000Z',
    });
    expect(computeSummary(log).firstTimestamp).toBe(Date.UTC(2024, 0, 1, 10));
  });

  it('counts start and end activities per case', () => {
    expect(overview.startActivities).toEqual([{ activity: 'register', cases: 5 }]);
    expect(overview.endActivities).toEqual([
      { activity: 'decide', cases: 4 },
      { activity: 'register', cases: 1 },
    ]);
  });

  it('computes every directly-follows edge with count, mean, median and 90th percentile', () => {
    // register→check: A 30 min, B 2 h, NA 10 min → 600, 1800, 7200 s.
    //   mean 9600 / 3 = 3200; median 1800; p90: h = 2 · 0.9 = 1.8 → 1800 + 0.8 · 5400 = 6120.
    // check→decide: A 2 h, B 0 (tie kept in file order), NA 1 h and 30 min → 0, 1800, 3600, 7200 s.
    //   mean 12600 / 4 = 3150; median (1800 + 3600) / 2 = 2700; p90: h = 2.7 → 3600 + 0.7 · 3600 = 6120.
    // decide→check: NA 1 h. register→decide: null 20 min.
    // Order: most frequent first; ties by activity order of first appearance (decide, register, check).
    expect(overview.edges).toEqual([
      {
        from: 'check',
        to: 'decide',
        count: 4,
        cases: 3,
        meanSeconds: 3150,
        medianSeconds: 2700,
        p90Seconds: 6120,
        totalSeconds: 12600,
      },
      {
        from: 'register',
        to: 'check',
        count: 3,
        cases: 3,
        meanSeconds: 3200,
        medianSeconds: 1800,
        p90Seconds: 6120,
        totalSeconds: 9600,
      },
      {
        from: 'decide',
        to: 'check',
        count: 1,
        cases: 1,
        meanSeconds: 3600,
        medianSeconds: 3600,
        p90Seconds: 3600,
        totalSeconds: 3600,
      },
      {
        from: 'register',
        to: 'decide',
        count: 1,
        cases: 1,
        meanSeconds: 1200,
        medianSeconds: 1200,
        p90Seconds: 1200,
        totalSeconds: 1200,
      },
    ]);
    const counted = computeDirectlyFollows(log).reduce((sum, e) => sum + e.count, 0);
    expect(counted).toBe(log.eventCount - log.caseCount);
  });

  it('computes case durations as last minus first timestamp', () => {
    // A 2.5 h, B 2 h, NA 2 h 40 min, null 20 min, '' 0 → 0, 1200, 7200, 9000, 9600 s.
    // mean 27000 / 5 = 5400; median 7200; p90: h = 4 · 0.9 = 3.6 → 9000 + 0.6 · 600 = 9360.
    expect(overview.caseDurations.meanSeconds).toBe(5400);
    expect(overview.caseDurations.medianSeconds).toBe(7200);
    expect(overview.caseDurations.p90Seconds).toBeCloseTo(9360, 9);
    expect(Array.from(computeCaseDurations(log).perCaseMs)).toEqual([9_000_000, 7_200_000, 9_600_000, 1_200_000, 0]);
  });

  it('lists every variant by case count, then first occurrence, with share and median duration', () => {
    expect(overview.variants).toEqual([
      { activities: ['register', 'check', 'decide'], cases: 2, share: 0.4, medianDurationSeconds: 8100 },
      {
        activities: ['register', 'check', 'decide', 'check', 'decide'],
        cases: 1,
        share: 0.2,
        medianDurationSeconds: 9600,
      },
      { activities: ['register', 'decide'], cases: 1, share: 0.2, medianDurationSeconds: 1200 },
      { activities: ['register'], cases: 1, share: 0.2, medianDurationSeconds: 0 },
    ]);
    expect(Array.from(computeVariants(log).variantOfCase)).toEqual([0, 0, 1, 2, 3]);
  });

  it('computes handovers between partners with the waiting at each boundary', () => {
    // Politie→Raad: A 30 min, B 2 h, NA 10 min. Raad→Rechtbank: A 2 h, NA 1 h and 30 min
    // (B's decision stays at Raad; null's decision has no partner, so no handover).
    // p90 of 1800, 3600, 7200: h = 1.8 → 3600 + 0.8 · 3600 = 6480.
    expect(overview.handovers).toEqual([
      { from: 'Politie', to: 'Raad', count: 3, cases: 3, meanSeconds: 3200, medianSeconds: 1800, p90Seconds: 6120 },
      { from: 'Raad', to: 'Rechtbank', count: 3, cases: 2, meanSeconds: 4200, medianSeconds: 3600, p90Seconds: 6480 },
      { from: 'Rechtbank', to: 'Raad', count: 1, cases: 1, meanSeconds: 3600, medianSeconds: 3600, p90Seconds: 3600 },
    ]);
  });

  it('finds ping-pong: NA goes Raad → Rechtbank → Raad → Rechtbank', () => {
    expect(overview.pingPong).toEqual([
      { partner: 'Rechtbank', via: 'Raad', occurrences: 1, cases: 1 },
      { partner: 'Raad', via: 'Rechtbank', occurrences: 1, cases: 1 },
    ]);
  });

  it('finds rework: NA checks and decides twice', () => {
    expect(overview.rework).toEqual([
      { activity: 'decide', casesWithRepetition: 1, repetitions: 1, casesBySeveralPartners: 0 },
      { activity: 'check', casesWithRepetition: 1, repetitions: 1, casesBySeveralPartners: 0 },
    ]);
  });
});

describe('rework with partners and lifecycles', () => {
  it('counts work done twice by different partners, and ignores start transitions', () => {
    const b = new EventLogBuilder();
    const add = (caseId: string, activity: string, timestamp: number, partner: string, lifecycle: string) =>
      b.addEvent({ caseId, activity, timestamp, partner, lifecycle });
    add('1', 'intake', 1, 'Gemeente', 'start');
    add('1', 'intake', 2, 'Gemeente', 'complete');
    add('1', 'intake', 3, 'Zorgaanbieder', 'start');
    add('1', 'intake', 4, 'Zorgaanbieder', 'complete');
    add('2', 'intake', 5, 'Gemeente', 'start');
    add('2', 'intake', 6, 'Gemeente', 'complete');
    expect(computeRework(b.build())).toEqual([
      {
        activity: 'intake',
        activityIndex: 0,
        executions: 3,
        casesWithRepetition: 1,
        repetitions: 1,
        casesBySeveralPartners: 1,
      },
    ]);
  });
});
