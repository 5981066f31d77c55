import { AGREEMENT_STATUSES, toAmsterdamClock } from '@ketenregie/core';
import { expect, it } from 'vitest';
import { listAgreements, listAgreementsNeedingAttention } from '../src/governance/services/agreement-service.ts';
import { getBusinessCase } from '../src/governance/services/business-case-service.ts';
import { getRoundResults, listRounds } from '../src/governance/services/course-check-service.ts';
import { todayInAmsterdam } from '../src/governance/services/governance-clock.ts';
import { getHealthSummary } from '../src/governance/services/health-summary-service.ts';
import { listIndicators } from '../src/governance/services/indicator-service.ts';
import { listInterventions } from '../src/governance/services/intervention-service.ts';
import { listMeasurements } from '../src/governance/services/measurement-service.ts';
import { seedGovernanceDemo } from '../src/governance/services/seed-governance-demo.ts';
import { getChainDetail } from '../src/services/chain-service.ts';
import { seedDemo } from '../src/services/seed-demo.ts';
import { shippedTemplates } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('governance demo of the emergency-care chain', (ctx) => {
  it('fills every governance feature with the story of the demo, once', async () => {
    const today = '2026-11-23';
    const { chainId } = await seedDemo(ctx.db, { templates: await shippedTemplates() });
    // seedDemo already seeded the governance demo (as of the real today); seeding again changes nothing
    expect(await seedGovernanceDemo(ctx.db, chainId, { today })).toEqual({ created: false });
    const detail = await getChainDetail(ctx.db, chainId);
    const partnerKey = new Map(detail.partners.map((p) => [p.id, p.key]));

    const { indicators, contributions } = await listIndicators(ctx.db, chainId);
    const status = new Map(indicators.map((i) => [i.key, i.status.status]));
    expect(new Set(indicators.map((i) => i.kind))).toEqual(new Set(['societal', 'organisational', 'process']));
    expect(status.get('overleving-30-dagen')).toBe('on-course');
    expect(status.get('a1-binnen-15-minuten')).toBe('on-course');
    expect(status.get('seh-deur-tot-ct')).toBe('at-risk');
    expect(status.get('binnen-gouden-uur')).toBe('off-course');
    for (const indicator of indicators) {
      expect(indicator.status.measurementCount, indicator.key).toBe(12);
    }
    expect(indicators.find((i) => i.key === 'seh-deur-tot-ct')?.version).toBe(2);
    expect(contributions.find((c) => c.societal.key === 'binnen-gouden-uur')?.ownFiguresOptimised).toBe(true);

    const a1 = indicators.find((i) => i.key === 'a1-binnen-15-minuten');
    const a1Revisions = (await listMeasurements(ctx.db, chainId, a1?.id ?? '')).revisions.filter(
      (r) => r.period === '2026-03',
    );
    expect(a1Revisions.map((r) => [r.revision, r.value])).toEqual([
      [1, 88.4],
      [2, 91.6],
    ]);
    const process = indicators.filter((i) => i.kind === 'process');
    expect(process.map((i) => i.flowSource?.measure)).toEqual([
      'share-within-norm',
      'median-minutes',
      'share-within-norm',
    ]);

    const agreements = await listAgreements(ctx.db, chainId);
    expect(new Set(agreements.map((a) => a.status))).toEqual(new Set(AGREEMENT_STATUSES));
    const commitments = agreements.filter((a) => a.kind === 'commitment');
    expect(commitments.map((a) => partnerKey.get(a.ownerPartnerId)).sort()).toEqual([...partnerKey.values()].sort());
    expect(commitments.filter((a) => a.signatures.length === 1)).toHaveLength(12);
    expect(new Set(agreements.map((a) => a.kind))).toEqual(
      new Set(['covenant', 'commitment', 'functional', 'data-sharing', 'financial']),
    );
    // seedDemo placed the review and due dates around the real today
    const attention = await listAgreementsNeedingAttention(ctx.db, chainId, todayInAmsterdam());
    expect(new Set(attention.flatMap((a) => a.reasons.map((r) => r.code)))).toEqual(
      new Set(['review-overdue', 'due-date-passed', 'review-due-soon', 'long-term-without-review']),
    );

    const rounds = await listRounds(ctx.db, chainId, today);
    expect(rounds.map((r) => r.number)).toEqual([2, 1]);
    const { results } = await getRoundResults(ctx.db, chainId, rounds[0]?.id ?? '', today);
    const dropouts = results.warnings.flatMap((w) => (w.code === 'dropout-risk' ? [partnerKey.get(w.partnerId)] : []));
    expect(dropouts).toEqual(['revalidatie']);
    const crumbling = results.partners.find((p) => partnerKey.get(p.partnerId) === 'revalidatie');
    expect(crumbling?.meanChange).toBeLessThan(-1);

    const businessCase = await getBusinessCase(ctx.db, chainId);
    expect(businessCase.result.chain.npvCents).toBeGreaterThan(0);
    expect(
      businessCase.result.warnings.map((w) =>
        w.code === 'partner-loses-while-chain-gains' ? partnerKey.get(w.partnerId) : w.code,
      ),
    ).toEqual(['ok-traumachirurgie']);
    expect(businessCase.result.compensation.kind).toBe('proposal');

    const interventions = await listInterventions(ctx.db, chainId);
    expect(new Set(interventions.map((i) => i.status))).toEqual(new Set(['running', 'completed', 'planned']));
    const okTeam = interventions.find((i) => i.title === '24/7 OK-team aanwezig');
    expect(okTeam?.evaluations.map((e) => e.measure.kind)).toEqual(['flow-duration', 'flow-norm']);
    for (const evaluation of okTeam?.evaluations ?? []) {
      expect(evaluation.result.verdict).not.toBe('insufficient-data');
    }

    const health = await getHealthSummary(ctx.db, chainId, today);
    expect(health.health.headline).toBe('off-course');
    expect(health.health.wrongPocket).toBe(true);
    expect(health.health.dropoutRiskPartnerIds.map((id) => partnerKey.get(id))).toEqual(['revalidatie']);
    expect(health.health.runningInterventionIds).toEqual([okTeam?.id]);
  });

  it('computes the golden-hour process figure with SQL exactly as recomputed here from the raw events', async () => {
    const { chainId } = await seedDemo(ctx.db, { templates: await shippedTemplates() });
    const detail = await getChainDetail(ctx.db, chainId);
    const activitiesOf = (key: string) => new Set(detail.links.find((l) => l.key === key)?.activities ?? []);
    const from = activitiesOf('melding-112');
    const to = activitiesOf('levensreddende-behandeling');
    const events = await ctx.db.query<{ caseId: string; activity: string; ts: string }>(
      'SELECT case_id AS "caseId", activity, ts FROM events WHERE chain_id = $1',
      [chainId],
    );
    // Independently: per case the first call, then the first OK event at or after it.
    const starts = new Map<string, number>();
    for (const e of events) {
      const t = Date.parse(e.ts);
      if (from.has(e.activity) && t < (starts.get(e.caseId) ?? Infinity)) {
        starts.set(e.caseId, t);
      }
    }
    const ends = new Map<string, number>();
    for (const e of events) {
      const t = Date.parse(e.ts);
      const start = starts.get(e.caseId);
      if (to.has(e.activity) && start !== undefined && t >= start && t < (ends.get(e.caseId) ?? Infinity)) {
        ends.set(e.caseId, t);
      }
    }
    const perMonth = new Map<string, { cases: number; within: number }>();
    for (const [caseId, end] of ends) {
      const start = starts.get(caseId) as number;
      const clock = toAmsterdamClock(start);
      const month = `${clock.year}-${String(clock.month).padStart(2, '0')}`;
      const cell = perMonth.get(month) ?? { cases: 0, within: 0 };
      cell.cases += 1;
      cell.within += end - start <= 60 * 60_000 ? 1 : 0;
      perMonth.set(month, cell);
    }
    const expected = [...perMonth]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([month, cell]) => [month, Math.round((10_000 * cell.within) / cell.cases) / 100]);

    const indicator = (await listIndicators(ctx.db, chainId)).indicators.find((i) => i.key === 'gouden-uur-trajecten');
    const stored = await listMeasurements(ctx.db, chainId, indicator?.id ?? '');
    expect(expected).toHaveLength(12);
    expect(stored.current.map((m) => [m.period, m.value])).toEqual(expected);
  });
});
