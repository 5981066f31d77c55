import { describe, expect, it } from 'vitest';
import { computeCourseCheckResults, type CourseCheckRoundData } from './compute-course-check-results.ts';
import {
  BUILDING_BLOCKS,
  COURSE_CHECK_AREAS,
  SUCCESS_CONDITIONS,
  courseCheckQuestionSetSchema,
  courseCheckResponseInputSchema,
  findCourseCheckResponseProblems,
  type CourseCheckQuestionSet,
} from './course-check-schemas.ts';
import { DEFAULT_COURSE_CHECK_QUESTION_SET } from './default-question-set.ts';

const questionSet: CourseCheckQuestionSet = {
  key: 'test',
  title: { nl: 'Test', en: 'Test' },
  questions: [
    { key: 'g1', area: 'goals-and-vision', text: { nl: 'g1', en: 'g1' } },
    { key: 'g2', area: 'goals-and-vision', text: { nl: 'g2', en: 'g2' } },
    { key: 'r1', area: 'resources', text: { nl: 'r1', en: 'r1' } },
    { key: 't1', area: 'trust', text: { nl: 't1', en: 't1' } },
  ],
};

type Scores = Record<'g1' | 'g2' | 'r1' | 't1', number | null>;
function response(
  partnerId: string,
  respondentId: string,
  scores: Scores,
  comments: Partial<Record<string, string>> = {},
) {
  return {
    partnerId,
    respondentId,
    answers: Object.entries(scores).map(([questionKey, score]) => ({
      questionKey,
      score,
      comment: comments[questionKey] ?? '',
    })),
  };
}

// Current round                         goals (g1,g2 → mean)   resources   trust
//   P: secret-p1                         4, 2 → 3                5           4
//   P: secret-p2                         5, 5 → 5                3           –
//   Q: secret-q1                         2, 3 → 2.5              2           3
// Heat map:  P  goals (3+5)/2 = 4    resources (5+3)/2 = 4   trust 4
//            Q  goals 2.5            resources 2             trust 3
// Chain average (mean of partner means): goals 3.25, resources 3, trust 3.5
// Spread between partners (population SD of two values = half their distance): 0.75, 1.0, 0.5
// Spread between respondents: goals [3, 5, 2.5]: mean 3.5, squares 0.25+2.25+1 = 3.5, /3, √ = 1.0801
//                             resources [5, 3, 2]: mean 10/3, squares 25/9+1/9+16/9 = 42/9, /3, √ = 1.2472
//                             trust [4, 3] → 0.5
const current: CourseCheckRoundData = {
  questionSet,
  responses: [
    response('P', 'secret-p1', { g1: 4, g2: 2, r1: 5, t1: 4 }, { r1: 'Budget staat onder druk', g1: 'Helder' }),
    response('Q', 'secret-q1', { g1: 2, g2: 3, r1: 2, t1: 3 }, { r1: 'Wij betalen, anderen profiteren' }),
    response('P', 'secret-p2', { g1: 5, g2: 5, r1: 3, t1: null }, { r1: 'Aandacht nodig' }),
  ],
};

// Previous round: P goals (4+5)/2 = 4.5, resources (5+4)/2 = 4.5, trust 4 (p2 skipped)
//                 Q goals 3, resources 3, trust 4
// Previous chain averages: goals 3.75, resources 3.75, trust 4
// Changes: P goals −0.5, resources −0.5, trust 0 → mean −1/3
//          Q goals −0.5, resources −1, trust −1 → mean −5/6 (falls fastest → dropout risk)
// Area changes: goals 3.25 − 3.75 = −0.5, resources 3 − 3.75 = −0.75, trust 3.5 − 4 = −0.5
const previous: CourseCheckRoundData = {
  questionSet,
  responses: [
    response('P', 'secret-p1', { g1: 4, g2: 4, r1: 5, t1: 4 }),
    response('P', 'secret-p2', { g1: 5, g2: 5, r1: 4, t1: null }),
    response('Q', 'secret-q1', { g1: 3, g2: 3, r1: 3, t1: 4 }),
  ],
};

describe('computeCourseCheckResults', () => {
  const results = computeCourseCheckResults(current, previous);

  it('computes the 2×3 heat map with changes', () => {
    expect(results.areas).toEqual(['goals-and-vision', 'resources', 'trust']);
    expect(
      results.cells.map((c) => [c.partnerId, c.area, c.mean, c.respondentCount, c.previousMean, c.change]),
    ).toEqual([
      ['P', 'goals-and-vision', 4, 2, 4.5, -0.5],
      ['P', 'resources', 4, 2, 4.5, -0.5],
      ['P', 'trust', 4, 1, 4, 0],
      ['Q', 'goals-and-vision', 2.5, 1, 3, -0.5],
      ['Q', 'resources', 2, 1, 3, -1],
      ['Q', 'trust', 3, 1, 4, -1],
    ]);
  });

  it('computes chain averages, both spreads and the change per area', () => {
    const summary = Object.fromEntries(results.areaSummaries.map((s) => [s.area, s]));
    expect(summary['goals-and-vision']?.chainAverage).toBe(3.25);
    expect(summary.resources?.chainAverage).toBe(3);
    expect(summary.trust?.chainAverage).toBe(3.5);
    expect(summary['goals-and-vision']?.spreadBetweenPartners).toBeCloseTo(0.75, 12);
    expect(summary.resources?.spreadBetweenPartners).toBeCloseTo(1, 12);
    expect(summary.trust?.spreadBetweenPartners).toBeCloseTo(0.5, 12);
    expect(summary['goals-and-vision']?.spreadBetweenRespondents).toBeCloseTo(Math.sqrt(3.5 / 3), 12);
    expect(summary.resources?.spreadBetweenRespondents).toBeCloseTo(Math.sqrt(42 / 27), 12);
    expect(summary.trust?.spreadBetweenRespondents).toBeCloseTo(0.5, 12);
    expect(summary.resources?.previousChainAverage).toBe(3.75);
    expect(summary.resources?.change).toBe(-0.75);
    expect(summary.trust?.respondentCount).toBe(2);
  });

  it('warns about drops, disagreement and the partner falling fastest', () => {
    expect(results.partners.map((p) => [p.partnerId, p.respondentCount, p.areasCompared])).toEqual([
      ['P', 2, 3],
      ['Q', 1, 3],
    ]);
    expect(results.partners[0]?.meanChange).toBeCloseTo(-1 / 3, 12);
    expect(results.partners[1]?.meanChange).toBeCloseTo(-5 / 6, 12);
    expect(
      results.warnings.map((w) =>
        'area' in w ? `${w.code}:${'partnerId' in w ? `${w.partnerId}:` : ''}${w.area}` : `${w.code}:${w.partnerId}`,
      ),
    ).toEqual([
      'area-drop:goals-and-vision',
      'area-drop:resources',
      'high-spread:resources',
      'area-drop:trust',
      'partner-area-drop:P:goals-and-vision',
      'partner-area-drop:P:resources',
      'partner-area-drop:Q:goals-and-vision',
      'partner-area-drop:Q:resources',
      'partner-area-drop:Q:trust',
      'dropout-risk:Q',
    ]);
  });

  it('warns about a block below 3', () => {
    const low = computeCourseCheckResults({
      questionSet,
      responses: [
        response('P', 'x', { g1: 2, g2: 3, r1: 3, t1: 3 }),
        response('Q', 'y', { g1: 3, g2: 3, r1: 3, t1: 3 }),
      ],
    });
    // goals: P 2.5, Q 3 → 2.75 < 3; resources exactly 3 is not below 3
    expect(low.warnings).toEqual([{ code: 'low-average', area: 'goals-and-vision', chainAverage: 2.75 }]);
    expect(low.cells.every((c) => c.change === null)).toBe(true);
  });

  it('never exposes respondent ids, and orders comments by partner, question and text', () => {
    expect(JSON.stringify(results)).not.toMatch(/secret/);
    expect(results.comments).toEqual([
      { partnerId: 'P', area: 'goals-and-vision', questionKey: 'g1', comment: 'Helder' },
      { partnerId: 'P', area: 'resources', questionKey: 'r1', comment: 'Aandacht nodig' },
      { partnerId: 'P', area: 'resources', questionKey: 'r1', comment: 'Budget staat onder druk' },
      { partnerId: 'Q', area: 'resources', questionKey: 'r1', comment: 'Wij betalen, anderen profiteren' },
    ]);
  });

  it('counts only the last response of a respondent', () => {
    const twice = computeCourseCheckResults({
      questionSet,
      responses: [
        response('P', 'x', { g1: 1, g2: 1, r1: 1, t1: 1 }),
        response('P', 'x', { g1: 5, g2: 5, r1: 5, t1: 5 }),
      ],
    });
    expect(twice.cells[0]?.mean).toBe(5);
    expect(twice.partners[0]?.respondentCount).toBe(1);
  });
});

describe('course-check question sets', () => {
  it('ships a valid default set: three questions per building block, one per condition, in both languages', () => {
    const parsed = courseCheckQuestionSetSchema.parse(DEFAULT_COURSE_CHECK_QUESTION_SET);
    for (const block of BUILDING_BLOCKS) expect(parsed.questions.filter((q) => q.area === block)).toHaveLength(3);
    for (const condition of SUCCESS_CONDITIONS)
      expect(parsed.questions.filter((q) => q.area === condition)).toHaveLength(1);
    expect(new Set(parsed.questions.map((q) => q.area))).toEqual(new Set(COURSE_CHECK_AREAS));
  });

  it('validates responses against the set', () => {
    expect(
      courseCheckResponseInputSchema.safeParse({ partnerId: 'p', answers: [{ questionKey: 'g1', score: 6 }] }).success,
    ).toBe(false);
    const parsed = courseCheckResponseInputSchema.parse({
      partnerId: 'p',
      answers: [
        { questionKey: 'g1', score: 4 },
        { questionKey: 'nope', score: null },
      ],
    });
    expect(findCourseCheckResponseProblems(questionSet, parsed)).toEqual([
      { path: 'answers.1.questionKey', message: '"nope" is not a question of this round' },
    ]);
  });
});
