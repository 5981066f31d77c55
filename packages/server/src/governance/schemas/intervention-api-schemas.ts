/**
 * Schemas of the intervention API: what an evaluation compares (a flow figure between two links or
 * an indicator), its comparable periods and settings, and core's before/after result with the
 * bootstrap interval and the verdict. Stored evaluations are read back through these schemas.
 */
import {
  EVALUATION_STATISTICS,
  EVALUATION_VERDICTS,
  INDICATOR_DIRECTIONS,
  evaluationOptionsSchema,
  interventionSchema,
  type NumericEvaluation,
  type ProportionEvaluation,
} from '@ketenregie/core';
import { z } from 'zod';
import { bilingualOutputSchema, dateSchema, momentOutputSchema } from './shared-api-schemas.ts';

/**
 * What an evaluation compares before and after the start:
 * - `flow-duration`: per case, the minutes from the first event at `fromLinkId` to the first event
 *   at `toLinkId` after it (lower is better), e.g. the wait between the SEH and the OK;
 * - `flow-norm`: the share of those cases within `maxMinutes` (higher is better);
 * - `indicator`: the indicator's current measurements, dated at the end of their periods, with the
 *   indicator's direction.
 */
export const evaluationMeasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flow-duration'), fromLinkId: z.string().min(1), toLinkId: z.string().min(1) }),
  z.object({
    kind: z.literal('flow-norm'),
    fromLinkId: z.string().min(1),
    toLinkId: z.string().min(1),
    maxMinutes: z.number().int().min(1).max(525_600),
  }),
  z.object({ kind: z.literal('indicator'), indicatorId: z.string().min(1) }),
]);
/** See {@link evaluationMeasureSchema}. */
export type EvaluationMeasure = z.infer<typeof evaluationMeasureSchema>;

/** Input to evaluate an intervention. */
export const evaluateInterventionInputSchema = z.object({
  measure: evaluationMeasureSchema,
  /** Evaluate as of this date (default today in Amsterdam): only days before it are used. */
  asOf: dateSchema.optional(),
  /** Longest length of each period in days (default 91, a quarter). */
  maxWindowDays: z.number().int().min(1).max(3660).default(91),
  /** Days after the start that belong to neither period, while the change takes hold (default 0). */
  runInDays: z.number().int().min(0).max(365).default(0),
  /** Bootstrap settings; core's defaults (2,000 resamples, 95%, at least 20 per period, seed 1, the mean). */
  options: evaluationOptionsSchema.partial().optional(),
});
/** See {@link evaluateInterventionInputSchema}. */
export type EvaluateInterventionData = z.output<typeof evaluateInterventionInputSchema>;

const periodSchema = z.object({ from: dateSchema, until: dateSchema });
const intervalSchema = z.object({
  level: z.number(),
  lower: z.number(),
  upper: z.number(),
  resamples: z.number().int(),
  seed: z.number().int(),
});
const sampleSchema = z.object({ count: z.number().int(), mean: z.number().nullable(), median: z.number().nullable() });
const countSchema = z.object({ successes: z.number().int(), total: z.number().int(), share: z.number().nullable() });

const numericEvaluationSchema: z.ZodType<NumericEvaluation> = z.object({
  kind: z.literal('numeric'),
  direction: z.enum(INDICATOR_DIRECTIONS),
  statistic: z.enum(EVALUATION_STATISTICS),
  before: sampleSchema,
  after: sampleSchema,
  differenceOfMeans: z.number().nullable(),
  differenceOfMedians: z.number().nullable(),
  meanInterval: intervalSchema.nullable(),
  medianInterval: intervalSchema.nullable(),
  verdict: z.enum(EVALUATION_VERDICTS),
  explanation: bilingualOutputSchema,
});

const proportionEvaluationSchema: z.ZodType<ProportionEvaluation> = z.object({
  kind: z.literal('proportion'),
  direction: z.enum(INDICATOR_DIRECTIONS),
  before: countSchema,
  after: countSchema,
  difference: z.number().nullable(),
  interval: intervalSchema.nullable(),
  verdict: z.enum(EVALUATION_VERDICTS),
  explanation: bilingualOutputSchema,
});

/** Core's evaluation: of a numeric series or of a proportion. */
export const evaluationResultSchema = z.union([numericEvaluationSchema, proportionEvaluationSchema]);

/** How an evaluation was made: what, over which periods, with which settings. */
export const evaluationSettingsSchema = z.object({
  measure: evaluationMeasureSchema,
  /** What was compared, in words, as the explanation names it. */
  subject: bilingualOutputSchema,
  before: periodSchema,
  after: periodSchema,
  lengthDays: z.number().int(),
  runInDays: z.number().int(),
  maxWindowDays: z.number().int(),
  options: evaluationOptionsSchema,
});
/** See {@link evaluationSettingsSchema}. */
export type EvaluationSettings = z.infer<typeof evaluationSettingsSchema>;

/** A stored evaluation of an intervention. */
export const interventionEvaluationSchema = evaluationSettingsSchema.extend({
  id: z.string(),
  interventionId: z.string(),
  evaluatedOn: dateSchema,
  result: evaluationResultSchema,
  createdBy: z.string(),
  createdAt: momentOutputSchema,
});
/** See {@link interventionEvaluationSchema}. */
export type InterventionEvaluation = z.infer<typeof interventionEvaluationSchema>;

/** An intervention with its evaluations, oldest first. */
export const interventionDetailSchema = interventionSchema.extend({
  evaluations: z.array(interventionEvaluationSchema),
});
/** See {@link interventionDetailSchema}. */
export type InterventionDetail = z.infer<typeof interventionDetailSchema>;
