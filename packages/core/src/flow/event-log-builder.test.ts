import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from './event-log-builder.ts';
import { NO_INDEX } from './event-log.ts';

describe('EventLogBuilder', () => {
  it('sorts by case (in order of first appearance), then time, then file order', () => {
    const b = new EventLogBuilder(2);
    b.addEvent({ caseId: 'B', activity: 'late', timestamp: 50 });
    b.addEvent({ caseId: 'A', activity: 'z-second', timestamp: 10 });
    b.addEvent({ caseId: 'B', activity: 'early', timestamp: 5 });
    b.addEvent({ caseId: 'A', activity: 'a-third', timestamp: 10 });
    b.addEvent({ caseId: 'A', activity: 'first', timestamp: 1 });
    const log = b.build();
    expect(log.caseIds.toArray()).toEqual(['B', 'A']);
    expect(Array.from(log.caseOffsets)).toEqual([0, 2, 5]);
    expect(Array.from(log.activity, (a) => log.activityNames.get(a))).toEqual([
      'early',
      'late',
      'first',
      'z-second',
      'a-third',
    ]);
    expect(Array.from(log.fileOrder)).toEqual([2, 0, 4, 1, 3]);
    expect(Array.from(log.caseIndex)).toEqual([0, 0, 1, 1, 1]);
    expect(log.partner).toBeNull();
  });

  it('adds columns in bulk with optional attributes', () => {
    const b = new EventLogBuilder();
    b.addColumns({
      caseIds: ['1', '1'],
      activities: ['a', 'b'],
      timestamps: Float64Array.from([2, 1]),
      startTimestamps: [Number.NaN, 0],
      partners: ['Politie', undefined],
      lifecycles: ['complete', 'complete'],
    });
    const log = b.build();
    expect(Array.from(log.activity, (a) => log.activityNames.get(a))).toEqual(['b', 'a']);
    expect(Array.from(log.startTimestamp!)).toEqual([0, Number.NaN]);
    expect(Array.from(log.partner!)).toEqual([NO_INDEX, 0]);
    expect(log.resource).toBeNull();
    expect(() => b.build()).toThrow();
    expect(() => new EventLogBuilder().addColumns({ caseIds: ['x'], activities: [], timestamps: [] })).toThrow(
      RangeError,
    );
  });

  it('is a stable sort by case and time for any input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.integer({ min: 0, max: 6 }), t: fc.integer({ min: 0, max: 8 }) }), {
          maxLength: 300,
        }),
        (events) => {
          const b = new EventLogBuilder(1);
          events.forEach((e, i) => b.addEvent({ caseId: `c${e.c}`, activity: `e${i}`, timestamp: e.t }));
          const log = b.build();
          const firstSeen = [...new Set(events.map((e) => e.c))];
          const expected = events
            .map((e, i) => ({ ...e, i }))
            .sort((x, y) => firstSeen.indexOf(x.c) - firstSeen.indexOf(y.c) || x.t - y.t || x.i - y.i)
            .map((e) => e.i);
          expect(Array.from(log.fileOrder)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts long unsorted cases (merge sort path) stably', () => {
    const b = new EventLogBuilder();
    const times = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97);
    times.forEach((t, i) => b.addEvent({ caseId: 'one', activity: String(i), timestamp: t }));
    const log = b.build();
    const expected = times
      .map((t, i) => ({ t, i }))
      .sort((x, y) => x.t - y.t || x.i - y.i)
      .map((e) => e.i);
    expect(Array.from(log.fileOrder)).toEqual(expected);
  });
});
