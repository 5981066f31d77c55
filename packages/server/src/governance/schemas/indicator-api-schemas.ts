/**
 * Schemas of the indicator API beyond core's: how a process indicator is computed from the flow
 * data, and the outputs (status, trend and forecast, series, history, contribution graph). The
 * outputs are typed against core's result types, so the compiler catches a schema that drifts.
 */
import {
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  INDICATOR_VERSIONED_FIELDS,
  MEASUREMENT_SOURCES,
  NO_FORECAST_REASONS,
  createIndicatorInputSchema,
  indicatorAgreementSchema,
  indicatorReferencePointSchema,
  indicatorSchema,
  indicatorVersionSchema,
  measurementPeriodSchema,
  measurementRevisionSchema,
  reviseIndicatorInputSchema,
  type ContributionNode,
  type CurrentMeasurement,
  type IndicatorForecast,
  type IndicatorStatusResult,
  type IndicatorTrend,
  type IndicatorVersionDiff,
  type SocietalContribution,
} from '@ketenregie/core';
import { z } from 'zod';
import { dateSchema, momentOutputSchema } from './shared-api-schemas.ts';

/** What a process indicator computes from the trajectory events between two links. */
export const FLOW_MEASURES = ['share-within-norm', 'median-minutes'] as const;
/** See {@link FLOW_MEASURES}. */
export type FlowMeasure = (typeof FLOW_MEASURES)[number];

/** Largest norm of a flow source: one year in minutes. */
const MAX_FLOW_NORM_MINUTES = 525_600;

/**
 * How a process indicator is computed from the stored events. Per case: the first event at the
 * `from` link, then the first event at the `to` link at or after it; the case counts in the period
 * (in Europe/Amsterdam) of its `from` event. `share-within-norm` is the percentage of those cases
 * that took at most `maxMinutes`; `median-minutes` the median time in minutes.
 */
export const flowSourceInputSchema = z
  .object({
    measure: z.enum(FLOW_MEASURES),
    fromLinkId: z.string().min(1),
    toLinkId: z.string().min(1),
    /** The norm in minutes; required for `share-within-norm`, absent for `median-minutes`. */
    maxMinutes: z.number().int().min(1).max(MAX_FLOW_NORM_MINUTES).nullable().default(null),
  })
  .superRefine((source, ctx) => {
    if (source.measure === 'share-within-norm' && source.maxMinutes === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxMinutes'],
        message: 'the share within the norm needs the norm in minutes',
      });
    }
    if (source.measure === 'median-minutes' && source.maxMinutes !== null) {
      ctx.addIssue({ code: 'custom', path: ['maxMinutes'], message: 'a median needs no norm; leave maxMinutes empty' });
    }
    if (source.fromLinkId === source.toLinkId) {
      ctx.addIssue({ code: 'custom', path: ['toLinkId'], message: 'choose a later link than fromLinkId' });
    }
  });
/** See {@link flowSourceInputSchema}. */
export type FlowSource = z.output<typeof flowSourceInputSchema>;

/** A stored flow source. */
export const flowSourceSchema = z.object({
  measure: z.enum(FLOW_MEASURES),
  fromLinkId: z.string(),
  toLinkId: z.string(),
  maxMinutes: z.number().int().nullable(),
});

const flowSourceField = flowSourceInputSchema
  .nullable()
  .default(null)
  .describe('Process indicators only: compute the measurements from the trajectory data between two links');

/** Input to create an indicator: core's definition with its agreement record, and an optional flow source. */
export const createGovernanceIndicatorInputSchema = createIndicatorInputSchema.safeExtend({
  flowSource: flowSourceField,
});
/** See {@link createGovernanceIndicatorInputSchema}. */
export type CreateGovernanceIndicatorData = z.output<typeof createGovernanceIndicatorInputSchema>;

/** Input to revise an indicator (a new version): the complete definition, the version it was based on, why and who agreed. */
export const reviseGovernanceIndicatorInputSchema = reviseIndicatorInputSchema.safeExtend({
  flowSource: flowSourceField,
});
/** See {@link reviseGovernanceIndicatorInputSchema}. */
export type ReviseGovernanceIndicatorData = z.output<typeof reviseGovernanceIndicatorInputSchema>;

/** An indicator (its current version) with its flow source and who recorded the version. */
export const governanceIndicatorSchema = indicatorSchema.extend({
  flowSource: flowSourceSchema.nullable(),
  /** The person or system that stored this version (who agreed is in `agreedBy`). */
  recordedBy: z.string(),
});
/** See {@link governanceIndicatorSchema}. */
export type GovernanceIndicator = z.infer<typeof governanceIndicatorSchema>;

/** One version of an indicator, as kept in its history. */
export const governanceIndicatorVersionSchema = indicatorVersionSchema.extend({
  flowSource: flowSourceSchema.nullable(),
  recordedBy: z.string(),
});
/** See {@link governanceIndicatorVersionSchema}. */
export type GovernanceIndicatorVersion = z.infer<typeof governanceIndicatorVersionSchema>;

const datedValueSchema = z.object({ date: dateSchema, value: z.number() });

const indicatorTrendSchema: z.ZodType<IndicatorTrend> = z.object({
  slopePerDay: z.number(),
  slopePerMonth: z.number(),
  slopePerYear: z.number(),
  progressPerYear: z.number(),
  requiredProgressPerYear: z.number(),
  direction: z.enum(['improving', 'worsening', 'flat']),
  valueAtLatest: z.number(),
  firstDate: dateSchema,
  lastDate: dateSchema,
  pointCount: z.number().int(),
});

const indicatorForecastSchema: z.ZodType<IndicatorForecast> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('target-reached'), date: dateSchema }),
  z.object({ kind: z.literal('forecast'), date: dateSchema, onTime: z.boolean() }),
  z.object({ kind: z.literal('none'), reason: z.enum(NO_FORECAST_REASONS) }),
]);

/** Status of an indicator against its path, with trend and forecast (core's computeIndicatorStatus). */
export const indicatorStatusResultSchema: z.ZodType<IndicatorStatusResult> = z.object({
  status: z.enum(INDICATOR_STATUSES),
  measurementCount: z.number().int(),
  latest: datedValueSchema.nullable(),
  targetReached: z.boolean(),
  assessedValue: z.number().nullable(),
  assessedBy: z.enum(['trend-line', 'latest-measurement']).nullable(),
  pathValue: z.number().nullable(),
  progress: z.number().nullable(),
  expectedProgress: z.number().nullable(),
  shortfall: z.number().nullable(),
  trend: indicatorTrendSchema.nullable(),
  forecast: indicatorForecastSchema,
});

/** The value of a period that counts (its latest revision). */
export const currentMeasurementSchema: z.ZodType<CurrentMeasurement> = z.object({
  indicatorId: z.string(),
  period: measurementPeriodSchema,
  date: dateSchema,
  value: z.number(),
  revision: z.number().int(),
  revisionCount: z.number().int(),
  recordedAt: momentOutputSchema,
  recordedBy: z.string(),
  source: z.enum(MEASUREMENT_SOURCES),
  note: z.string(),
});

const fieldValueSchema = z.union([z.string(), z.null(), z.array(z.string()), indicatorReferencePointSchema]);

/** What changed from one version to the next. */
export const indicatorVersionDiffSchema: z.ZodType<IndicatorVersionDiff> = z.object({
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  reason: z.string(),
  agreedBy: z.array(indicatorAgreementSchema),
  agreedOn: dateSchema,
  changes: z.array(
    z.object({ field: z.enum(INDICATOR_VERSIONED_FIELDS), before: fieldValueSchema, after: fieldValueSchema }),
  ),
  pathChanged: z.boolean(),
});

/** An indicator in the contribution graph. */
export const contributionNodeSchema: z.ZodType<ContributionNode> = z.object({
  indicatorId: z.string(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  ownerPartnerId: z.string().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  progressPerYear: z.number().nullable(),
  paceRatio: z.number().nullable(),
  pace: z.enum(['improving', 'standing-still', 'in-between', 'unknown']),
});

/** A societal indicator with what contributes to it, and the "own figures optimised" warning. */
export const societalContributionSchema: z.ZodType<SocietalContribution> = z.object({
  societal: contributionNodeSchema,
  organisational: z.array(contributionNodeSchema),
  process: z.array(contributionNodeSchema),
  linkIds: z.array(z.string()),
  ownFiguresOptimised: z.boolean(),
});

/** An indicator with its status, as the list shows it. */
export const indicatorWithStatusSchema = governanceIndicatorSchema.extend({ status: indicatorStatusResultSchema });
/** See {@link indicatorWithStatusSchema}. */
export type IndicatorWithStatus = z.infer<typeof indicatorWithStatusSchema>;

/** The common agenda: every indicator with its status, and the contribution graph. */
export const indicatorListSchema = z.object({
  indicators: z.array(indicatorWithStatusSchema),
  contributions: z.array(societalContributionSchema),
});
/** See {@link indicatorListSchema}. */
export type IndicatorList = z.infer<typeof indicatorListSchema>;

/** One version in an indicator's history, with what changed since the version before (null for the first). */
export const indicatorHistoryEntrySchema = z.object({
  version: governanceIndicatorVersionSchema,
  changes: indicatorVersionDiffSchema.nullable(),
});

/** Everything the indicator page shows: definition, status, the series, the path, trend and forecast, history. */
export const indicatorDetailSchema = z.object({
  indicator: governanceIndicatorSchema,
  status: indicatorStatusResultSchema,
  /** The current value of every measured period, oldest first. */
  series: z.array(currentMeasurementSchema),
  /** The straight path from baseline to target (the chart's target line). */
  path: z.object({ baseline: indicatorReferencePointSchema, target: indicatorReferencePointSchema }),
  /**
   * The least-squares trend line from the first measurement to the forecast date (or to the latest
   * measurement when there is no forecast); null without a trend.
   */
  trendLine: z.array(datedValueSchema).nullable(),
  /** Every version, oldest first. */
  history: z.array(indicatorHistoryEntrySchema),
  /** For a societal indicator: what contributes to it; null otherwise. */
  contribution: societalContributionSchema.nullable(),
  /** For an organisational or process indicator: the societal indicators it contributes to. */
  contributesTo: z.array(contributionNodeSchema),
});
/** See {@link indicatorDetailSchema}. */
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

/** An indicator's measurements: the current value per period and every stored revision. */
export const measurementListSchema = z.object({
  current: z.array(currentMeasurementSchema),
  /** Every revision, by period and then revision number. */
  revisions: z.array(measurementRevisionSchema),
});
/** See {@link measurementListSchema}. */
export type MeasurementList = z.infer<typeof measurementListSchema>;

/** Input to correct the value of a period: a new revision, based on the revision the user saw. */
export const correctMeasurementInputSchema = z.object({
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  /** Why the figure is corrected; kept with the revision. */
  note: z.string().trim().min(1, 'say why the figure is corrected').max(1000),
  /** The revision the correction is based on; refused when someone corrected the period since. */
  basedOnRevision: z.number().int().min(1),
});
/** See {@link correctMeasurementInputSchema}. */
export type CorrectMeasurementInput = z.output<typeof correctMeasurementInputSchema>;

/** What happened to one stored value. */
export const MEASUREMENT_OUTCOMES = ['added', 'corrected', 'unchanged'] as const;
/** See {@link MEASUREMENT_OUTCOMES}. */
export type MeasurementOutcome = (typeof MEASUREMENT_OUTCOMES)[number];

/** Largest CSV accepted in one upload (the JSON body limit is 1 MiB). */
export const MAX_MEASUREMENT_CSV_CHARS = 900_000;

/** Body of a CSV upload of measurements. */
export const measurementCsvInputSchema = z.object({
  csv: z
    .string()
    .min(1)
    .max(MAX_MEASUREMENT_CSV_CHARS)
    .describe(
      'CSV with a header row: indicator (key), period, value and optionally note (Dutch headers indicator, periode, waarde, toelichting also work); delimiter , ; or tab',
    ),
});

/** The outcome of a CSV upload: every row stored, or (on any problem) nothing. */
export const measurementCsvResultSchema = z.object({
  rows: z.number().int(),
  added: z.number().int(),
  corrected: z.number().int(),
  unchanged: z.number().int(),
  measurements: z.array(
    z.object({
      line: z.number().int(),
      indicatorId: z.string(),
      indicatorKey: z.string(),
      period: z.string(),
      revision: z.number().int(),
      outcome: z.enum(MEASUREMENT_OUTCOMES),
    }),
  ),
});
/** See {@link measurementCsvResultSchema}. */
export type MeasurementCsvResult = z.infer<typeof measurementCsvResultSchema>;

/** The outcome of recomputing a process indicator from the flow data. */
export const flowMeasurementResultSchema = z.object({
  indicatorId: z.string(),
  periods: z.array(
    z.object({
      period: z.string(),
      cases: z.number().int(),
      value: z.number(),
      revision: z.number().int(),
      outcome: z.enum(MEASUREMENT_OUTCOMES),
    }),
  ),
  /** Periods with fewer cases than the small-cell threshold: no value is stored for them. */
  suppressedPeriods: z.array(z.object({ period: z.string() })),
});
/** See {@link flowMeasurementResultSchema}. */
export type FlowMeasurementResult = z.infer<typeof flowMeasurementResultSchema>;
