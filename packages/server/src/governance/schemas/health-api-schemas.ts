/**
 * Schema of the regisseur's home page ("are we still on course?"): core's ChainHealth, plus which
 * course-check round its warnings come from.
 */
import {
  AGREEMENT_STATUSES,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  type AgreementNeedingAttention,
  type ChainHealth,
  type IndicatorStatusCounts,
} from '@ketenregie/core';
import { z } from 'zod';
import { courseCheckWarningSchema } from './course-check-api-schemas.ts';
import { dateSchema } from './shared-api-schemas.ts';

const countsSchema: z.ZodType<IndicatorStatusCounts> = z.object({
  'on-course': z.number().int(),
  'at-risk': z.number().int(),
  'off-course': z.number().int(),
  'no-data': z.number().int(),
  total: z.number().int(),
});

const attentionReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('review-overdue'), date: dateSchema, daysOverdue: z.number().int() }),
  z.object({ code: z.literal('review-due-soon'), date: dateSchema, daysUntil: z.number().int() }),
  z.object({ code: z.literal('long-term-without-review'), date: dateSchema.nullable() }),
  z.object({ code: z.literal('due-date-passed'), date: dateSchema, daysOverdue: z.number().int() }),
  z.object({ code: z.literal('end-date-passed'), date: dateSchema, daysOverdue: z.number().int() }),
]);

/** An agreement in the anchoring view with why it needs attention (core's computeAgreementsNeedingAttention). */
export const agreementNeedingAttentionSchema: z.ZodType<AgreementNeedingAttention> = z.object({
  agreementId: z.string(),
  title: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  ownerPartnerId: z.string(),
  reasons: z.array(attentionReasonSchema),
});

/** Core's home-page summary. */
export const chainHealthSchema: z.ZodType<ChainHealth> = z.object({
  today: dateSchema,
  headline: z.enum(['on-course', 'attention', 'off-course']),
  indicators: z.object({
    'on-course': z.number().int(),
    'at-risk': z.number().int(),
    'off-course': z.number().int(),
    'no-data': z.number().int(),
    total: z.number().int(),
    byKind: z.object({ societal: countsSchema, organisational: countsSchema, process: countsSchema }),
  }),
  indicatorsOffTrack: z.array(
    z.object({
      indicatorId: z.string(),
      kind: z.enum(INDICATOR_KINDS),
      status: z.enum(INDICATOR_STATUSES),
      shortfall: z.number().nullable(),
    }),
  ),
  courseCheckWarnings: z.array(courseCheckWarningSchema),
  dropoutRiskPartnerIds: z.array(z.string()),
  agreementsNeedingAttention: z.array(agreementNeedingAttentionSchema),
  partnersLosingMoney: z.array(z.object({ partnerId: z.string(), npvCents: z.number().int() })),
  wrongPocket: z.boolean(),
  runningInterventionIds: z.array(z.string()),
});

/** The home page: core's summary, and the course-check round whose warnings it shows (null without rounds). */
export const healthSummarySchema = z.object({
  health: chainHealthSchema,
  latestCourseCheckRoundId: z.string().nullable(),
});
/** See {@link healthSummarySchema}. */
export type HealthSummary = z.infer<typeof healthSummarySchema>;
