import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { parseChainTemplate, type ChainTemplate } from './chain-template.ts';
import { generateTrajectories, type TrajectoryEvent } from './generate-trajectories.ts';
import { miniTemplateJson } from './mini-template.fixture.ts';

const mini = (): ChainTemplate => parseChainTemplate(miniTemplateJson(), 'mini.json');

/** Hour (0–23) and weekday (Mon, Tue, …) in Amsterdam, from the platform's time-zone database. */
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});
function localClock(epochMs: number): { hour: number; weekday: string } {
  const parts = Object.fromEntries(clockFormat.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return { hour: Number(parts.hour), weekday: parts.weekday ?? '' };
}

function groupByCase(events: readonly TrajectoryEvent[]): Map<string, TrajectoryEvent[]> {
  const cases = new Map<string, TrajectoryEvent[]>();
  for (const event of events) {
    const list = cases.get(event.caseId) ?? [];
    list.push(event);
    cases.set(event.caseId, list);
  }
  return cases;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const minutes = (ms: number) => ms / 60_000;

describe('generateTrajectories', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const template = mini();
    const first = generateTrajectories(template, { seed: 5 });
    expect(generateTrajectories(template, { seed: 5 })).toEqual(first);
    expect(generateTrajectories(template, { seed: 6 })).not.toEqual(first);
  });

  it('numbers cases in order of arrival and keeps each case together, in time order', () => {
    const events = generateTrajectories(mini(), { seed: 1 });
    const caseOrder = [...new Set(events.map((e) => e.caseId))];
    expect(caseOrder).toHaveLength(400);
    expect(caseOrder[0]).toBe('T-000001');
    expect(caseOrder).toEqual([...caseOrder].sort());
    // Each case appears as one run of events.
    const runs = events.filter((e, i) => i === 0 || events[i - 1]!.caseId !== e.caseId).length;
    expect(runs).toBe(400);
    let previousArrival = -Infinity;
    for (const list of groupByCase(events).values()) {
      expect(list[0]!.timestamp).toBeGreaterThanOrEqual(previousArrival);
      previousArrival = list[0]!.timestamp;
      list.forEach((event, i) => {
        if (i > 0) expect(event.timestamp).toBeGreaterThanOrEqual(list[i - 1]!.timestamp);
        if (event.startTimestamp !== null) {
          expect(event.startTimestamp).toBeLessThanOrEqual(event.timestamp);
          if (i > 0) expect(event.startTimestamp).toBeGreaterThanOrEqual(list[i - 1]!.timestamp);
        }
        expect(event.timestamp % 1000).toBe(0);
      });
    }
  });

  it('follows the routes of the profile', () => {
    const events = generateTrajectories(mini(), { seed: 2 });
    for (const list of groupByCase(events).values()) {
      expect(list.map((e) => e.activity).slice(0, 2)).toEqual(['Melding', 'Behandeling']);
      expect(list.slice(2).every((e) => e.activity === 'Controle')).toBe(true);
      // maxVisits: at most three checks.
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list[0]!.startTimestamp).toBeNull();
      expect(list[1]!.startTimestamp).not.toBeNull();
      expect(list[0]!.partnerKey).toBe('a');
      expect(list[1]!.partnerKey).toBe('b');
    }
    const cases = groupByCase(events);
    const withCheck = [...cases.values()].filter((l) => l.length > 2).length / cases.size;
    expect(withCheck).toBeGreaterThan(0.3);
    expect(withCheck).toBeLessThan(0.5);
    expect([...cases.values()].some((l) => l.length === 5)).toBe(true);
  });

  it('lets arrivals fall only in hours and weekdays with a positive weight', () => {
    const events = generateTrajectories(mini(), { seed: 3 });
    for (const list of groupByCase(events).values()) {
      const { hour, weekday } = localClock(list[0]!.timestamp);
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(16);
      expect(['Sat', 'Sun']).not.toContain(weekday);
    }
  });

  it('lets the first event happen at the arrival, without the delay and calendar of its step', () => {
    const json = miniTemplateJson();
    const first = json.trajectoryProfile!.steps[0]!;
    first.delay = { medianMinutes: 100_000, sigma: 0 };
    first.calendar = 'dinsdagochtend';
    const events = generateTrajectories(parseChainTemplate(json, 'mini.json'), { seed: 3 });
    const firsts = [...groupByCase(events).values()].map((list) => list[0]!.timestamp);
    expect(Math.max(...firsts)).toBeLessThan(Date.parse('2026-02-28T23:00:00Z'));
    expect(firsts.filter((t) => localClock(t).weekday !== 'Tue').length).toBeGreaterThan(200);
  });

  it('moves steps with a calendar into it', () => {
    const events = generateTrajectories(mini(), { seed: 4 });
    const checks = events.filter((e) => e.activity === 'Controle');
    expect(checks.length).toBeGreaterThan(100);
    for (const event of checks) expect(localClock(event.timestamp)).toEqual({ hour: 10, weekday: 'Tue' });
  });

  it('stretches a delay by its effect and draws durations within their maximum', () => {
    const events = generateTrajectories(mini(), { seed: 8, patients: 3000 });
    const mondays: number[] = [];
    const otherDays: number[] = [];
    for (const list of groupByCase(events).values()) {
      const [melding, behandeling] = list;
      const wait = minutes(behandeling!.startTimestamp! - melding!.timestamp);
      (localClock(melding!.timestamp).weekday === 'Mon' ? mondays : otherDays).push(wait);
      expect(minutes(behandeling!.timestamp - behandeling!.startTimestamp!)).toBeLessThanOrEqual(40);
    }
    expect(median(otherDays)).toBeGreaterThan(27);
    expect(median(otherDays)).toBeLessThan(33);
    expect(median(mondays) / median(otherDays)).toBeGreaterThan(8);
    expect(median(mondays) / median(otherDays)).toBeLessThan(12);
  });

  it('keeps a unit per case for pools that say so, and draws anew otherwise', () => {
    const events = generateTrajectories(mini(), { seed: 9 });
    const rooms = new Set<string>();
    for (const list of groupByCase(events).values()) {
      const teams = new Set(list.filter((e) => e.activity !== 'Behandeling').map((e) => e.resource));
      expect(teams.size).toBe(1);
      expect([...teams][0]).toMatch(/^Team [1-4]$/);
      rooms.add(list[1]!.resource ?? '');
    }
    expect([...rooms].sort()).toEqual(['Kamer 1', 'Kamer 2', 'Kamer 3']);
  });

  it('takes the number of cases, start date and months from the options', () => {
    const template = mini();
    const events = generateTrajectories(template, { seed: 1, patients: 50, startDate: '2026-07-01', months: 1 });
    const cases = groupByCase(events);
    expect(cases.size).toBe(50);
    const firsts = [...cases.values()].map((l) => l[0]!.timestamp);
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(Date.parse('2026-06-30T22:00:00Z'));
    expect(Math.max(...firsts)).toBeLessThan(Date.parse('2026-07-31T22:00:00Z'));
    // Without `patients`, the profile's rate (400 cases in 2 months) carries over to the chosen months.
    expect(groupByCase(generateTrajectories(template, { seed: 1, months: 1 })).size).toBe(200);
  });

  it('ends a case after maxEventsPerCase events', () => {
    const json = miniTemplateJson();
    json.trajectoryProfile!.maxEventsPerCase = 2;
    const events = generateTrajectories(parseChainTemplate(json, 'mini.json'), { seed: 1 });
    for (const list of groupByCase(events).values()) expect(list).toHaveLength(2);
  });

  it('refuses invalid options and templates without a profile', () => {
    const template = mini();
    const attempt = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return (error as DomainError).details.map((d) => d.path);
      }
      throw new Error('expected an error');
    };
    expect(attempt(() => generateTrajectories(template, { seed: 1.5 }))).toEqual(['seed']);
    expect(attempt(() => generateTrajectories(template, { seed: 1, patients: 0, startDate: '2026-13-01' }))).toEqual([
      'patients',
      'startDate',
    ]);
    const withoutProfile = { ...template, trajectoryProfile: undefined };
    expect(attempt(() => generateTrajectories(withoutProfile, { seed: 1 }))).toEqual(['trajectoryProfile']);
  });
});
