/**
 * Schemas of improvement interventions and of the settings of their evaluation.
 */
import { z } from 'zod';
import { versionSchema } from '../../chain/chain-schemas.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { calendarDateSchema, idListSchema, optionalText, requiredText } from '../shared/schema-parts.ts';

/** `planned` (not started), `running`, `completed` (ran its course), `stopped` (ended early). */
export const INTERVENTION_STATUSES = ['planned', 'running', 'completed', 'stopped'] as const;
/** See {@link INTERVENTION_STATUSES}. */
export const interventionStatusSchema = z.enum(INTERVENTION_STATUSES);
/** See {@link INTERVENTION_STATUSES}. */
export type InterventionStatus = z.infer<typeof interventionStatusSchema>;

const interventionFieldsObject = z.object({
  title: requiredText(200),
  /** What is expected and why, e.g. "Als de meldkamer vooraf aankondigt, daalt de wachttijd op de SEH, omdat …". */
  hypothesis: requiredText(2000),
  description: optionalText(4000),
  ownerPartnerId: z.string().min(1),
  /** Links of the primary process the intervention changes. */
  linkIds: idListSchema.default([]),
  /** Indicators the intervention is meant to move. */
  indicatorIds: idListSchema.default([]),
  startDate: calendarDateSchema,
  /** Planned or actual end; null = open-ended. */
  endDate: calendarDateSchema.nullable().default(null),
  status: interventionStatusSchema.default('planned'),
});

/** The fields of an intervention after parsing. */
export type InterventionFields = z.infer<typeof interventionFieldsObject>;

/** Lists inconsistencies of an intervention: it targets a link or an indicator; it ends after it starts. */
export function findInterventionProblems(fields: InterventionFields): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (fields.linkIds.length === 0 && fields.indicatorIds.length === 0) {
    problems.push({ path: 'linkIds', message: 'name at least one link or indicator the intervention targets' });
  }
  if (fields.endDate !== null && fields.endDate < fields.startDate) {
    problems.push({ path: 'endDate', message: 'the end date lies before the start date' });
  }
  return problems;
}

function refineIntervention(fields: InterventionFields, ctx: z.RefinementCtx): void {
  for (const problem of findInterventionProblems(fields)) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
}

/** Input to register an intervention. */
export const createInterventionInputSchema = interventionFieldsObject.superRefine(refineIntervention);
/** See {@link createInterventionInputSchema}. */
export type CreateInterventionInput = z.input<typeof createInterventionInputSchema>;

/** Input to change an intervention: the complete fields and the version edited. */
export const updateInterventionInputSchema = interventionFieldsObject
  .extend({ version: versionSchema })
  .superRefine(refineIntervention);
/** See {@link updateInterventionInputSchema}. */
export type UpdateInterventionInput = z.input<typeof updateInterventionInputSchema>;

/** An intervention as the API returns it. */
export const interventionSchema = interventionFieldsObject.extend({
  id: z.string(),
  chainId: z.string(),
  version: versionSchema,
});
/** See {@link interventionSchema}. */
export type Intervention = z.infer<typeof interventionSchema>;

/** Which statistic of a numeric series the verdict is based on. */
export const EVALUATION_STATISTICS = ['mean', 'median'] as const;
/** See {@link EVALUATION_STATISTICS}. */
export type EvaluationStatistic = (typeof EVALUATION_STATISTICS)[number];

/** Settings of a before/after evaluation; the defaults are the documented method. */
export const evaluationOptionsSchema = z.object({
  /** Bootstrap resamples (default 2,000). */
  resamples: z.number().int().min(100).max(100_000).default(2000),
  /** Confidence level of the interval (default 0.95). */
  confidenceLevel: z.number().min(0.5).max(0.999).default(0.95),
  /** Fewer observations than this in either period → "insufficient data" (default 20). */
  minObservationsPerPeriod: z.number().int().min(2).max(100_000).default(20),
  /** Seed of the resampling; the same seed gives the same interval (default 1). */
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  /** Numeric series only: the statistic the verdict is based on (default the mean). */
  statistic: z.enum(EVALUATION_STATISTICS).default('mean'),
});
/** See {@link evaluationOptionsSchema}. */
export type EvaluationOptions = z.infer<typeof evaluationOptionsSchema>;
