import { DEFAULT_COURSE_CHECK_QUESTION_SET, type CourseCheckQuestionSet } from '@ketenregie/core';
import { expect, it } from 'vitest';
import {
  createRound,
  getQuestionSet,
  getRound,
  getRoundResults,
  listRounds,
  submitResponse,
  updateQuestionSet,
} from '../src/governance/services/course-check-service.ts';
import { DIRECTOR_ACTOR } from '../src/governance/services/governance-actor.ts';
import { buildGovernanceChain, partnerActor } from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const MINI: CourseCheckQuestionSet = {
  key: 'mini',
  title: { nl: 'Mini', en: 'Mini' },
  questions: [
    { key: 'doel-a', area: 'goals-and-vision', text: { nl: 'Doel A', en: 'Goal A' } },
    { key: 'doel-b', area: 'goals-and-vision', text: { nl: 'Doel B', en: 'Goal B' } },
    { key: 'vertrouwen', area: 'trust', text: { nl: 'Vertrouwen', en: 'Trust' } },
  ],
};

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

describeEachDatabase('governance: course check', (ctx) => {
  it('keeps the question set as data: the default until the director changes it, with versions', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    expect(await getQuestionSet(ctx.db, chain.chainId)).toEqual({
      questionSet: DEFAULT_COURSE_CHECK_QUESTION_SET,
      version: 0,
      isDefault: true,
    });
    const changed = await updateQuestionSet(ctx.db, chain.chainId, { questionSet: MINI, version: 0 }, DIRECTOR_ACTOR);
    expect(changed).toEqual({ questionSet: MINI, version: 1, isDefault: false });
    expect(
      (
        await domainError(() =>
          updateQuestionSet(ctx.db, chain.chainId, { questionSet: MINI, version: 0 }, DIRECTOR_ACTOR),
        )
      ).code,
    ).toBe('version_conflict');
    const round = await createRound(
      ctx.db,
      chain.chainId,
      { title: { nl: 'Ronde', en: 'Round' }, opensOn: '2026-03-01', closesOn: '2026-03-21' },
      DIRECTOR_ACTOR,
      '2026-03-05',
    );
    expect(round).toMatchObject({ number: 1, questionSet: MINI, state: 'open', responseCount: 0 });
    await updateQuestionSet(
      ctx.db,
      chain.chainId,
      { questionSet: DEFAULT_COURSE_CHECK_QUESTION_SET, version: 1 },
      DIRECTOR_ACTOR,
    );
    expect((await getRound(ctx.db, chain.chainId, round.id, '2026-03-05')).questionSet).toEqual(MINI);
  });

  it('computes heat map, averages, spread, change and warnings as recomputed here, and never shows a respondent', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const a = chain.partner('ambulance');
    const b = chain.partner('ziekenhuis');
    const open = async (n: number) =>
      createRound(
        ctx.db,
        chain.chainId,
        {
          title: { nl: `Ronde ${n}`, en: `Round ${n}` },
          questionSet: MINI,
          opensOn: `2026-0${n}-01`,
          closesOn: `2026-0${n}-20`,
        },
        DIRECTOR_ACTOR,
        `2026-0${n}-02`,
      );
    const answer = (partnerId: string, scores: readonly (number | null)[], comment = '') => ({
      partnerId,
      answers: MINI.questions.map((q, i) => ({
        questionKey: q.key,
        score: scores[i] ?? null,
        comment: i === 0 ? comment : '',
      })),
    });
    const first = await open(1);
    for (const response of [answer(a, [4, 4, 5]), answer(a, [3, 5, null]), answer(b, [2, 3, 2])]) {
      await submitResponse(ctx.db, chain.chainId, first.id, response, DIRECTOR_ACTOR, '2026-01-05');
    }
    const second = await open(2);
    for (const response of [
      answer(a, [4, 4, 5]),
      answer(a, [3, 5, null]),
      answer(b, [1, 2, 1], 'Wij voelen ons niet gehoord'),
    ]) {
      const receipt = await submitResponse(ctx.db, chain.chainId, second.id, response, DIRECTOR_ACTOR, '2026-02-05');
      expect(Object.keys(receipt).sort()).toEqual(['answered', 'partnerId', 'roundId', 'submittedAt']);
    }

    const { round, previousRound, results } = await getRoundResults(ctx.db, chain.chainId, second.id, '2026-03-01');
    expect(round).toMatchObject({ number: 2, state: 'closed', responseCount: 3, partnerCount: 2 });
    expect(previousRound?.id).toBe(first.id);

    // By hand. A respondent's area score is the mean of their answers on the area; a partner's
    // cell the mean of its respondents; the chain average the mean of the partners' cells.
    const aGoals = mean([mean([4, 4]), mean([3, 5])]); // 4
    const aTrust = 5; // the second respondent skipped the question
    const bGoals1 = mean([2, 3]); // 2.5 in round 1
    const bGoals2 = mean([1, 2]); // 1.5 in round 2
    const goalsAverage = mean([aGoals, bGoals2]); // 2.75
    const goalsSpread = Math.sqrt(((aGoals - goalsAverage) ** 2 + (bGoals2 - goalsAverage) ** 2) / 2); // 1.25
    const trustAverage = mean([aTrust, 1]); // 3
    const trustSpread = Math.sqrt(((aTrust - trustAverage) ** 2 + (1 - trustAverage) ** 2) / 2); // 2

    expect(results.areas).toEqual(['goals-and-vision', 'trust']);
    expect(results.cells.map((c) => [c.partnerId, c.area, c.mean, c.previousMean, c.change])).toEqual([
      [a, 'goals-and-vision', aGoals, aGoals, 0],
      [a, 'trust', aTrust, aTrust, 0],
      [b, 'goals-and-vision', bGoals2, bGoals1, bGoals2 - bGoals1],
      [b, 'trust', 1, 2, -1],
    ]);
    expect(results.areaSummaries[0]).toMatchObject({
      area: 'goals-and-vision',
      chainAverage: goalsAverage,
      previousChainAverage: mean([aGoals, bGoals1]),
      partnerCount: 2,
      respondentCount: 3,
    });
    expect(results.areaSummaries[0]?.spreadBetweenPartners).toBeCloseTo(goalsSpread, 12);
    expect(results.areaSummaries[0]?.change).toBeCloseTo(-0.5, 12);
    expect(results.areaSummaries[1]?.spreadBetweenPartners).toBeCloseTo(trustSpread, 12);
    expect(results.warnings).toEqual([
      { code: 'low-average', area: 'goals-and-vision', chainAverage: goalsAverage },
      { code: 'area-drop', area: 'goals-and-vision', change: expect.closeTo(-0.5, 12) as number },
      {
        code: 'high-spread',
        area: 'goals-and-vision',
        spreadBetweenPartners: expect.closeTo(goalsSpread, 12) as number,
      },
      { code: 'area-drop', area: 'trust', change: expect.closeTo(-0.5, 12) as number },
      { code: 'high-spread', area: 'trust', spreadBetweenPartners: expect.closeTo(trustSpread, 12) as number },
      { code: 'partner-area-drop', partnerId: b, area: 'goals-and-vision', change: -1 },
      { code: 'partner-area-drop', partnerId: b, area: 'trust', change: -1 },
      { code: 'dropout-risk', partnerId: b, meanChange: -1 },
    ]);
    expect(results.comments).toEqual([
      { partnerId: b, area: 'goals-and-vision', questionKey: 'doel-a', comment: 'Wij voelen ons niet gehoord' },
    ]);

    // the random respondent keys are stored, but appear in no answer
    const keys = await ctx.db.query<{ key: string }>(
      'SELECT respondent_key AS key FROM course_check_responses WHERE round_id = $1',
      [second.id],
    );
    expect(new Set(keys.map((k) => k.key)).size).toBe(3);
    const shown = JSON.stringify([
      results,
      await getRound(ctx.db, chain.chainId, second.id, '2026-03-01'),
      await listRounds(ctx.db, chain.chainId, '2026-03-01'),
    ]);
    for (const { key } of keys) {
      expect(shown).not.toContain(key);
    }
  });

  it('accepts answers only while the round is open, for questions of the round, from the partner itself', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const other = await buildGovernanceChain(ctx.db);
    const round = await createRound(
      ctx.db,
      chain.chainId,
      { title: { nl: 'Ronde', en: 'Round' }, questionSet: MINI, opensOn: '2026-03-01', closesOn: '2026-03-21' },
      DIRECTOR_ACTOR,
      '2026-03-01',
    );
    const input = {
      partnerId: chain.partner('meldkamer'),
      answers: [{ questionKey: 'doel-a', score: 4, comment: '' }],
    };
    expect(
      (await domainError(() => submitResponse(ctx.db, chain.chainId, round.id, input, DIRECTOR_ACTOR, '2026-03-22')))
        .code,
    ).toBe('conflict');
    const unknownQuestion = await domainError(() =>
      submitResponse(
        ctx.db,
        chain.chainId,
        round.id,
        { ...input, answers: [{ questionKey: 'bestaat-niet', score: 3, comment: '' }] },
        DIRECTOR_ACTOR,
        '2026-03-10',
      ),
    );
    expect(unknownQuestion.details).toEqual([
      { path: 'answers.0.questionKey', message: '"bestaat-niet" is not a question of this round' },
    ]);
    const foreignPartner = await domainError(() =>
      submitResponse(
        ctx.db,
        chain.chainId,
        round.id,
        { ...input, partnerId: other.partner('meldkamer') },
        DIRECTOR_ACTOR,
        '2026-03-10',
      ),
    );
    expect(foreignPartner.details[0]?.path).toBe('partnerId');
    const forAnother = await domainError(() =>
      submitResponse(
        ctx.db,
        chain.chainId,
        round.id,
        input,
        partnerActor('Ambulance', [chain.partner('ambulance')]),
        '2026-03-10',
      ),
    );
    expect(forAnother.code).toBe('not_found');
    expect((await domainError(() => getRoundResults(ctx.db, other.chainId, round.id, '2026-03-10'))).code).toBe(
      'not_found',
    );
    const wrongDates = await domainError(() =>
      createRound(
        ctx.db,
        chain.chainId,
        { title: { nl: 'x', en: 'x' }, opensOn: '2026-03-10', closesOn: '2026-03-01' },
        DIRECTOR_ACTOR,
        '2026-03-01',
      ),
    );
    expect(wrongDates.details).toEqual([{ path: 'closesOn', message: 'must not lie before opensOn' }]);
  });
});
