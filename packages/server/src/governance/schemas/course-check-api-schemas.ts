/**
 * Schemas of the course-check API: the chain's question set, rounds with their participation, the
 * results (heat map, averages, spread, change, warnings) and a submitted response. No output
 * contains a respondent key: respondents are anonymous, partners are visible.
 */
import {
  COURSE_CHECK_AREAS,
  courseCheckQuestionSetSchema,
  courseCheckRoundSchema,
  createCourseCheckRoundInputSchema,
  type CourseCheckResults,
} from '@ketenregie/core';
import { z } from 'zod';
import { momentOutputSchema } from './shared-api-schemas.ts';

/** The question set a chain uses for new rounds. */
export const questionSetStateSchema = z.object({
  questionSet: courseCheckQuestionSetSchema,
  /** 0 while the chain uses the default set from core; raised by every change. */
  version: z.number().int().min(0),
  isDefault: z.boolean(),
});
/** See {@link questionSetStateSchema}. */
export type QuestionSetState = z.infer<typeof questionSetStateSchema>;

/** Input to change the chain's question set; `version` 0 when it still used the default. */
export const updateQuestionSetInputSchema = z.object({
  questionSet: courseCheckQuestionSetSchema,
  version: z
    .number()
    .int()
    .min(0)
    .describe('The version the change is based on; 0 when the chain used the default set'),
});
/** See {@link updateQuestionSetInputSchema}. */
export type UpdateQuestionSetInput = z.output<typeof updateQuestionSetInputSchema>;

/** Input to open a round; without a question set the chain's current set is copied. */
export const createRoundInputSchema = createCourseCheckRoundInputSchema.extend({
  questionSet: courseCheckQuestionSetSchema
    .optional()
    .describe("Questions of the round; default the chain's question set"),
});
/** See {@link createRoundInputSchema}. */
export type CreateRoundData = z.output<typeof createRoundInputSchema>;

/** Where a round stands on the day asked. */
export const ROUND_STATES = ['upcoming', 'open', 'closed'] as const;

/** A round with its participation. */
export const roundSummarySchema = courseCheckRoundSchema.extend({
  state: z.enum(ROUND_STATES),
  responseCount: z.number().int(),
  partnerCount: z.number().int(),
  createdBy: z.string(),
  createdAt: momentOutputSchema,
});
/** See {@link roundSummarySchema}. */
export type RoundSummary = z.infer<typeof roundSummarySchema>;

/** A round with how many responses each partner gave (never who). */
export const roundDetailSchema = roundSummarySchema.extend({
  participation: z.array(z.object({ partnerId: z.string(), responses: z.number().int() })),
});
/** See {@link roundDetailSchema}. */
export type RoundDetail = z.infer<typeof roundDetailSchema>;

const areaSchema = z.enum(COURSE_CHECK_AREAS);

/** A course-check warning (core's CourseCheckWarning). */
export const courseCheckWarningSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('low-average'), area: areaSchema, chainAverage: z.number() }),
  z.object({ code: z.literal('area-drop'), area: areaSchema, change: z.number() }),
  z.object({ code: z.literal('partner-area-drop'), partnerId: z.string(), area: areaSchema, change: z.number() }),
  z.object({ code: z.literal('high-spread'), area: areaSchema, spreadBetweenPartners: z.number() }),
  z.object({ code: z.literal('dropout-risk'), partnerId: z.string(), meanChange: z.number() }),
]);

/** Core's course-check results (heat map, chain averages, spread, change and warnings). */
export const courseCheckResultsSchema: z.ZodType<CourseCheckResults> = z.object({
  areas: z.array(areaSchema),
  partners: z.array(
    z.object({
      partnerId: z.string(),
      respondentCount: z.number().int(),
      overallMean: z.number().nullable(),
      meanChange: z.number().nullable(),
      areasCompared: z.number().int(),
    }),
  ),
  cells: z.array(
    z.object({
      partnerId: z.string(),
      area: areaSchema,
      mean: z.number().nullable(),
      respondentCount: z.number().int(),
      previousMean: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
  areaSummaries: z.array(
    z.object({
      area: areaSchema,
      chainAverage: z.number().nullable(),
      spreadBetweenPartners: z.number().nullable(),
      spreadBetweenRespondents: z.number().nullable(),
      partnerCount: z.number().int(),
      respondentCount: z.number().int(),
      previousChainAverage: z.number().nullable(),
      change: z.number().nullable(),
    }),
  ),
  warnings: z.array(courseCheckWarningSchema),
  comments: z.array(
    z.object({ partnerId: z.string(), area: areaSchema, questionKey: z.string(), comment: z.string() }),
  ),
});

/** The results page of a round: the round, the round it is compared with, and the figures. */
export const roundResultsSchema = z.object({
  round: roundSummarySchema,
  /** The round before this one (number − 1), which the changes compare with; null for the first round. */
  previousRound: roundSummarySchema.nullable(),
  results: courseCheckResultsSchema,
});
/** See {@link roundResultsSchema}. */
export type RoundResults = z.infer<typeof roundResultsSchema>;

/** What the submitter gets back: a receipt without any respondent key. */
export const submittedResponseSchema = z.object({
  roundId: z.string(),
  partnerId: z.string(),
  answered: z.number().int(),
  submittedAt: momentOutputSchema,
});
/** See {@link submittedResponseSchema}. */
export type SubmittedResponse = z.infer<typeof submittedResponseSchema>;
