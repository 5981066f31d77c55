import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeActivityStatistics } from './compute-activity-statistics.ts';
import { computeBottlenecks } from './compute-bottlenecks.ts';
import { computeCaseDurations } from './compute-case-durations.ts';
import { computeMonthlyTrends } from './compute-monthly-trends.ts';
import { computeNormCompliance } from './compute-norm-compliance.ts';
import { computeSummary } from './compute-summary.ts';
import { EventLogBuilder, type EventInput } from './event-log-builder.ts';
import type { EventLog } from './event-log.ts';
import { filterEventLog } from './filter-event-log.ts';
import { amsterdamDayPartOf, amsterdamHourOf, amsterdamMonthOf, formatMonthNumber } from './local-time.ts';
import { mapEventLogToLinks } from './map-event-log-to-links.ts';
import { readCsvEventLog } from './read-csv-event-log.ts';

const at = (iso: string): number => Date.parse(iso);

function build(events: readonly EventInput[]): EventLog {
  const builder = new EventLogBuilder();
  for (const event of events) builder.addEvent(event);
  return builder.build();
}

/** Two partners and an unmapped activity; X starts in January, Y in March (nothing in February). */
const CSV = `case_id,activity,timestamp,partner,resource
X,Melding,2024-01-15T10:00:00Z,meldkamer,m1
X,Uitgifte,2024-01-15T10:02:00Z,meldkamer,m1
X,Ter plaatse,2024-01-15T10:10:00Z,ambulance,a7
X,Overleg,2024-01-15T10:12:00Z,ambulance,a7
X,Vertrek,2024-01-15T10:30:00Z,ambulance,a7
Y,Melding,2024-03-02T23:00:00Z,meldkamer,m2
Y,Uitgifte,2024-03-02T23:01:00Z,meldkamer,m2
Y,Ter plaatse,2024-03-02T23:30:00Z,ambulance,a9
Z,Melding,2024-03-05T08:00:00Z,meldkamer,m1
`;

describe('local time in Amsterdam', () => {
  it('reads month, hour and part of the day in local time, across daylight saving', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam.
    expect(formatMonthNumber(amsterdamMonthOf(at('2024-01-31T23:30:00Z')))).toBe('2024-02');
    expect(formatMonthNumber(amsterdamMonthOf(at('2024-12-31T22:59:00Z')))).toBe('2024-12');
    expect(formatMonthNumber(amsterdamMonthOf(at('2024-12-31T23:00:00Z')))).toBe('2025-01');
    // Summer time: 21:30 UTC on 30 June is 23:30 local, night.
    expect(amsterdamHourOf(at('2024-06-30T21:30:00Z'))).toBe(23);
    expect(amsterdamDayPartOf(at('2024-06-30T21:30:00Z'))).toBe(0);
    expect(amsterdamHourOf(at('2024-12-30T21:30:00Z'))).toBe(22);
    expect(amsterdamDayPartOf(at('2024-12-30T21:30:00Z'))).toBe(2);
    expect(amsterdamDayPartOf(at('2024-12-30T06:00:00Z'))).toBe(1);
  });
});

describe('filterEventLog', () => {
  const log = readCsvEventLog(CSV);

  it('keeps cases that start in a period', () => {
    const march = filterEventLog(log, { period: { from: at('2024-03-01T00:00:00Z') } });
    expect(march.caseIds.toArray()).toEqual(['Y', 'Z']);
    expect(march.eventCount).toBe(4);
    expect(march.caseIds.find('Z')).toBe(1);
    expect(computeSummary(march).activities).toBe(3);
    const january = filterEventLog(log, { period: { to: at('2024-03-01T00:00:00Z') } });
    expect(january.caseIds.toArray()).toEqual(['X']);
  });

  it("keeps only a partner's own events, with compact dictionaries", () => {
    const ambulance = filterEventLog(log, { partners: ['ambulance'] });
    expect(ambulance.caseIds.toArray()).toEqual(['X', 'Y']);
    expect(ambulance.activityNames.toArray()).toEqual(['Ter plaatse', 'Overleg', 'Vertrek']);
    expect(ambulance.partnerNames.toArray()).toEqual(['ambulance']);
    expect(Array.from(ambulance.caseOffsets)).toEqual([0, 3, 4]);
    expect(Array.from(ambulance.fileOrder)).toEqual([2, 3, 4, 7]);
  });

  it('keeps cases with an attribute value, and cases of a variant', () => {
    expect(filterEventLog(log, { attribute: { name: 'resource', value: 'm1' } }).caseIds.toArray()).toEqual(['X', 'Z']);
    expect(filterEventLog(log, { attribute: { name: 'resource', value: 'nobody' } }).caseCount).toBe(0);
    expect(filterEventLog(log, { variant: ['Melding', 'Uitgifte', 'Ter plaatse'] }).caseIds.toArray()).toEqual(['Y']);
  });

  it('returns the log itself for an empty filter', () => {
    expect(filterEventLog(log, {})).toBe(log);
  });
});

describe('mapEventLogToLinks', () => {
  const log = readCsvEventLog(CSV);
  const links = [
    { name: 'melding', activities: ['Melding', 'Uitgifte'] },
    { name: 'ter-plaatse', activities: ['Ter plaatse', 'Vertrek'] },
    { name: 'revalidatie', activities: ['Start revalidatie'] },
  ];
  const mapped = mapEventLogToLinks(log, links);

  it('collapses consecutive events of one link into one visit and keeps unmapped activities', () => {
    const { log: linkLog } = mapped;
    expect(linkLog.activityNames.toArray()).toEqual(['melding', 'ter-plaatse', 'revalidatie', 'Overleg']);
    expect(Array.from(mapped.linkOfNode)).toEqual([0, 1, 2, -1]);
    // X: melding (10:00–10:02), ter-plaatse (10:10), Overleg (10:12), ter-plaatse (10:30).
    expect(Array.from(linkLog.activity.subarray(0, 4))).toEqual([0, 1, 3, 1]);
    expect(linkLog.startTimestamp![0]).toBe(at('2024-01-15T10:00:00Z'));
    expect(linkLog.timestamp[0]).toBe(at('2024-01-15T10:02:00Z'));
    expect(linkLog.eventCount).toBe(4 + 2 + 1);
    expect(Array.from(mapped.linkOfActivity)).toEqual([0, 0, 1, -1, 1]);
  });

  it('measures waiting between links from the end of one visit to the start of the next', () => {
    const edges = computeBottlenecks(mapped.log);
    const handover = edges.find((e) => e.from === 'melding' && e.to === 'ter-plaatse')!;
    // X: 10:02 → 10:10 = 8 min; Y: 23:01 → 23:30 = 29 min.
    expect(handover.totalSeconds).toBe(37 * 60);
    const stats = computeActivityStatistics(mapped.log).find((s) => s.activity === 'melding')!;
    // Visits: X 10:00–10:02, Y 23:00–23:01, Z a single event.
    expect(stats.serviceTime).toMatchObject({
      count: 3,
      meanSeconds: 60,
      medianSeconds: 60,
      source: 'start-timestamp',
    });
  });
});

describe('computeMonthlyTrends', () => {
  it('lists every month from the first to the last, with throughput of the cases started in it', () => {
    const trends = computeMonthlyTrends(readCsvEventLog(CSV));
    expect(trends.map((t) => [t.month, t.casesStarted, t.events, t.medianThroughputSeconds])).toEqual([
      ['2024-01', 1, 5, 30 * 60],
      ['2024-02', 0, 0, Number.NaN],
      ['2024-03', 2, 4, (30 * 60 + 0) / 2],
    ]);
  });
});

describe('computeActivityStatistics', () => {
  it('counts events, cases, starts and ends per activity, and pairs lifecycle start and complete', () => {
    const log = build([
      { caseId: 'a', activity: 'triage', lifecycle: 'start', timestamp: at('2024-05-01T10:00:00Z') },
      { caseId: 'a', activity: 'triage', lifecycle: 'complete', timestamp: at('2024-05-01T10:05:00Z') },
      { caseId: 'a', activity: 'scan', lifecycle: 'complete', timestamp: at('2024-05-01T10:30:00Z') },
      { caseId: 'b', activity: 'triage', lifecycle: 'start', timestamp: at('2024-05-01T11:00:00Z') },
      { caseId: 'b', activity: 'triage', lifecycle: 'complete', timestamp: at('2024-05-01T11:15:00Z') },
    ]);
    const stats = computeActivityStatistics(log);
    expect(stats.map((s) => [s.activity, s.events, s.cases, s.startCases, s.endCases])).toEqual([
      ['triage', 4, 2, 2, 1],
      ['scan', 1, 1, 0, 1],
    ]);
    expect(stats[0]!.serviceTime).toEqual({
      count: 2,
      meanSeconds: 600,
      medianSeconds: 600,
      p90Seconds: 300 + 0.9 * 600,
      source: 'lifecycle',
    });
    expect(stats[1]!.serviceTime).toBeNull();
  });
});

/** Random small logs: up to 8 cases of up to 6 events over 4 activities and 3 partners. */
const eventsArbitrary = fc.array(
  fc.record({
    caseId: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'NA', ''),
    activity: fc.constantFrom('a', 'b', 'c', 'd'),
    timestamp: fc.integer({ min: at('2024-01-01T00:00:00Z'), max: at('2024-12-31T00:00:00Z') }),
    partner: fc.option(fc.constantFrom('P', 'Q', 'R'), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 48 },
);

describe('invariants of the views and analyses', () => {
  it('partner filters partition the events that name a partner', () => {
    fc.assert(
      fc.property(eventsArbitrary, (events) => {
        const log = build(events);
        const total = ['P', 'Q', 'R'].reduce(
          (sum, partner) => sum + filterEventLog(log, { partners: [partner] }).eventCount,
          0,
        );
        expect(total).toBe(events.filter((e) => e.partner !== undefined).length);
      }),
    );
  });

  it('the link level keeps every case and its last moment, and never has more events', () => {
    fc.assert(
      fc.property(eventsArbitrary, (events) => {
        const log = build(events);
        const { log: linkLog } = mapEventLogToLinks(log, [
          { name: 'L1', activities: ['a', 'b'] },
          { name: 'L2', activities: ['c'] },
        ]);
        expect(linkLog.caseCount).toBe(log.caseCount);
        expect(linkLog.eventCount).toBeLessThanOrEqual(log.eventCount);
        const linkDurations = computeCaseDurations(linkLog).perCaseMs;
        const durations = computeCaseDurations(log).perCaseMs;
        for (let c = 0; c < log.caseCount; c++) {
          expect(linkLog.timestamp[linkLog.caseOffsets[c + 1]! - 1]).toBe(log.timestamp[log.caseOffsets[c + 1]! - 1]);
          expect(linkDurations[c]).toBeLessThanOrEqual(durations[c]!);
          expect(linkLog.startTimestamp![linkLog.caseOffsets[c]!]).toBe(log.timestamp[log.caseOffsets[c]!]);
        }
      }),
    );
  });

  it('norm segments add up to the mean span of violating and of compliant cases', () => {
    fc.assert(
      fc.property(eventsArbitrary, fc.integer({ min: 0, max: 30 * 86_400_000 }), (events, maxMs) => {
        const log = build(events);
        const from = log.activityNames.find('a');
        const to = log.activityNames.find('c');
        if (from === undefined || to === undefined) return;
        const result = computeNormCompliance(log, { fromActivities: [from], toActivities: [to], maxMs });
        const spans = result.violations.map((v) => v.spanSeconds);
        const violating = result.evaluated - result.compliant;
        expect(spans.length).toBe(violating);
        const sum = result.segments.reduce((s, segment) => s + segment.meanSecondsViolating, 0);
        const mean = violating === 0 ? 0 : spans.reduce((s, x) => s + x, 0) / violating;
        expect(Math.abs(sum - mean)).toBeLessThan(1e-6 * Math.max(1, mean));
        expect(result.byMonth.reduce((s, m) => s + m.evaluated, 0)).toBe(result.evaluated);
      }),
    );
  });

  it('bottleneck shares add up to 1 and totals equal the summed waits', () => {
    fc.assert(
      fc.property(eventsArbitrary, (events) => {
        const edges = computeBottlenecks(build(events));
        if (edges.length === 0) return;
        const share = edges.reduce((s, e) => s + e.shareOfWaiting, 0);
        const total = edges.reduce((s, e) => s + e.totalSeconds, 0);
        if (total > 0) expect(share).toBeCloseTo(1, 9);
        for (const edge of edges) {
          const parts = edge.byDayPart.night.count + edge.byDayPart.day.count + edge.byDayPart.evening.count;
          expect(parts).toBe(edge.count);
        }
      }),
    );
  });

  it('monthly trends count every case once', () => {
    fc.assert(
      fc.property(eventsArbitrary, (events) => {
        const log = build(events);
        const trends = computeMonthlyTrends(log);
        expect(trends.reduce((s, t) => s + t.casesStarted, 0)).toBe(log.caseCount);
        expect(trends.reduce((s, t) => s + t.events, 0)).toBe(log.eventCount);
      }),
    );
  });
});

describe('norms across the change to summer time', () => {
  // 30 March 2025: at 02:00 CET the clocks go to 03:00 CEST. Times without a zone are local.
  const CSV = `case_id,activity,timestamp
N1,Call,30-03-2025 01:50
N1,Surgery,30-03-2025 03:20
`;
  const check = (zone: 'Europe/Amsterdam' | 'wall-clock') => {
    const log = readCsvEventLog(CSV, { timeZone: zone });
    return computeNormCompliance(log, {
      fromActivities: [log.activityNames.find('Call')!],
      toActivities: [log.activityNames.find('Surgery')!],
      maxMs: 60 * 60_000,
    });
  };

  it('measures true elapsed time by default: 30 minutes, the golden hour is met', () => {
    expect(check('Europe/Amsterdam')).toMatchObject({ compliant: 1, medianSeconds: 30 * 60 });
  });

  it('measures wall-clock readings on request: 90 minutes, a violation that did not happen', () => {
    expect(check('wall-clock')).toMatchObject({ compliant: 0, medianSeconds: 90 * 60 });
  });
});
