import { expect, it } from 'vitest';
import { describePartnerGovernanceUse } from '../src/governance/services/partner-governance-use.ts';
import { seedGovernanceDemo } from '../src/governance/services/seed-governance-demo.ts';
import { deleteChain, getChainDetail } from '../src/services/chain-service.ts';
import { deleteLink } from '../src/services/link-service.ts';
import { deletePartner } from '../src/services/partner-service.ts';
import { seedDemo } from '../src/services/seed-demo.ts';
import { listIndicators } from '../src/governance/services/indicator-service.ts';
import { shippedTemplates } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const GOVERNANCE_TABLES = [
  'indicators',
  'indicator_versions',
  'indicator_version_agreements',
  'indicator_version_links',
  'indicator_version_contributions',
  'indicator_version_flow_sources',
  'indicator_measurements',
  'agreements',
  'agreement_parties',
  'agreement_signatures',
  'agreement_links',
  'agreement_indicators',
  'agreement_status_history',
  'course_check_question_sets',
  'course_check_rounds',
  'course_check_responses',
  'course_check_answers',
  'business_case_settings',
  'business_case_lines',
  'interventions',
  'intervention_links',
  'intervention_indicators',
  'intervention_evaluations',
] as const;

describeEachDatabase('governance data over the life of a chain', (ctx) => {
  async function countRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of GOVERNANCE_TABLES) {
      const [row] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row?.n ?? -1;
    }
    return counts;
  }

  it('names what a partner is still used for, lets links go, and disappears with its chain', async () => {
    const { chainId } = await seedDemo(ctx.db, { templates: await shippedTemplates(), patients: 300 });
    expect(await seedGovernanceDemo(ctx.db, chainId, { today: '2026-11-23' })).toEqual({ created: false });
    const seeded = await countRows();
    for (const table of GOVERNANCE_TABLES.filter((t) => t !== 'course_check_question_sets')) {
      expect(seeded[table], table).toBeGreaterThan(0);
    }

    const detail = await getChainDetail(ctx.db, chainId);
    const partnerId = (key: string) => detail.partners.find((p) => p.key === key)?.id as string;
    expect(await describePartnerGovernanceUse(ctx.db, partnerId('ok-traumachirurgie'))).toBe(
      '7 indicators, 5 agreements, 4 course-check responses, 25 business-case lines and 1 intervention',
    );
    expect(await describePartnerGovernanceUse(ctx.db, partnerId('politie'))).toBe('2 agreements');
    // the insurer is responsible for no link, but governance still names it: 409 with the reason
    const insurer = detail.partners.find((p) => p.key === 'zorgverzekeraar');
    const insurerUse = await describePartnerGovernanceUse(ctx.db, partnerId('zorgverzekeraar'));
    expect(insurerUse).not.toBeNull();
    await expect(deletePartner(ctx.db, chainId, insurer?.id ?? '', insurer?.version ?? 0)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`is still named by ${insurerUse ?? ''}`) as unknown,
    });

    // deleting a link removes it from indicators, agreements and interventions, and a flow source
    // between it and another link; the indicator and its stored measurements stay
    const ok = detail.links.find((l) => l.key === 'levensreddende-behandeling');
    if (ok === undefined) {
      throw new Error('the demo chain has no OK link');
    }
    await deleteLink(ctx.db, chainId, ok.id, ok.version);
    const { indicators } = await listIndicators(ctx.db, chainId);
    const goldenHour = indicators.find((i) => i.key === 'gouden-uur-trajecten');
    expect(goldenHour?.flowSource).toBeNull();
    expect(goldenHour?.linkIds).toEqual([detail.links.find((l) => l.key === 'melding-112')?.id]);
    expect(goldenHour?.status.measurementCount).toBeGreaterThan(0);

    const { chain } = await getChainDetail(ctx.db, chainId);
    await deleteChain(ctx.db, chainId, chain.version);
    const afterDelete = await countRows();
    for (const table of GOVERNANCE_TABLES) {
      expect(afterDelete[table], table).toBe(0);
    }
  });
});
