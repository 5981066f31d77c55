import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFlowOverview } from './compute-flow-overview.ts';
import { EventLogBuilder } from './event-log-builder.ts';

interface RawEvent {
  readonly caseId: string;
  readonly activity: string;
  readonly timestamp: number;
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i]! + (h - i) * (sorted[i + 1]! - sorted[i]!) : sorted[i]!;
}

/** The analyses recomputed the slow, obvious way with plain objects: an independent oracle. */
function oracle(events: readonly RawEvent[]) {
  const cases = new Map<string, { e: RawEvent; i: number }[]>();
  events.forEach((e, i) => {
    const list = cases.get(e.caseId) ?? [];
    list.push({ e, i });
    cases.set(e.caseId, list);
  });
  const traces = [...cases.values()].map((list) =>
    [...list].sort((x, y) => x.e.timestamp - y.e.timestamp || x.i - y.i).map((x) => x.e),
  );
  const edges = new Map<string, number[]>();
  const variants = new Map<string, { count: number; first: number; durations: number[] }>();
  const durations: number[] = [];
  traces.forEach((trace, c) => {
    for (let k = 1; k < trace.length; k++) {
      const key = `${trace[k - 1]!.activity}→${trace[k]!.activity}`;
      edges.set(key, [...(edges.get(key) ?? []), (trace[k]!.timestamp - trace[k - 1]!.timestamp) / 1000]);
    }
    const duration = (trace[trace.length - 1]!.timestamp - trace[0]!.timestamp) / 1000;
    durations.push(duration);
    const key = trace.map((e) => e.activity).join('→');
    const variant = variants.get(key) ?? { count: 0, first: c, durations: [] };
    variant.count++;
    variant.durations.push(duration);
    variants.set(key, variant);
  });
  return { traces, edges, variants, durations };
}

const eventArbitrary = fc.record({
  caseId: fc.constantFrom('1', '2', '3', 'NA', 'null', ''),
  activity: fc.constantFrom('a', 'b', 'c', 'd'),
  timestamp: fc.integer({ min: 0, max: 12 }).map((m) => m * 60_000),
});

describe('flow analyses against an independent oracle (property)', () => {
  it('agree on edges, variants and case durations, and keep their invariants', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 120 }), (events) => {
        const builder = new EventLogBuilder(4);
        for (const e of events) builder.addEvent(e);
        const overview = computeFlowOverview(builder.build());
        const expected = oracle(events);

        expect(overview.summary.events).toBe(events.length);
        expect(overview.summary.cases).toBe(expected.traces.length);
        expect(overview.edges.reduce((s, e) => s + e.count, 0)).toBe(events.length - expected.traces.length);
        expect(overview.variants.reduce((s, v) => s + v.cases, 0)).toBe(expected.traces.length);
        expect(overview.startActivities.reduce((s, a) => s + a.cases, 0)).toBe(expected.traces.length);
        expect(overview.endActivities.reduce((s, a) => s + a.cases, 0)).toBe(expected.traces.length);

        expect(overview.edges).toHaveLength(expected.edges.size);
        for (const edge of overview.edges) {
          const times = expected.edges.get(`${edge.from}→${edge.to}`)!;
          expect(edge.count).toBe(times.length);
          expect(edge.meanSeconds).toBeCloseTo(times.reduce((a, b) => a + b, 0) / times.length, 6);
          expect(edge.medianSeconds).toBeCloseTo(percentile(times, 0.5), 6);
          expect(edge.p90Seconds).toBeCloseTo(percentile(times, 0.9), 6);
        }

        const expectedVariants = [...expected.variants.entries()]
          .sort((x, y) => y[1].count - x[1].count || x[1].first - y[1].first)
          .map(([key, v]) => ({ activities: key.split('→'), cases: v.count, median: percentile(v.durations, 0.5) }));
        expect(
          overview.variants.map((v) => ({ activities: v.activities, cases: v.cases, median: v.medianDurationSeconds })),
        ).toEqual(expectedVariants);

        expect(overview.caseDurations.meanSeconds).toBeCloseTo(
          expected.durations.reduce((a, b) => a + b, 0) / expected.durations.length,
          6,
        );
        expect(overview.caseDurations.medianSeconds).toBeCloseTo(percentile(expected.durations, 0.5), 6);
        expect(overview.caseDurations.p90Seconds).toBeCloseTo(percentile(expected.durations, 0.9), 6);
      }),
      { numRuns: 400 },
    );
  });
});
