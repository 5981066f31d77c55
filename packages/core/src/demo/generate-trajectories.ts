/**
 * The demo generator: turns the trajectory profile of a chain template into a synthetic event log,
 * the same shape as a partner's trajectory export after pseudonymisation. It is pure and
 * deterministic: the same template, seed and options always give the same events.
 */
import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { computeAmsterdamOffsetMinutes, fromAmsterdamClock } from './amsterdam-time.ts';
import type { ChainTemplate } from './chain-template.ts';
import { createSeededRandom, type SeededRandom } from '../shared/seeded-random.ts';
import { demoDateSchema, type TimeDistribution, type TrajectoryProfile } from './trajectory-profile.ts';

/** One event of one case, as a partner would deliver it. */
export interface TrajectoryEvent {
  /** Pseudonymous case id, e.g. `P-000123`; numbered in order of arrival. */
  readonly caseId: string;
  /** Activity name; exactly one link of the chain model maps it. */
  readonly activity: string;
  /** When the activity was completed (epoch ms, whole seconds). */
  readonly timestamp: number;
  /** When it started, for activities with a service time; null otherwise. */
  readonly startTimestamp: number | null;
  /** Key of the partner that recorded the event. */
  readonly partnerKey: string;
  /** Unit that carried it out (an ambulance, a team, a room), when the profile names one. */
  readonly resource: string | null;
}

/** Options of {@link generateTrajectories}; absent ones come from the template's arrival pattern. */
export const generateTrajectoriesOptionsSchema = z.object({
  /** Any safe integer; each seed gives its own, reproducible data set. */
  seed: z.number().int(),
  /** Number of cases; by default the profile's rate over the chosen number of months. */
  patients: z.number().int().min(1).max(1_000_000).optional(),
  /** First day of arrivals (local midnight, Europe/Amsterdam). */
  startDate: demoDateSchema.optional(),
  /** Length of the arrival period in calendar months. */
  months: z.number().int().min(1).max(120).optional(),
});
/** See {@link generateTrajectoriesOptionsSchema}. */
export type GenerateTrajectoriesOptions = z.infer<typeof generateTrajectoriesOptionsSchema>;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Epoch day 0 (1970-01-01) was a Thursday, ISO weekday 4. */
const EPOCH_WEEKDAY_SHIFT = 3;
/** A calendar with at least one hour and one weekday always has an open hour within this many hours. */
const CALENDAR_SEARCH_HOURS = 8 * 24;

/** Local hour (0–23) and ISO weekday (1–7) of an instant; one call of the offset per lookup. */
function localHourAndWeekday(epochMs: number): [number, number] {
  const local = epochMs + computeAmsterdamOffsetMinutes(epochMs) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
  const weekday = ((((day + EPOCH_WEEKDAY_SHIFT) % 7) + 7) % 7) + 1;
  return [hour, weekday];
}

/** A set of local hours and weekdays, as lookup tables. */
interface TimeMask {
  readonly hours: readonly boolean[] | null;
  readonly weekdays: readonly boolean[] | null;
}

function toMask(hours: readonly number[] | undefined, weekdays: readonly number[] | undefined): TimeMask {
  const table = (size: number, values: readonly number[] | undefined) =>
    values === undefined ? null : Array.from({ length: size }, (_, i) => values.includes(i));
  return { hours: table(24, hours), weekdays: table(8, weekdays) };
}

function matches(mask: TimeMask, hour: number, weekday: number): boolean {
  return (
    (mask.hours === null || mask.hours[hour] === true) && (mask.weekdays === null || mask.weekdays[weekday] === true)
  );
}

interface CompiledEffect {
  readonly mask: TimeMask;
  readonly factor: number;
}

interface CompiledBranch {
  /** Index of the next step, or -1 for the end of the case. */
  readonly to: number;
  readonly probability: number;
}

interface CompiledStep {
  readonly activity: string;
  readonly partnerKey: string;
  readonly delay: TimeDistribution | null;
  readonly duration: TimeDistribution | null;
  readonly delayEffects: readonly CompiledEffect[];
  readonly durationEffects: readonly CompiledEffect[];
  /** Index into the pools, or -1. */
  readonly pool: number;
  readonly calendar: TimeMask | null;
  readonly maxVisits: number;
  readonly next: readonly CompiledBranch[];
}

interface CompiledPool {
  readonly units: readonly string[];
  readonly keepPerCase: boolean;
}

function compileBranches(
  branches: TrajectoryProfile['start'],
  stepIndex: ReadonlyMap<string, number>,
): CompiledBranch[] {
  return branches.map((b) => ({ to: b.to === null ? -1 : (stepIndex.get(b.to) ?? -1), probability: b.probability }));
}

function compileProfile(profile: TrajectoryProfile) {
  const stepIndex = new Map(profile.steps.map((s, i) => [s.key, i]));
  const poolIndex = new Map(profile.resources.map((r, i) => [r.key, i]));
  const calendars = new Map(profile.calendars.map((c) => [c.key, toMask(c.hours, c.weekdays)]));
  const steps: CompiledStep[] = profile.steps.map((step) => {
    const effects = (target: 'delay' | 'duration') =>
      profile.effects
        .filter((e) => e.step === step.key && e.target === target)
        .map((e) => ({ mask: toMask(e.hours, e.weekdays), factor: e.factor }));
    return {
      activity: step.activity,
      partnerKey: step.partner,
      delay: step.delay ?? null,
      duration: step.duration ?? null,
      delayEffects: effects('delay'),
      durationEffects: effects('duration'),
      pool: step.resource === undefined ? -1 : (poolIndex.get(step.resource) ?? -1),
      calendar: step.calendar === undefined ? null : (calendars.get(step.calendar) ?? null),
      maxVisits: step.maxVisits ?? Number.POSITIVE_INFINITY,
      next: compileBranches(step.next, stepIndex),
    };
  });
  return {
    steps,
    start: compileBranches(profile.start, stepIndex),
    pools: profile.resources.map((r): CompiledPool => ({ units: r.units, keepPerCase: r.keepPerCase })),
  };
}

/** Draws a time in minutes and stretches it by every effect that applies at `at`. */
function drawMinutes(
  random: SeededRandom,
  distribution: TimeDistribution,
  effects: readonly CompiledEffect[],
  at: number,
): number {
  let minutes = random.lognormal(distribution.medianMinutes, distribution.sigma);
  if (distribution.maxMinutes !== undefined) minutes = Math.min(minutes, distribution.maxMinutes);
  if (effects.length > 0) {
    const [hour, weekday] = localHourAndWeekday(at);
    for (const effect of effects) {
      if (matches(effect.mask, hour, weekday)) minutes *= effect.factor;
    }
  }
  return minutes;
}

/** Moves an instant forward into the calendar: to a random minute of the next open local hour. */
function moveIntoCalendar(random: SeededRandom, calendar: TimeMask, at: number): number {
  const [hour, weekday] = localHourAndWeekday(at);
  if (matches(calendar, hour, weekday)) return at;
  // Amsterdam offsets are whole hours, so local hours begin on whole UTC hours.
  let hourStart = Math.floor(at / HOUR_MS) * HOUR_MS;
  for (let i = 0; i < CALENDAR_SEARCH_HOURS; i++) {
    hourStart += HOUR_MS;
    const [h, w] = localHourAndWeekday(hourStart);
    if (matches(calendar, h, w)) return hourStart + random.next() * HOUR_MS;
  }
  return at;
}

/** Picks a branch, skipping branches towards steps the case has used up; -1 ends the case. */
function chooseBranch(
  random: SeededRandom,
  branches: readonly CompiledBranch[],
  steps: readonly CompiledStep[],
  visits: Int32Array,
): number {
  let total = 0;
  for (const b of branches) {
    if (b.to < 0 || (visits[b.to] ?? 0) < (steps[b.to]?.maxVisits ?? 0)) total += b.probability;
  }
  const u = random.next() * total;
  if (total <= 0) return -1;
  let sum = 0;
  let last = -1;
  for (const b of branches) {
    if (b.to >= 0 && (visits[b.to] ?? 0) >= (steps[b.to]?.maxVisits ?? 0)) continue;
    sum += b.probability;
    last = b.to;
    if (u < sum) return b.to;
  }
  return last;
}

/** Local midnight in Amsterdam of the ISO date `months` calendar months after `isoDate`. */
function localMidnightAfterMonths(isoDate: string, months: number): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return fromAmsterdamClock(targetYear, targetMonth, Math.min(day, lastDay));
}

/**
 * Draws `count` arrival instants between `from` and `to`, weighted per local hour by the hour,
 * weekday and month weights of the profile, and returns them sorted.
 */
function drawArrivals(
  random: SeededRandom,
  arrivals: TrajectoryProfile['arrivals'],
  from: number,
  to: number,
  count: number,
): Float64Array {
  const slots = Math.max(1, Math.round((to - from) / HOUR_MS));
  const cumulative = new Float64Array(slots);
  let total = 0;
  for (let i = 0; i < slots; i++) {
    const instant = from + i * HOUR_MS;
    const [hour, weekday] = localHourAndWeekday(instant);
    const month = new Date(instant + computeAmsterdamOffsetMinutes(instant) * MINUTE_MS).getUTCMonth();
    total +=
      (arrivals.hourWeights[hour] ?? 0) *
      (arrivals.weekdayWeights[weekday - 1] ?? 0) *
      (arrivals.monthWeights === undefined ? 1 : (arrivals.monthWeights[month] ?? 0));
    cumulative[i] = total;
  }
  const times = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const u = random.next() * total;
    let low = 0;
    let high = slots - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > u) high = mid;
      else low = mid + 1;
    }
    times[n] = from + (low + random.next()) * HOUR_MS;
  }
  return times.sort();
}

const roundToSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

/**
 * Generates the synthetic event log of a template's trajectory profile. Cases arrive over the
 * period with the profile's hour, weekday and month pattern (local time, Europe/Amsterdam) and
 * then walk the profile's steps; a case's first event happens at its arrival (the delay and
 * calendar of that first step do not apply), every later one after its step's delay. Events come sorted by case (in order of arrival), then by time.
 * Throws `validation_failed` when the options are invalid or the template has no profile.
 */
export function generateTrajectories(template: ChainTemplate, options: GenerateTrajectoriesOptions): TrajectoryEvent[] {
  const profile = template.trajectoryProfile;
  if (profile === undefined) {
    throw new DomainError('validation_failed', `template "${template.key}" has no trajectory profile`, [
      { path: 'trajectoryProfile', message: 'this template describes no trajectories' },
    ]);
  }
  const parsed = generateTrajectoriesOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new DomainError(
      'validation_failed',
      'invalid options for generating trajectories',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const { seed, startDate = profile.arrivals.startDate, months = profile.arrivals.months } = parsed.data;
  const patients =
    parsed.data.patients ?? Math.max(1, Math.round((profile.arrivals.cases * months) / profile.arrivals.months));

  const master = createSeededRandom(seed);
  const arrivalRandom = createSeededRandom(Math.floor(master.next() * 2 ** 32));
  const routeRandom = createSeededRandom(Math.floor(master.next() * 2 ** 32));

  const [year, month, day] = startDate.split('-').map(Number) as [number, number, number];
  const from = fromAmsterdamClock(year, month, day);
  const to = localMidnightAfterMonths(startDate, months);
  const arrivals = drawArrivals(arrivalRandom, profile.arrivals, from, to, patients);

  const { steps, start, pools } = compileProfile(profile);
  const visits = new Int32Array(steps.length);
  const keptUnits: (string | null)[] = pools.map(() => null);
  const digits = Math.max(6, String(patients).length);
  const events: TrajectoryEvent[] = [];

  for (let n = 0; n < patients; n++) {
    const caseId = `${profile.caseIdPrefix}-${String(n + 1).padStart(digits, '0')}`;
    visits.fill(0);
    keptUnits.fill(null);
    let clock = arrivals[n] ?? from;
    let current = chooseBranch(routeRandom, start, steps, visits);
    for (let emitted = 0; current >= 0 && emitted < profile.maxEventsPerCase; emitted++) {
      const step = steps[current];
      if (step === undefined) break;
      visits[current] = (visits[current] ?? 0) + 1;
      // The first event happens at the arrival itself, so that arrivals follow the arrival pattern exactly.
      let begin = clock;
      if (emitted > 0) {
        if (step.delay !== null) begin += drawMinutes(routeRandom, step.delay, step.delayEffects, clock) * MINUTE_MS;
        if (step.calendar !== null) begin = moveIntoCalendar(routeRandom, step.calendar, begin);
      }
      const end =
        step.duration === null
          ? begin
          : begin + drawMinutes(routeRandom, step.duration, step.durationEffects, begin) * MINUTE_MS;
      let resource: string | null = null;
      const pool = pools[step.pool];
      if (pool !== undefined) {
        resource = pool.keepPerCase ? (keptUnits[step.pool] ?? null) : null;
        if (resource === null) {
          resource = pool.units[routeRandom.int(pool.units.length)] ?? null;
          if (pool.keepPerCase) keptUnits[step.pool] = resource;
        }
      }
      events.push({
        caseId,
        activity: step.activity,
        timestamp: roundToSecond(end),
        startTimestamp: step.duration === null ? null : roundToSecond(begin),
        partnerKey: step.partnerKey,
        resource,
      });
      clock = end;
      current = chooseBranch(routeRandom, step.next, steps, visits);
    }
  }
  return events;
}
