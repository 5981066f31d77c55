/**
 * Checks the shipped template files and the data they generate, recomputing every figure from
 * the events and the chain model alone (local time from the platform's time-zone database).
 */
import { describe, expect, it } from 'vitest';
import emergencyCareJson from '../../../server/templates/emergency-care.json' with { type: 'json' };
import youthProtectionJson from '../../../server/templates/youth-protection.json' with { type: 'json' };
import { parseChainTemplate, type ChainTemplate } from './chain-template.ts';
import { generateTrajectories, type TrajectoryEvent } from './generate-trajectories.ts';

const emergencyCare = parseChainTemplate(emergencyCareJson, 'emergency-care.json');
const youthProtection = parseChainTemplate(youthProtectionJson, 'youth-protection.json');
const emergencyEvents = generateTrajectories(emergencyCare, { seed: 20251101 });
const youthEvents = generateTrajectories(youthProtection, { seed: 20251101 });

const MINUTE = 60_000;
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  hourCycle: 'h23',
});
function localClock(epochMs: number): { month: string; hour: number; weekday: string } {
  const parts = Object.fromEntries(clockFormat.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return { month: `${parts.year}-${parts.month}`, hour: Number(parts.hour), weekday: parts.weekday ?? '' };
}
const isNight = (hour: number) => hour >= 23 || hour < 7;
const isDay = (hour: number) => hour >= 8 && hour < 20;

function groupByCase(events: readonly TrajectoryEvent[]): TrajectoryEvent[][] {
  const cases = new Map<string, TrajectoryEvent[]>();
  for (const event of events) {
    const list = cases.get(event.caseId) ?? [];
    list.push(event);
    cases.set(event.caseId, list);
  }
  return [...cases.values()];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const share = (part: number, whole: number) => part / whole;

/** Maps each activity to the keys of the links that list it, straight from the model. */
function linksByActivity(template: ChainTemplate): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const link of template.model.links) {
    for (const activity of link.activities) map.set(activity, [...(map.get(activity) ?? []), link.key]);
  }
  return map;
}

/** Shape checks that hold for every template's generated data; lists every offending event. */
function expectSoundEvents(template: ChainTemplate, events: readonly TrajectoryEvent[]): void {
  const links = linksByActivity(template);
  const partners = new Set(template.model.partners.map((p) => p.key));
  const responsible = new Map(template.model.links.map((l) => [l.key, new Set(l.partnerKeys)]));
  const problems: string[] = [];
  for (const event of events) {
    const owners = links.get(event.activity) ?? [];
    if (owners.length !== 1) problems.push(`${event.activity} is mapped by ${owners.length} links`);
    if (!partners.has(event.partnerKey)) problems.push(`unknown partner ${event.partnerKey}`);
    if (owners.length === 1 && responsible.get(owners[0]!)?.has(event.partnerKey) !== true) {
      problems.push(`${event.partnerKey} is not responsible for ${event.activity}`);
    }
  }
  for (const list of groupByCase(events)) {
    list.forEach((event, i) => {
      const begin = event.startTimestamp ?? event.timestamp;
      if (begin > event.timestamp) problems.push(`${event.caseId}: ${event.activity} starts after it ends`);
      if (i > 0 && begin < list[i - 1]!.timestamp)
        problems.push(`${event.caseId}: ${event.activity} goes back in time`);
    });
  }
  expect(problems).toEqual([]);
}

/** Number of cases that start in each local month. */
function casesPerMonth(events: readonly TrajectoryEvent[]): Map<string, number> {
  const months = new Map<string, number>();
  for (const list of groupByCase(events)) {
    const month = localClock(list[0]!.timestamp).month;
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return months;
}

const TWELVE_MONTHS = [
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
];

describe('the template files', () => {
  it('parse, with the keys and slugs the product expects', () => {
    expect(emergencyCare.key).toBe('emergency-care');
    expect(emergencyCare.model.chain.slug).toBe('spoedeisende-medische-hulp');
    expect(emergencyCare.model.chain.name).toBe('Spoedeisende medische hulp');
    expect(emergencyCare.model.partners.length).toBeGreaterThanOrEqual(10);
    expect(emergencyCare.model.links.length).toBeGreaterThanOrEqual(8);
    expect(youthProtection.key).toBe('youth-protection');
    expect(youthProtection.model.partners.length).toBeGreaterThanOrEqual(6);
    expect(youthProtection.model.links.length).toBeGreaterThanOrEqual(6);
  });

  it('give the emergency partners a spread over the power/interest grid and all four roles', () => {
    const partners = emergencyCare.model.partners;
    const cells = new Set(partners.map((p) => `${p.interestLevel}/${p.influence}`));
    expect(cells.size).toBeGreaterThanOrEqual(6);
    expect(new Set(partners.map((p) => p.commitment)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(partners.flatMap((p) => p.roles))).toEqual(
      new Set(['commissioner', 'funder', 'executor', 'director']),
    );
    for (const partner of partners) expect(partner.interest.length).toBeGreaterThan(40);
  });

  it('carry the golden hour and the A1 norm on the emergency links', () => {
    const norms = new Map(emergencyCare.model.links.map((l) => [l.key, l.norm]));
    expect(norms.get('levensreddende-behandeling')).toMatchObject({ maxMinutes: 60, fromLinkKey: 'melding-112' });
    expect(norms.get('ambulance-ter-plaatse')).toMatchObject({ maxMinutes: 15, fromLinkKey: 'melding-112' });
  });
});

describe('the emergency care demo data', () => {
  const cases = groupByCase(emergencyEvents);
  const links = linksByActivity(emergencyCare);
  const linkOf = (event: TrajectoryEvent) => links.get(event.activity)?.[0];

  it('is the same for the same seed and differs for another', () => {
    expect(generateTrajectories(emergencyCare, { seed: 20251101 })).toEqual(emergencyEvents);
    const other = generateTrajectories(emergencyCare, { seed: 7 });
    expect(other.slice(0, 50)).not.toEqual(emergencyEvents.slice(0, 50));
  });

  it('holds at least 5,000 cases arriving over the twelve months from November 2025', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5000);
    const months = casesPerMonth(emergencyEvents);
    expect([...months.keys()].sort()).toEqual(TWELVE_MONTHS);
    for (const count of months.values()) expect(count).toBeGreaterThan(300);
    const perCase = emergencyEvents.length / cases.length;
    expect(perCase).toBeGreaterThanOrEqual(10);
    expect(perCase).toBeLessThanOrEqual(14);
  });

  it('arrive more by day than by night', () => {
    let night = 0;
    let day = 0;
    for (const list of cases) {
      const hour = localClock(list[0]!.timestamp).hour;
      if (hour >= 0 && hour < 6) night += 1;
      if (hour >= 12 && hour < 18) day += 1;
    }
    expect(day / night).toBeGreaterThan(2);
  });

  it('maps every event to exactly one link, by a partner responsible for it, in time order', () => {
    expectSoundEvents(emergencyCare, emergencyEvents);
  });

  it('shows the night-time bottleneck between the emergency department and the operating theatre', () => {
    const dayWaits: number[] = [];
    const nightWaits: number[] = [];
    for (const list of cases) {
      const okIndex = list.findIndex((e) => e.partnerKey === 'ok-traumachirurgie');
      if (okIndex < 0) continue;
      const ed = list.slice(0, okIndex).findLast((e) => e.partnerKey === 'seh');
      if (ed === undefined) continue;
      const wait = (list[okIndex]!.timestamp - ed.timestamp) / MINUTE;
      const hour = localClock(ed.timestamp).hour;
      if (isNight(hour)) nightWaits.push(wait);
      if (isDay(hour)) dayWaits.push(wait);
    }
    expect(dayWaits.length).toBeGreaterThan(500);
    expect(nightWaits.length).toBeGreaterThan(150);
    expect(median(nightWaits) / median(dayWaits)).toBeGreaterThanOrEqual(2.5);
  });

  it('meets the golden hour for a plausible share of patients, less often at night', () => {
    const tally = { all: [0, 0], day: [0, 0], night: [0, 0] };
    for (const list of cases) {
      const call = list.find((e) => linkOf(e) === 'melding-112');
      const treatment = list.find((e) => linkOf(e) === 'levensreddende-behandeling');
      if (call === undefined || treatment === undefined) continue;
      const met = treatment.timestamp - call.timestamp <= 60 * MINUTE ? 1 : 0;
      const hour = localClock(call.timestamp).hour;
      for (const key of ['all', ...(isNight(hour) ? ['night'] : isDay(hour) ? ['day'] : [])] as const) {
        const row = tally[key as keyof typeof tally];
        row[0]! += met;
        row[1]! += 1;
      }
    }
    const overall = share(tally.all[0]!, tally.all[1]!);
    const day = share(tally.day[0]!, tally.day[1]!);
    const night = share(tally.night[0]!, tally.night[1]!);
    expect(tally.all[1]).toBeGreaterThan(1500);
    expect(overall).toBeGreaterThanOrEqual(0.55);
    expect(overall).toBeLessThanOrEqual(0.9);
    expect(night).toBeLessThan(day - 0.15);
  });

  it('meets the A1 norm (ambulance on scene within 15 minutes) for most calls', () => {
    let met = 0;
    let total = 0;
    for (const list of cases) {
      const call = list.find((e) => linkOf(e) === 'melding-112');
      const onScene = list.find((e) => linkOf(e) === 'ambulance-ter-plaatse');
      if (call === undefined || onScene === undefined) continue;
      total += 1;
      if (onScene.timestamp - call.timestamp <= 15 * MINUTE) met += 1;
    }
    expect(share(met, total)).toBeGreaterThan(0.85);
    expect(share(met, total)).toBeLessThan(0.97);
  });

  it('spends minutes in the acute part and days on the ward and in rehabilitation', () => {
    const toEd: number[] = [];
    const wardStay: number[] = [];
    const rehab: number[] = [];
    for (const list of cases) {
      const call = list.find((e) => e.activity === 'Melding 112 aangenomen');
      const arrival = list.find((e) => e.activity === 'Aankomst SEH');
      if (call !== undefined && arrival !== undefined) toEd.push((arrival.timestamp - call.timestamp) / MINUTE);
      const admission = list.find((e) => e.activity === 'Opname verpleegafdeling');
      const discharge = list.find((e) => e.activity === 'Ontslag ziekenhuis');
      if (admission !== undefined && discharge !== undefined) {
        wardStay.push((discharge.timestamp - admission.timestamp) / MINUTE / 1440);
      }
      const rehabStart = list.find((e) => e.activity === 'Start revalidatie');
      const rehabEnd = list.find((e) => e.activity === 'Einde revalidatie');
      if (rehabStart !== undefined && rehabEnd !== undefined) {
        rehab.push((rehabEnd.timestamp - rehabStart.timestamp) / MINUTE / 1440);
      }
    }
    expect(median(toEd)).toBeGreaterThan(20);
    expect(median(toEd)).toBeLessThan(45);
    expect(median(wardStay)).toBeGreaterThan(2);
    expect(median(wardStay)).toBeLessThan(14);
    expect(median(rehab)).toBeGreaterThan(21);
    expect(median(rehab)).toBeLessThan(90);
  });

  it('contains the noise of real data: no surgery, transfers, drop-outs, repeated CT, ping-pong', () => {
    const count = (predicate: (list: TrajectoryEvent[]) => boolean) =>
      share(cases.filter(predicate).length, cases.length);
    const withoutSurgery = count((l) => !l.some((e) => e.activity === 'Operatie'));
    const transferred = count((l) => {
      const arrivals = l.filter((e) => e.activity === 'Aankomst SEH').map((e) => e.partnerKey);
      return arrivals.length > 1 && new Set(arrivals).size > 1;
    });
    const terminal = new Set(['Ontslag SEH', 'Ontslag ziekenhuis', 'Einde revalidatie']);
    const droppedOut = count((l) => !terminal.has(l[l.length - 1]!.activity));
    const repeatedCt = count((l) =>
      l.some((e, i) => i > 0 && e.activity === 'CT-scan' && l[i - 1]!.activity === 'CT-scan'),
    );
    const pingPong = count((l) => {
      const rehabStarts = l.filter((e) => e.activity === 'Start revalidatie').length;
      return rehabStarts > 1 && l.some((e) => e.activity === 'Heropname ziekenhuis');
    });
    expect(withoutSurgery).toBeGreaterThan(0.4);
    expect(withoutSurgery).toBeLessThan(0.75);
    expect(transferred).toBeGreaterThan(0.02);
    expect(transferred).toBeLessThan(0.1);
    expect(droppedOut).toBeGreaterThan(0.02);
    expect(droppedOut).toBeLessThan(0.15);
    expect(repeatedCt).toBeGreaterThan(0.01);
    expect(repeatedCt).toBeLessThan(0.08);
    expect(pingPong).toBeGreaterThan(0.002);
    expect(pingPong).toBeLessThan(0.03);
  });

  it('names ambulance units and keeps one unit for a case from dispatch to departure', () => {
    for (const list of cases.slice(0, 500)) {
      const units = new Set(
        list
          .filter((e) =>
            ['Ambulancerit uitgegeven', 'Ambulance ter plaatse', 'Vertrek naar ziekenhuis'].includes(e.activity),
          )
          .map((e) => e.resource),
      );
      expect(units.size).toBe(1);
      expect([...units][0]).toMatch(/^Ambulance 26-1\d\d$/);
    }
  });
});

describe('the youth protection demo data', () => {
  const cases = groupByCase(youthEvents);

  it('holds about 400 children arriving over twelve months', () => {
    expect(cases.length).toBe(400);
    expect([...casesPerMonth(youthEvents).keys()].sort()).toEqual(TWELVE_MONTHS);
  });

  it('maps every event to exactly one link, by a partner responsible for it, in time order', () => {
    expectSoundEvents(youthProtection, youthEvents);
  });

  it('takes days and weeks, not minutes', () => {
    const toAssessment: number[] = [];
    const toCare: number[] = [];
    for (const list of cases) {
      const report = list.find((e) => e.activity === 'Melding Veilig Thuis ontvangen');
      const assessment = list.find((e) => e.activity === 'Veiligheidsbeoordeling afgerond');
      if (report !== undefined && assessment !== undefined) {
        toAssessment.push((assessment.timestamp - report.timestamp) / MINUTE / 1440);
      }
      const guardian = list.find((e) => e.activity === 'Jeugdbeschermer toegewezen');
      const care = list.find((e) => e.activity === 'Start jeugdhulp');
      if (guardian !== undefined && care !== undefined)
        toCare.push((care.timestamp - guardian.timestamp) / MINUTE / 1440);
    }
    expect(median(toAssessment)).toBeGreaterThan(2);
    expect(median(toAssessment)).toBeLessThan(10);
    // The waiting list for youth care: typically more than the six weeks of the norm.
    expect(toCare.length).toBeGreaterThan(50);
    expect(median(toCare)).toBeGreaterThan(42);
  });

  it('holds court hearings on weekdays during office hours', () => {
    const hearings = youthEvents.filter((e) => e.activity === 'Zitting kinderrechter');
    expect(hearings.length).toBeGreaterThan(50);
    for (const hearing of hearings) {
      const { hour, weekday } = localClock(hearing.timestamp);
      expect(['Sat', 'Sun']).not.toContain(weekday);
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(15);
    }
  });
});
