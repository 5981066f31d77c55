/**
 * Schemas of the course check (koerscheck): the question set, rounds and responses.
 *
 * Every question belongs to one **area**: one of the six building blocks (bouwstenen) or one of
 * the four conditions for success. Scores are 1–5 (1 = strongly disagree, 5 = strongly agree);
 * a question may be skipped ("cannot judge").
 */
import { z } from 'zod';
import {
  bilingualTextSchema,
  calendarDateSchema,
  keySchema,
  momentSchema,
  optionalText,
} from '../shared/schema-parts.ts';
import type { BilingualText } from '../shared/schema-parts.ts';

/** The six building blocks of chain governance, in their numbered order 1–6. */
export const BUILDING_BLOCKS = [
  'goals-and-vision',
  'scope-and-stakeholders',
  'capability-to-change',
  'resources',
  'on-course',
  'anchoring',
] as const;
/** See {@link BUILDING_BLOCKS}. */
export type BuildingBlock = (typeof BUILDING_BLOCKS)[number];

/**
 * The conditions for success: an urgent, complex problem that no partner can solve alone; a
 * shared, well-defined goal; a felt necessity to cooperate; trust between the partners.
 */
export const SUCCESS_CONDITIONS = ['shared-problem', 'shared-goal', 'felt-necessity', 'trust'] as const;
/** See {@link SUCCESS_CONDITIONS}. */
export type SuccessCondition = (typeof SUCCESS_CONDITIONS)[number];

/** All areas a question can belong to: the building blocks, then the conditions. */
export const COURSE_CHECK_AREAS = [...BUILDING_BLOCKS, ...SUCCESS_CONDITIONS] as const;
/** See {@link COURSE_CHECK_AREAS}. */
export const courseCheckAreaSchema = z.enum(COURSE_CHECK_AREAS);
/** See {@link COURSE_CHECK_AREAS}. */
export type CourseCheckArea = z.infer<typeof courseCheckAreaSchema>;

/** Display labels of the areas; building blocks carry their number 1–6. */
export const COURSE_CHECK_AREA_LABELS: Readonly<
  Record<
    CourseCheckArea,
    { readonly group: 'building-block' | 'condition'; readonly number: number | null } & BilingualText
  >
> = {
  'goals-and-vision': { group: 'building-block', number: 1, nl: 'Doelen en visie', en: 'Goals and vision' },
  'scope-and-stakeholders': {
    group: 'building-block',
    number: 2,
    nl: 'Afbakening en betrokkenen',
    en: 'Scope and stakeholders',
  },
  'capability-to-change': { group: 'building-block', number: 3, nl: 'Veranderkracht', en: 'Capability to change' },
  resources: {
    group: 'building-block',
    number: 4,
    nl: 'Middelen: geld en gegevens',
    en: 'Resources: funding and data',
  },
  'on-course': { group: 'building-block', number: 5, nl: 'Nog op koers', en: 'Still on course' },
  anchoring: { group: 'building-block', number: 6, nl: 'Borging', en: 'Anchoring' },
  'shared-problem': {
    group: 'condition',
    number: null,
    nl: 'Urgent, complex en gedeeld probleem',
    en: 'Urgent, complex and shared problem',
  },
  'shared-goal': { group: 'condition', number: null, nl: 'Gedeeld, helder doel', en: 'Shared, well-defined goal' },
  'felt-necessity': { group: 'condition', number: null, nl: 'Gevoelde noodzaak', en: 'Felt necessity' },
  trust: { group: 'condition', number: null, nl: 'Vertrouwen', en: 'Trust' },
};

/** One statement the respondent scores from 1 (strongly disagree) to 5 (strongly agree). */
export const courseCheckQuestionSchema = z.object({
  key: keySchema,
  area: courseCheckAreaSchema,
  text: bilingualTextSchema,
});
/** See {@link courseCheckQuestionSchema}. */
export type CourseCheckQuestion = z.infer<typeof courseCheckQuestionSchema>;

/** A question set: data, so the director can edit it; question keys are unique. */
export const courseCheckQuestionSetSchema = z.object({
  key: keySchema,
  title: bilingualTextSchema,
  questions: z
    .array(courseCheckQuestionSchema)
    .min(1)
    .max(100)
    .refine(
      (questions) => new Set(questions.map((q) => q.key)).size === questions.length,
      'question keys must be unique',
    ),
});
/** See {@link courseCheckQuestionSetSchema}. */
export type CourseCheckQuestionSet = z.infer<typeof courseCheckQuestionSetSchema>;

/** A score from 1 (strongly disagree) to 5 (strongly agree). */
export const courseCheckScoreSchema = z.number().int().min(1).max(5);

/** One answer: a score, or null when the respondent cannot judge; an optional comment. */
export const courseCheckAnswerSchema = z.object({
  questionKey: keySchema,
  score: courseCheckScoreSchema.nullable(),
  comment: optionalText(2000),
});
/** See {@link courseCheckAnswerSchema}. */
export type CourseCheckAnswer = z.infer<typeof courseCheckAnswerSchema>;

/** What a partner contact submits for a round, on behalf of their partner. */
export const courseCheckResponseInputSchema = z.object({
  partnerId: z.string().min(1),
  answers: z
    .array(courseCheckAnswerSchema)
    .min(1)
    .max(100)
    .refine(
      (answers) => new Set(answers.map((a) => a.questionKey)).size === answers.length,
      'answer each question once',
    ),
});
/** See {@link courseCheckResponseInputSchema}. */
export type CourseCheckResponseInput = z.input<typeof courseCheckResponseInputSchema>;

/**
 * A stored response. `respondentId` only groups one person's answers inside the computation; it is
 * never part of any result (respondents are anonymous, partners are visible).
 */
export const courseCheckResponseSchema = courseCheckResponseInputSchema.extend({
  roundId: z.string(),
  respondentId: z.string(),
  submittedAt: momentSchema,
});
/** See {@link courseCheckResponseSchema}. */
export type CourseCheckResponse = z.infer<typeof courseCheckResponseSchema>;

/** Input to open a round: its question set and its dates. */
export const createCourseCheckRoundInputSchema = z.object({
  title: bilingualTextSchema,
  questionSet: courseCheckQuestionSetSchema,
  opensOn: calendarDateSchema,
  closesOn: calendarDateSchema,
});
/** See {@link createCourseCheckRoundInputSchema}. */
export type CreateCourseCheckRoundInput = z.input<typeof createCourseCheckRoundInputSchema>;

/** A round as the API returns it; `number` counts the chain's rounds from 1. */
export const courseCheckRoundSchema = createCourseCheckRoundInputSchema.extend({
  id: z.string(),
  chainId: z.string(),
  number: z.number().int().min(1),
});
/** See {@link courseCheckRoundSchema}. */
export type CourseCheckRound = z.infer<typeof courseCheckRoundSchema>;

/** Lists problems of a response for a question set: every answered question must be in the set. */
export function findCourseCheckResponseProblems(
  questionSet: CourseCheckQuestionSet,
  response: Pick<z.infer<typeof courseCheckResponseInputSchema>, 'answers'>,
): { path: string; message: string }[] {
  const keys = new Set(questionSet.questions.map((q) => q.key));
  return response.answers.flatMap((answer, i) =>
    keys.has(answer.questionKey)
      ? []
      : [{ path: `answers.${i}.questionKey`, message: `"${answer.questionKey}" is not a question of this round` }],
  );
}
