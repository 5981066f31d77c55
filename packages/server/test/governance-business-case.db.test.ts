import { expect, it } from 'vitest';
import {
  createLine,
  deleteLine,
  getBusinessCase,
  listLines,
  updateLine,
  updateSettings,
} from '../src/governance/services/business-case-service.ts';
import { DIRECTOR_ACTOR, type GovernanceActor } from '../src/governance/services/governance-actor.ts';
import { buildGovernanceChain, partnerActor } from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('governance: business cases', (ctx) => {
  it('computes net present values, the who-pays-who-gains matrix and the compensation as worked out by hand', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const a = chain.partner('ambulance');
    const z = chain.partner('ziekenhuis');
    expect((await getBusinessCase(ctx.db, chain.chainId)).settings).toEqual({
      discountRate: 0.0225,
      startYear: null,
      version: 0,
    });
    await updateSettings(ctx.db, chain.chainId, { discountRate: 0.1, startYear: 2026, version: 0 }, DIRECTOR_ACTOR);

    const line = (
      partnerId: string,
      type: 'cost' | 'benefit',
      year: number,
      amountCents: number,
      beneficiaryPartnerId: string | null = null,
    ) =>
      createLine(
        ctx.db,
        chain.chainId,
        {
          partnerId,
          type,
          year,
          amountCents,
          category: type === 'cost' ? 'personeel' : 'baten',
          description: '',
          beneficiaryPartnerId,
        },
        DIRECTOR_ACTOR,
      );
    await line(a, 'cost', 2026, 100_000);
    await line(a, 'benefit', 2027, 88_000, z); // the ambulance's effort, the hospital's gain
    await line(a, 'benefit', 2027, 11_000);
    await line(z, 'cost', 2027, 22_000);

    // By hand at 10%, year 0 = 2026: A = −100,000 + 11,000 / 1.1 = −90,000; Z = (88,000 − 22,000) / 1.1 = 60,000.
    const losing = await getBusinessCase(ctx.db, chain.chainId);
    expect(losing.lineCount).toBe(4);
    expect(losing.result.partners.map((p) => [p.partnerId, p.costsCents, p.benefitsCents, p.npvCents])).toEqual([
      [a, 100_000, 11_000, -90_000],
      [z, 22_000, 88_000, 60_000],
    ]);
    expect(losing.result.chain.npvCents).toBe(-30_000);
    expect(losing.result.warnings).toEqual([{ code: 'chain-loses', npvCents: -30_000 }]);
    expect(losing.result.compensation.kind).toBe('chain-loses');

    // The hospital also gains 50,000 in year 0: Z = 110,000, the chain +20,000 while A still loses 90,000.
    const extra = await line(z, 'benefit', 2026, 50_000);
    const gaining = await getBusinessCase(ctx.db, chain.chainId);
    expect(gaining.result.chain.npvCents).toBe(20_000);
    expect(gaining.result.warnings).toEqual([
      { code: 'partner-loses-while-chain-gains', partnerId: a, npvCents: -90_000 },
    ]);
    // lines come by year, so the hospital's own 2026 benefit is listed first
    expect(gaining.result.flows).toEqual([
      { payerPartnerId: z, beneficiaryPartnerId: z, benefitsCents: 50_000, presentValueCents: 50_000 },
      { payerPartnerId: a, beneficiaryPartnerId: z, benefitsCents: 88_000, presentValueCents: 80_000 },
      { payerPartnerId: a, beneficiaryPartnerId: a, benefitsCents: 11_000, presentValueCents: 10_000 },
    ]);
    const compensation = gaining.result.compensation;
    expect(compensation.kind).toBe('proposal');
    if (compensation.kind === 'proposal') {
      expect(compensation.transfers).toEqual([{ fromPartnerId: z, toPartnerId: a, amountCents: 90_000 }]);
      expect(compensation.outcomes.map((o) => [o.partnerId, o.npvAfterCents])).toEqual([
        [a, 0],
        [z, 20_000],
      ]);
      expect(compensation.explanation.nl).toMatch(/Ziekenhuis Oost betaalt €\s900 aan Ambulancedienst/);
    }

    const changed = await updateLine(
      ctx.db,
      chain.chainId,
      extra.id,
      { ...extra, amountCents: 40_000, version: 1 },
      DIRECTOR_ACTOR,
    );
    expect(changed.version).toBe(2);
    expect(
      (await domainError(() => updateLine(ctx.db, chain.chainId, extra.id, { ...extra, version: 1 }, DIRECTOR_ACTOR)))
        .code,
    ).toBe('version_conflict');
    await deleteLine(ctx.db, chain.chainId, extra.id, 2, DIRECTOR_ACTOR);
    expect(await listLines(ctx.db, chain.chainId)).toHaveLength(4);
  });

  it('keeps lines inside the chain and its year 0, and a partner to its own lines', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const other = await buildGovernanceChain(ctx.db);
    const a = chain.partner('ambulance');
    const base = {
      partnerId: a,
      type: 'benefit' as const,
      year: 2026,
      amountCents: 1000,
      category: 'baten',
      description: '',
      beneficiaryPartnerId: null,
    };
    const foreign = await domainError(() =>
      createLine(ctx.db, chain.chainId, { ...base, beneficiaryPartnerId: other.partner('ziekenhuis') }, DIRECTOR_ACTOR),
    );
    expect(foreign.details.map((d) => d.path)).toEqual(['beneficiaryPartnerId']);
    const stored = await createLine(ctx.db, chain.chainId, base, DIRECTOR_ACTOR);

    const tooLate = await domainError(() =>
      updateSettings(ctx.db, chain.chainId, { discountRate: 0.03, startYear: 2027, version: 0 }, DIRECTOR_ACTOR),
    );
    expect(tooLate.details).toEqual([{ path: 'startYear', message: 'the earliest line is of 2026' }]);
    await updateSettings(ctx.db, chain.chainId, { discountRate: 0.03, startYear: 2026, version: 0 }, DIRECTOR_ACTOR);
    const early = await domainError(() => createLine(ctx.db, chain.chainId, { ...base, year: 2025 }, DIRECTOR_ACTOR));
    expect(early.details).toEqual([
      { path: 'year', message: "lies before 2026, year 0 of this chain's business case" },
    ]);

    const hospital: GovernanceActor = partnerActor('Ziekenhuis', [chain.partner('ziekenhuis')]);
    expect((await domainError(() => createLine(ctx.db, chain.chainId, base, hospital))).code).toBe('not_found');
    expect((await domainError(() => deleteLine(ctx.db, chain.chainId, stored.id, 1, hospital))).code).toBe('not_found');
    const own = await createLine(ctx.db, chain.chainId, { ...base, partnerId: chain.partner('ziekenhuis') }, hospital);
    expect(own.partnerId).toBe(chain.partner('ziekenhuis'));
  });
});
