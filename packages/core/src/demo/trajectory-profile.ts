/**
 * The trajectory profile of a chain template: data that describes how cases move through the
 * chain, so that the demo generator can produce plausible event logs for any chain. A profile is
 * a small state machine of steps. Each step emits one event (an activity by a partner, belonging
 * to a link of the model) after a random delay, optionally with a service duration, and then
 * branches to a next step with given probabilities. Time-of-day and weekday effects, office-hour
 * calendars and resource pools are data too, so that an emergency chain (minutes) and a youth
 * protection chain (weeks) use the same generator. All times are in minutes.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from '../chain/chain-schemas.ts';

/** Longest delay or duration a profile may draw: ten years, in minutes. */
export const MAX_PROFILE_MINUTES = 10 * 366 * 24 * 60;

const profileKeySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "aankomst-seh")');

/** A calendar date as `YYYY-MM-DD` that exists (no 31 April). */
export const demoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use an ISO date such as 2025-11-01')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'this date does not exist');

/** Hours of the local (Amsterdam) day, 0–23, each at most once. */
const hoursSchema = z
  .array(z.number().int().min(0).max(23))
  .min(1)
  .max(24)
  .refine((hours) => new Set(hours).size === hours.length, 'each hour may be listed once');

/** ISO weekdays, 1 = Monday … 7 = Sunday, each at most once. */
const weekdaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'each weekday may be listed once');

/** Relative weights; at least one must be positive. */
const weightsSchema = (length: number, what: string) =>
  z
    .array(z.number().min(0).max(1000))
    .length(length, `give ${length} weights, one per ${what}`)
    .refine((weights) => weights.some((w) => w > 0), 'at least one weight must be positive');

/**
 * A lognormal time: half of the draws fall below `medianMinutes`; `sigma` is the spread of the
 * logarithm (0 = always the median, 0.5 = the middle two-thirds lie within a factor 1.65).
 */
export const timeDistributionSchema = z
  .object({
    medianMinutes: z.number().positive().max(MAX_PROFILE_MINUTES),
    sigma: z.number().min(0).max(3),
    /** Upper bound on a draw, to cut off the long tail where that would be implausible. */
    maxMinutes: z.number().positive().max(MAX_PROFILE_MINUTES).optional(),
  })
  .refine((d) => d.maxMinutes === undefined || d.maxMinutes >= d.medianMinutes, {
    message: 'maxMinutes must not be below medianMinutes',
    path: ['maxMinutes'],
  });
/** See {@link timeDistributionSchema}. */
export type TimeDistribution = z.infer<typeof timeDistributionSchema>;

/** One way out of a step: the next step's key, or null to end the case there. */
export const trajectoryBranchSchema = z.object({
  to: profileKeySchema.nullable(),
  /** Share of cases taking this branch; the branches of one step add up to 1. */
  probability: z.number().min(0).max(1),
});
/** See {@link trajectoryBranchSchema}. */
export type TrajectoryBranch = z.infer<typeof trajectoryBranchSchema>;

/** One event a case can go through, with what comes before and after it. */
export const trajectoryStepSchema = z.object({
  key: profileKeySchema,
  /** Activity name written to the event; a link of the model must list it. */
  activity: z.string().trim().min(1).max(200),
  /** Key of the partner that records the event. */
  partner: profileKeySchema,
  /** Key of the link whose activities contain `activity`, and whose partners include `partner`. */
  link: profileKeySchema,
  /**
   * Waiting time from the end of the previous event to this event (to its start, when it has a
   * duration). Not applied when the step opens a case: the first event happens at the arrival.
   */
  delay: timeDistributionSchema.optional(),
  /** Service time; when present the event gets a start timestamp and ends after this time. */
  duration: timeDistributionSchema.optional(),
  /** Key of a resource pool; the event names a unit drawn from it. */
  resource: profileKeySchema.optional(),
  /** Key of a calendar; an event that would fall outside it moves to the next hour inside it (not a case's first event). */
  calendar: profileKeySchema.optional(),
  /** How often one case may pass this step; branches towards a step that is used up are skipped. */
  maxVisits: z.number().int().min(1).max(100).optional(),
  /** Where the case goes next; an empty list ends the case. */
  next: z.array(trajectoryBranchSchema).max(50).default([]),
});
/** See {@link trajectoryStepSchema}. */
export type TrajectoryStep = z.infer<typeof trajectoryStepSchema>;

/**
 * Multiplies a step's delay or duration when the moment it begins falls in the given local hours
 * and/or weekdays, e.g. the on-call team that has to come in at night. Effects that apply together
 * multiply.
 */
export const timeEffectSchema = z
  .object({
    step: profileKeySchema,
    /** What is stretched: the waiting time before the step (default) or its service time. */
    target: z.enum(['delay', 'duration']).default('delay'),
    hours: hoursSchema.optional(),
    weekdays: weekdaysSchema.optional(),
    factor: z.number().positive().max(100),
    /** Why the effect exists, for whoever reads the profile. */
    reason: z.string().trim().max(500).default(''),
  })
  .refine((e) => e.hours !== undefined || e.weekdays !== undefined, 'name the hours, the weekdays or both');
/** See {@link timeEffectSchema}. */
export type TimeEffect = z.infer<typeof timeEffectSchema>;

/** Local hours and weekdays in which a step can happen, e.g. office hours for a court hearing. */
export const workCalendarSchema = z.object({
  key: profileKeySchema,
  weekdays: weekdaysSchema,
  hours: hoursSchema,
});
/** See {@link workCalendarSchema}. */
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

/** Named units (ambulances, teams, rooms) that events are attributed to. */
export const resourcePoolSchema = z.object({
  key: profileKeySchema,
  units: z
    .array(z.string().trim().min(1).max(100))
    .min(1)
    .max(1000)
    .refine((units) => new Set(units).size === units.length, 'each unit may be listed once'),
  /** When true a case keeps the unit it first drew from this pool (the same ambulance all the way). */
  keepPerCase: z.boolean().default(true),
});
/** See {@link resourcePoolSchema}. */
export type ResourcePool = z.infer<typeof resourcePoolSchema>;

/**
 * How many cases arrive and when. `cases` arrive over `months` months from `startDate` (local
 * midnight in Amsterdam); the weights shape the arrival rate by local hour, weekday and month.
 */
export const arrivalPatternSchema = z.object({
  cases: z.number().int().min(1).max(1_000_000),
  months: z.number().int().min(1).max(120),
  startDate: demoDateSchema,
  /** Monday first. */
  weekdayWeights: weightsSchema(7, 'weekday'),
  /** Hour 0 (00:00–01:00) first. */
  hourWeights: weightsSchema(24, 'hour'),
  /** January first; all months alike when absent. */
  monthWeights: weightsSchema(12, 'month').optional(),
});
/** See {@link arrivalPatternSchema}. */
export type ArrivalPattern = z.infer<typeof arrivalPatternSchema>;

/** The whole profile: arrivals, entry branches, steps and what modulates them. */
export const trajectoryProfileSchema = z.object({
  /** Prefix of the generated case ids, e.g. `P` gives `P-000123`. */
  caseIdPrefix: z
    .string()
    .regex(/^[A-Z]{1,4}$/, 'use one to four capital letters')
    .default('P'),
  arrivals: arrivalPatternSchema,
  /** The first step of a new case; probabilities add up to 1 and `to` may not be null. */
  start: z.array(trajectoryBranchSchema).min(1).max(50),
  steps: z.array(trajectoryStepSchema).min(1).max(500),
  effects: z.array(timeEffectSchema).max(500).default([]),
  calendars: z.array(workCalendarSchema).max(50).default([]),
  resources: z.array(resourcePoolSchema).max(100).default([]),
  /** Safety net for loops: a case ends after this many events. */
  maxEventsPerCase: z.number().int().min(1).max(1000).default(60),
});
/** See {@link trajectoryProfileSchema}. */
export type TrajectoryProfile = z.infer<typeof trajectoryProfileSchema>;
