import { describe, expect, it } from 'vitest';
import { computeBottlenecks } from './compute-bottlenecks.ts';
import { computeNormCompliance } from './compute-norm-compliance.ts';
import { computeStalledCases } from './compute-stalled-cases.ts';
import { EventLogBuilder, type EventInput } from './event-log-builder.ts';
import type { EventLog } from './event-log.ts';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60;

/**
 * Three cases in January 2024 (Amsterdam is UTC+1): A in the morning, B late in the evening
 * (23:30 local, so its waits begin at night), C at the end of the afternoon. `check` has start
 * timestamps, so the wait before it runs to its start. Every figure below is worked out by hand.
 */
function buildLog(extra: readonly EventInput[] = []): EventLog {
  const builder = new EventLogBuilder();
  const events: EventInput[] = [
    { caseId: 'A', activity: 'register', timestamp: at('2024-01-10T09:00:00Z'), partner: 'P' },
    {
      caseId: 'A',
      activity: 'check',
      startTimestamp: at('2024-01-10T09:20:00Z'),
      timestamp: at('2024-01-10T09:50:00Z'),
      partner: 'R',
    },
    { caseId: 'A', activity: 'decide', timestamp: at('2024-01-10T11:00:00Z'), partner: 'R' },
    { caseId: 'B', activity: 'register', timestamp: at('2024-01-10T22:30:00Z'), partner: 'P' },
    {
      caseId: 'B',
      activity: 'check',
      startTimestamp: at('2024-01-10T23:30:00Z'),
      timestamp: at('2024-01-10T23:40:00Z'),
      partner: 'R',
    },
    { caseId: 'B', activity: 'decide', timestamp: at('2024-01-11T00:40:00Z'), partner: 'R' },
    { caseId: 'C', activity: 'register', timestamp: at('2024-01-11T17:00:00Z'), partner: 'P' },
    { caseId: 'C', activity: 'decide', timestamp: at('2024-01-11T17:30:00Z'), partner: 'R' },
    { caseId: 'D', activity: 'register', timestamp: at('2024-01-12T08:00:00Z'), partner: 'P' },
    ...extra,
  ];
  for (const event of events) builder.addEvent(event);
  return builder.build();
}

describe('computeBottlenecks', () => {
  const edges = computeBottlenecks(buildLog(), { minimumPerDayPart: 1 });
  const edge = (from: string, to: string) => edges.find((e) => e.from === from && e.to === to)!;

  it('ranks the edges by total waiting, from completion to the start of the next event', () => {
    expect(edges.map((e) => [e.rank, e.from, e.to])).toEqual([
      [1, 'check', 'decide'],
      [2, 'register', 'check'],
      [3, 'register', 'decide'],
    ]);
    // check→decide: A 09:50→11:00 = 70 min, B 23:40→00:40 = 60 min.
    expect(edge('check', 'decide')).toMatchObject({
      count: 2,
      cases: 2,
      totalSeconds: 130 * MIN,
      meanSeconds: 65 * MIN,
      medianSeconds: 65 * MIN,
      p90Seconds: 60 * MIN + 0.9 * 10 * MIN,
      handovers: 0,
    });
    // register→check waits until check starts: A 20 min, B 60 min; both cross P → R.
    expect(edge('register', 'check')).toMatchObject({
      totalSeconds: 80 * MIN,
      medianSeconds: 40 * MIN,
      p90Seconds: 20 * MIN + 0.9 * 40 * MIN,
      handovers: 2,
    });
    expect(edge('register', 'decide')).toMatchObject({ totalSeconds: 30 * MIN, handovers: 1 });
    expect(edge('check', 'decide').shareOfWaiting).toBeCloseTo(130 / 240, 12);
  });

  it('splits the waiting by the part of the local day in which it began', () => {
    const byPart = edge('register', 'check').byDayPart;
    // A waited from 10:00 local (day), B from 23:30 local (night).
    expect(byPart.day).toMatchObject({ count: 1, cases: 1, totalSeconds: 20 * MIN });
    expect(byPart.night).toMatchObject({ count: 1, cases: 1, totalSeconds: 60 * MIN });
    expect(byPart.evening.count).toBe(0);
    expect(Number.isNaN(byPart.evening.medianSeconds)).toBe(true);
    // C's register→decide began at 18:00 local: day.
    expect(edge('register', 'decide').byDayPart.day.count).toBe(1);
  });

  it('measures how much an edge waits above its best part of the day', () => {
    // register→check: 20 min by day, 60 min at night: one night occurrence 40 min above the day.
    expect(edge('register', 'check')).toMatchObject({ timeOfDayExcessSeconds: 40 * MIN, slowestDayPart: 'night' });
    expect(edge('register', 'check').timeOfDayRatio).toBe(61 / 21);
    // check→decide: 70 min by day, 60 at night: the day is slowest, 10 min above the night.
    expect(edge('check', 'decide')).toMatchObject({ timeOfDayExcessSeconds: 10 * MIN, slowestDayPart: 'day' });
    // One part of the day only: nothing to compare.
    expect(edge('register', 'decide')).toMatchObject({
      timeOfDayExcessSeconds: 0,
      timeOfDayRatio: 1,
      slowestDayPart: null,
    });
    expect(computeBottlenecks(buildLog())[0]!.slowestDayPart).toBeNull();
  });
});

describe('computeNormCompliance', () => {
  const log = buildLog();
  const index = (name: string) => log.activityNames.find(name)!;
  const result = computeNormCompliance(log, {
    fromActivities: [index('register')],
    toActivities: [index('decide')],
    maxMs: 90 * MIN * 1000,
  });

  it('judges every case that reached both ends: A 120 min and B 130 min violate, C 30 min complies', () => {
    expect(result).toMatchObject({
      evaluated: 3,
      compliant: 1,
      casesReachingFrom: 4,
      notReached: 1,
      maxSeconds: 90 * MIN,
      medianSeconds: 120 * MIN,
      p90Seconds: 120 * MIN + 0.8 * 10 * MIN,
    });
    expect(result.share).toBeCloseTo(1 / 3, 12);
    expect(result.violations.map((v) => [v.caseId, v.spanSeconds])).toEqual([
      ['B', 130 * MIN],
      ['A', 120 * MIN],
    ]);
  });

  it('groups by local month and part of the day of the start', () => {
    expect(result.byMonth).toEqual([
      { month: '2024-01', evaluated: 3, compliant: 1, share: 1 / 3, medianSeconds: 120 * MIN },
    ]);
    expect(result.byDayPart.day).toEqual({ evaluated: 2, compliant: 1, share: 0.5 });
    expect(result.byDayPart.night).toEqual({ evaluated: 1, compliant: 0, share: 0 });
    expect(result.byDayPart.evening.evaluated).toBe(0);
  });

  it('decomposes the spans into segments whose means add up to the mean span', () => {
    expect(result.segments.map((s) => [s.from, s.to, s.meanSecondsViolating, s.meanSecondsCompliant])).toEqual([
      ['check', 'decide', 65 * MIN, 0],
      ['register', 'check', 60 * MIN, 0],
      ['register', 'decide', 0, 30 * MIN],
    ]);
    const violating = result.segments.reduce((sum, s) => sum + s.meanSecondsViolating, 0);
    expect(violating).toBe(125 * MIN);
    expect(result.segments[0]!.extraSeconds).toBe(65 * MIN);
  });

  it('groups segments into nodes when asked, e.g. links', () => {
    const grouped = computeNormCompliance(
      log,
      { fromActivities: [index('register')], toActivities: [index('decide')], maxMs: 90 * MIN * 1000 },
      {
        nodeOfActivity: Array.from({ length: log.activityNames.size }, (_, a) =>
          log.activityNames.get(a) === 'register' ? 0 : 1,
        ),
        nodeNames: ['intake', 'court'],
      },
    );
    // intake→court: 60 min per violating case, 30 per compliant one (C) → 30 extra; court→court 65 extra.
    expect(grouped.segments.map((s) => [s.from, s.to, s.meanSecondsViolating, s.extraSeconds])).toEqual([
      ['court', 'court', 65 * MIN, 65 * MIN],
      ['intake', 'court', 60 * MIN, 30 * MIN],
    ]);
  });

  it('measures from the first A to the earliest B at or after it', () => {
    const again = buildLog([
      { caseId: 'E', activity: 'decide', timestamp: at('2024-01-13T08:00:00Z') },
      { caseId: 'E', activity: 'register', timestamp: at('2024-01-13T09:00:00Z') },
      { caseId: 'E', activity: 'register', timestamp: at('2024-01-13T09:30:00Z') },
      { caseId: 'E', activity: 'decide', timestamp: at('2024-01-13T09:45:00Z') },
    ]);
    const e = computeNormCompliance(again, {
      fromActivities: [again.activityNames.find('register')!],
      toActivities: [again.activityNames.find('decide')!],
      maxMs: 60 * MIN * 1000,
    });
    expect(e.evaluated).toBe(4);
    expect(e.compliant).toBe(2);
  });
});

describe('computeStalledCases', () => {
  const log = buildLog([
    { caseId: 'E', activity: 'register', timestamp: at('2024-01-18T12:00:00Z') },
    { caseId: 'F', activity: 'register', timestamp: at('2024-01-21T12:00:00Z') },
  ]);
  const result = computeStalledCases(log, {
    asOf: at('2024-01-20T00:00:00Z'),
    idleMs: 5 * 86_400_000,
    endActivities: [log.activityNames.find('decide')!],
  });

  it('separates cases at an end, under way and stalled, as of a moment', () => {
    expect(result).toMatchObject({ cases: 5, atEnd: 3, inProgress: 1, stalled: 1 });
    expect(result.byLastActivity).toEqual([{ activity: 'register', activityIndex: 0, cases: 1 }]);
    expect(result.stalledCases).toEqual([
      {
        caseIndex: 3,
        caseId: 'D',
        lastActivity: 'register',
        lastActivityIndex: 0,
        lastTimestamp: at('2024-01-12T08:00:00Z'),
        idleSeconds: 7 * 86_400 + 16 * 3600,
      },
    ]);
  });

  it('ignores events after the moment', () => {
    const earlier = computeStalledCases(log, {
      asOf: at('2024-01-10T10:00:00Z'),
      idleMs: 3600_000,
      endActivities: [log.activityNames.find('decide')!],
    });
    expect(earlier).toMatchObject({ cases: 1, atEnd: 0, inProgress: 1, stalled: 0 });
  });
});
