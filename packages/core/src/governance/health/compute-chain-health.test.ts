import { describe, expect, it } from 'vitest';
import { computeBusinessCase } from '../business-case/compute-business-case.ts';
import { computeCourseCheckResults } from '../course-check/compute-course-check-results.ts';
import type { CourseCheckQuestionSet } from '../course-check/course-check-schemas.ts';
import { computeChainHealth, type ChainHealthInput } from './compute-chain-health.ts';

const yearPath = (direction: 'higher-is-better' | 'lower-is-better', from: number, to: number) => ({
  direction,
  baseline: { value: from, date: '2024-01-01' },
  target: { value: to, date: '2024-12-31' },
});

const questionSet: CourseCheckQuestionSet = {
  key: 'mini',
  title: { nl: 'Mini', en: 'Mini' },
  questions: [{ key: 'v', area: 'trust', text: { nl: 'v', en: 'v' } }],
};
const answer = (partnerId: string, score: number) => ({
  partnerId,
  respondentId: `r-${partnerId}`,
  answers: [{ questionKey: 'v', score, comment: '' }],
});

function healthyInput(): ChainHealthInput {
  return {
    today: '2024-07-01',
    indicators: [
      // 2024-07-01 is 182 of 365 days: the path expects 49.9%; 66 of 50→80 is 53.3% → on course
      { id: 's', kind: 'societal', ...yearPath('higher-is-better', 50, 80) },
      // 30 → 20 minutes; 25 is 50% of the way → on course
      { id: 'o', kind: 'organisational', ...yearPath('lower-is-better', 30, 20) },
      { id: 'p', kind: 'process', ...yearPath('higher-is-better', 0, 10) },
    ],
    measurements: [
      { indicatorId: 's', date: '2024-07-01', value: 66 },
      { indicatorId: 'o', date: '2024-07-01', value: 25 },
    ],
    agreements: [
      {
        id: 'a',
        title: 'Convenant',
        status: 'in-progress',
        ownerPartnerId: 'x',
        startDate: '2024-01-01',
        endDate: '2024-12-31',
        dueDate: null,
        reviewDate: '2024-12-01',
      },
    ],
    courseCheck: computeCourseCheckResults({ questionSet, responses: [answer('x', 4), answer('y', 4)] }),
    businessCase: computeBusinessCase(
      [{ id: 'x', name: 'X' }],
      [{ partnerId: 'x', type: 'benefit', year: 2024, amountCents: 100, category: 'c', description: '' }],
    ),
    interventions: [
      { id: 'i1', status: 'running' },
      { id: 'i2', status: 'completed' },
    ],
  };
}

describe('computeChainHealth', () => {
  it('is on course when nothing needs attention', () => {
    const health = computeChainHealth(healthyInput());
    expect(health.headline).toBe('on-course');
    expect(health.indicators).toMatchObject({ 'on-course': 2, 'at-risk': 0, 'off-course': 0, 'no-data': 1, total: 3 });
    expect(health.indicators.byKind.process).toEqual({
      'on-course': 0,
      'at-risk': 0,
      'off-course': 0,
      'no-data': 1,
      total: 1,
    });
    expect(health.runningInterventionIds).toEqual(['i1']);
    expect(health.agreementsNeedingAttention).toEqual([]);
    expect(health.wrongPocket).toBe(false);
  });

  it('combines every signal, and is off course when a societal indicator is', () => {
    const input = healthyInput();
    const health = computeChainHealth({
      ...input,
      measurements: [
        // 52 is 6.7% of the way where 49.9% is expected → shortfall 0.43 → off course
        { indicatorId: 's', date: '2024-07-01', value: 52 },
        // 27 is 30% of the way → shortfall 0.2 → at risk
        { indicatorId: 'o', date: '2024-07-01', value: 27 },
      ],
      agreements: [{ ...(input.agreements[0] as ChainHealthInput['agreements'][number]), reviewDate: '2024-06-01' }],
      courseCheck: computeCourseCheckResults(
        { questionSet, responses: [answer('x', 2), answer('y', 4)] },
        { questionSet, responses: [answer('x', 4), answer('y', 4)] },
      ),
      businessCase: computeBusinessCase(
        [
          { id: 'x', name: 'X' },
          { id: 'y', name: 'Y' },
        ],
        [
          { partnerId: 'x', type: 'cost', year: 2024, amountCents: 100, category: 'c', description: '' },
          {
            partnerId: 'x',
            type: 'benefit',
            year: 2024,
            amountCents: 500,
            category: 'c',
            description: '',
            beneficiaryPartnerId: 'y',
          },
        ],
      ),
    });
    expect(health.headline).toBe('off-course');
    expect(health.indicators).toMatchObject({ 'on-course': 0, 'at-risk': 1, 'off-course': 1, 'no-data': 1 });
    expect(health.indicatorsOffTrack.map((i) => [i.indicatorId, i.status])).toEqual([
      ['s', 'off-course'],
      ['o', 'at-risk'],
    ]);
    expect(health.agreementsNeedingAttention.map((a) => a.agreementId)).toEqual(['a']);
    expect(health.dropoutRiskPartnerIds).toEqual(['x']);
    expect(health.courseCheckWarnings.map((w) => w.code)).toEqual([
      'area-drop',
      'high-spread',
      'partner-area-drop',
      'dropout-risk',
    ]);
    expect(health.partnersLosingMoney).toEqual([{ partnerId: 'x', npvCents: -100 }]);
    expect(health.wrongPocket).toBe(true);
  });

  it('needs attention when only an organisational indicator is off track', () => {
    const input = healthyInput();
    const health = computeChainHealth({
      ...input,
      measurements: [
        { indicatorId: 's', date: '2024-07-01', value: 66 },
        { indicatorId: 'o', date: '2024-07-01', value: 30 },
      ],
    });
    expect(health.headline).toBe('attention');
  });
});
