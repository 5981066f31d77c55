import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { businessCaseLineInputSchema, type BusinessCaseLineInput } from './business-case-schemas.ts';
import { computeBusinessCase, type BusinessCaseLineData } from './compute-business-case.ts';
import { computeCompensationProposal, type PartnerNpv } from './compute-compensation-proposal.ts';

/** Intl uses a no-break space in Dutch amounts; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const euro = (euros: number) => euros * 100;
const line = (
  overrides: Partial<BusinessCaseLineInput> & Pick<BusinessCaseLineData, 'partnerId'>,
): BusinessCaseLineData => ({
  type: 'cost',
  year: 2024,
  amountCents: 0,
  category: 'personeel',
  description: '',
  ...overrides,
});

describe('computeBusinessCase', () => {
  it('computes the NPV of three years at 4%, year 0 undiscounted', () => {
    // −100,000 + 50,000/1.04 + 70,000/1.04² = −100,000 + 48,076.923077 + 64,718.934911 = 12,795.857988 euro
    // → 1,279,585.7988 cents → rounded 1,279,586
    const result = computeBusinessCase(
      [{ id: 'a', name: 'A' }],
      [
        line({ partnerId: 'a', type: 'cost', year: 2024, amountCents: euro(100_000) }),
        line({ partnerId: 'a', type: 'benefit', year: 2025, amountCents: euro(50_000), category: 'besparing' }),
        line({ partnerId: 'a', type: 'benefit', year: 2026, amountCents: euro(70_000), category: 'besparing' }),
      ],
      { discountRate: 0.04 },
    );
    expect(result.startYear).toBe(2024);
    expect(result.years).toEqual([2024, 2025, 2026]);
    expect(result.partners[0]?.npvCents).toBe(1_279_586);
    expect(result.partners[0]?.netCents).toBe(euro(20_000));
    expect(result.partnerYears.map((y) => y.netCents)).toEqual([euro(-100_000), euro(50_000), euro(70_000)]);
    expect(result.partnerYears[1]?.presentValueCents).toBeCloseTo(euro(50_000) / 1.04, 6);
    expect(result.chain.npvCents).toBe(1_279_586);
    expect(result.warnings).toEqual([]);
    expect(result.compensation.kind).toBe('not-needed');
  });

  it('finds the wrong pocket: the care provider pays, the municipality and the insurer gain', () => {
    // At 0% the NPV is the nominal net result.
    // Care provider: cost 120,000 → NPV −120,000; its benefits land elsewhere:
    // municipality +600,000 (2024), insurer +300,000 (2025); sports club cost 10,000 = benefit 10,000 → 0.
    // Chain NPV = 780,000 > 0 while the care provider is negative → warning.
    // Compensation: loss 120,000 funded in proportion to gains 600,000 : 300,000
    //   municipality pays 120,000·600/900 = 80,000; insurer pays 120,000·300/900 = 40,000.
    const partners = [
      { id: 'gem', name: 'Gemeente Utrecht' },
      { id: 'zv', name: 'Zorgverzekeraar Zilver' },
      { id: 'za', name: 'Zorgaanbieder De Zorgzame' },
      { id: 'sc', name: 'Sportclub Vitaal' },
    ];
    const result = computeBusinessCase(
      partners,
      [
        line({ partnerId: 'za', type: 'cost', amountCents: euro(120_000), category: 'personeel' }),
        line({
          partnerId: 'za',
          type: 'benefit',
          amountCents: euro(600_000),
          beneficiaryPartnerId: 'gem',
          category: 'minder Wmo',
        }),
        line({
          partnerId: 'za',
          type: 'benefit',
          year: 2025,
          amountCents: euro(300_000),
          beneficiaryPartnerId: 'zv',
          category: 'minder zorg',
        }),
        line({ partnerId: 'sc', type: 'cost', amountCents: euro(10_000), category: 'begeleiding' }),
        line({ partnerId: 'sc', type: 'benefit', amountCents: euro(10_000), category: 'contributie' }),
      ],
      { discountRate: 0 },
    );
    expect(result.partners.map((p) => [p.partnerId, p.npvCents])).toEqual([
      ['gem', euro(600_000)],
      ['zv', euro(300_000)],
      ['za', euro(-120_000)],
      ['sc', 0],
    ]);
    expect(result.chain).toEqual({
      costsCents: euro(130_000),
      benefitsCents: euro(910_000),
      netCents: euro(780_000),
      npvCents: euro(780_000),
    });
    expect(result.flows).toEqual([
      {
        payerPartnerId: 'za',
        beneficiaryPartnerId: 'gem',
        benefitsCents: euro(600_000),
        presentValueCents: euro(600_000),
      },
      {
        payerPartnerId: 'za',
        beneficiaryPartnerId: 'zv',
        benefitsCents: euro(300_000),
        presentValueCents: euro(300_000),
      },
      {
        payerPartnerId: 'sc',
        beneficiaryPartnerId: 'sc',
        benefitsCents: euro(10_000),
        presentValueCents: euro(10_000),
      },
    ]);
    expect(result.warnings).toEqual([
      { code: 'partner-loses-while-chain-gains', partnerId: 'za', npvCents: euro(-120_000) },
    ]);

    const proposal = result.compensation;
    if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
    expect(proposal.transfers).toEqual([
      { fromPartnerId: 'gem', toPartnerId: 'za', amountCents: euro(80_000) },
      { fromPartnerId: 'zv', toPartnerId: 'za', amountCents: euro(40_000) },
    ]);
    expect(proposal.outcomes.map((o) => [o.partnerId, o.npvAfterCents])).toEqual([
      ['gem', euro(520_000)],
      ['zv', euro(260_000)],
      ['za', 0],
      ['sc', 0],
    ]);
    expect(plain(proposal.explanation.nl)).toBe(
      'Zorgaanbieder De Zorgzame verliest € 120.000; Gemeente Utrecht en Zorgverzekeraar Zilver winnen samen € 900.000 ' +
        '(netto contante waarde bij 0% disconto). Voorstel: Gemeente Utrecht betaalt € 80.000 aan Zorgaanbieder De Zorgzame; ' +
        'Zorgverzekeraar Zilver betaalt € 40.000 aan Zorgaanbieder De Zorgzame. Zo krijgt elke verliezende partner zijn ' +
        'verlies volledig vergoed, betaald door de winnende partners naar verhouding van hun winst. Daarna lijdt geen ' +
        'partner verlies en wint de keten samen nog steeds € 780.000.',
    );
    expect(proposal.explanation.en).toContain(
      'Zorgaanbieder De Zorgzame loses €120,000; Gemeente Utrecht and Zorgverzekeraar Zilver gain €900,000 together',
    );
    expect(proposal.explanation.en).toContain('Gemeente Utrecht pays €80,000 to Zorgaanbieder De Zorgzame');
  });

  it('warns when the chain itself loses, and proposes no transfers', () => {
    const result = computeBusinessCase(
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      [
        line({ partnerId: 'a', amountCents: 500 }),
        line({ partnerId: 'a', type: 'benefit', amountCents: 200, beneficiaryPartnerId: 'b' }),
      ],
      { discountRate: 0 },
    );
    expect(result.warnings).toEqual([{ code: 'chain-loses', npvCents: -300 }]);
    expect(result.compensation.kind).toBe('chain-loses');
    expect(result.compensation.explanation.nl).toMatch(/het plan zelf moet worden aangepast/);
  });

  it('names lines that refer to unknown partners or fall before the start year', () => {
    const attempt = () =>
      computeBusinessCase(
        [{ id: 'a', name: 'A' }],
        [
          line({ partnerId: 'a', year: 2023, amountCents: 1 }),
          line({ partnerId: 'x', type: 'benefit', amountCents: 1, beneficiaryPartnerId: 'y' }),
        ],
        { startYear: 2024 },
      );
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).details.map((d) => d.path)).toEqual([
        'lines.0.year',
        'lines.1.partnerId',
        'lines.1.beneficiaryPartnerId',
      ]);
    }
  });

  it('refuses a cost that lands at another partner', () => {
    const result = businessCaseLineInputSchema.safeParse({
      partnerId: 'a',
      type: 'cost',
      year: 2024,
      amountCents: 100,
      category: 'x',
      beneficiaryPartnerId: 'b',
    });
    expect(result.error?.issues[0]?.path).toEqual(['beneficiaryPartnerId']);
    expect(
      businessCaseLineInputSchema.safeParse({
        partnerId: 'a',
        type: 'cost',
        year: 2024,
        amountCents: 1.5,
        category: 'x',
      }).success,
    ).toBe(false);
  });
});

describe('computeCompensationProposal', () => {
  it('rounds to cents without anyone paying more than their share', () => {
    // loss 10 cents; gains 15, 15, 10 (total 40): quotas 3.75, 3.75, 2.5 → 4, 4, 2
    const proposal = computeCompensationProposal(
      [
        { partnerId: 'l', name: 'L', npvCents: -10 },
        { partnerId: 'x', name: 'X', npvCents: 15 },
        { partnerId: 'y', name: 'Y', npvCents: 15 },
        { partnerId: 'w', name: 'W', npvCents: 10 },
      ],
      0.0225,
    );
    if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
    expect(proposal.transfers.map((t) => [t.fromPartnerId, t.amountCents])).toEqual([
      ['x', 4],
      ['y', 4],
      ['w', 2],
    ]);
    expect(proposal.explanation.nl).toContain('2,25% disconto');
  });

  it('splits several losers over several winners with exact row and column totals', () => {
    // losses 7 and 3 (total 10); gains 10 and 5 (total 15)
    // winners' shares of 10: 6.67 and 3.33 → 7 and 3
    // L1's 7 split 7:3 → 4.9, 2.1 → 5, 2;  L2's 3 split 7:3 → 2.1, 0.9 → 2, 1
    // rows: X pays 5 + 2 = 7, Y pays 2 + 1 = 3 — exactly their shares
    const proposal = computeCompensationProposal(
      [
        { partnerId: 'L1', name: 'L1', npvCents: -7 },
        { partnerId: 'L2', name: 'L2', npvCents: -3 },
        { partnerId: 'X', name: 'X', npvCents: 10 },
        { partnerId: 'Y', name: 'Y', npvCents: 5 },
      ],
      0,
    );
    if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
    expect(proposal.transfers).toEqual([
      { fromPartnerId: 'X', toPartnerId: 'L1', amountCents: 5 },
      { fromPartnerId: 'X', toPartnerId: 'L2', amountCents: 2 },
      { fromPartnerId: 'Y', toPartnerId: 'L1', amountCents: 2 },
      { fromPartnerId: 'Y', toPartnerId: 'L2', amountCents: 1 },
    ]);
    expect(plain(proposal.explanation.nl)).toMatch(/^L1 en L2 verliezen samen € 0,10; X en Y winnen samen € 0,15/u);
  });

  it('balances cents between winners when the split per loser would make one winner pay too much', () => {
    // three losers of 1 cent (total 3); two winners of 5 (total 10): shares 1.5 and 1.5 → 2 and 1
    // each loser's cent split 2:1 → 0.67, 0.33 → all three cents from X: X would pay 3, Y 0
    // balancing moves the first loser's cent from X to Y: X pays 2, Y pays 1
    const proposal = computeCompensationProposal(
      [
        { partnerId: 'L1', name: 'L1', npvCents: -1 },
        { partnerId: 'L2', name: 'L2', npvCents: -1 },
        { partnerId: 'L3', name: 'L3', npvCents: -1 },
        { partnerId: 'X', name: 'X', npvCents: 5 },
        { partnerId: 'Y', name: 'Y', npvCents: 5 },
      ],
      0,
    );
    if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
    expect(proposal.transfers).toEqual([
      { fromPartnerId: 'X', toPartnerId: 'L2', amountCents: 1 },
      { fromPartnerId: 'X', toPartnerId: 'L3', amountCents: 1 },
      { fromPartnerId: 'Y', toPartnerId: 'L1', amountCents: 1 },
    ]);
  });

  it('makes every partner whole when the chain does not lose (property)', () => {
    const npv = fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: -20, max: 20 }));
    const partnersArbitrary = fc
      .array(npv, { minLength: 1, maxLength: 8 })
      .map((values): PartnerNpv[] => values.map((npvCents, i) => ({ partnerId: `p${i}`, name: `P${i}`, npvCents })));
    fc.assert(
      fc.property(partnersArbitrary, (partners) => {
        const chain = partners.reduce((sum, p) => sum + p.npvCents, 0);
        const proposal = computeCompensationProposal(partners, 0.04);
        const losers = partners.filter((p) => p.npvCents < 0);
        if (losers.length === 0) {
          expect(proposal.kind).toBe('not-needed');
          return;
        }
        if (chain < 0) {
          expect(proposal.kind).toBe('chain-loses');
          return;
        }
        if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
        // transfers sum to zero: what is paid is received
        const paid = proposal.outcomes.reduce((sum, o) => sum + o.paidCents, 0);
        const received = proposal.outcomes.reduce((sum, o) => sum + o.receivedCents, 0);
        expect(paid).toBe(received);
        expect(proposal.outcomes.reduce((sum, o) => sum + o.npvAfterCents, 0)).toBe(chain);
        const totalLoss = -losers.reduce((sum, p) => sum + p.npvCents, 0);
        const totalGain = partners.reduce((sum, p) => sum + Math.max(0, p.npvCents), 0);
        for (const outcome of proposal.outcomes) {
          expect(outcome.npvAfterCents).toBeGreaterThanOrEqual(0);
          // a winner pays its proportional share of the total loss, within one cent
          if (outcome.npvBeforeCents > 0) {
            expect(Math.abs(outcome.paidCents - (totalLoss * outcome.npvBeforeCents) / totalGain)).toBeLessThan(1);
          }
          if (outcome.npvBeforeCents < 0) expect(outcome.npvAfterCents).toBe(0);
          expect(Number.isInteger(outcome.paidCents)).toBe(true);
        }
        for (const transfer of proposal.transfers) {
          expect(transfer.amountCents).toBeGreaterThan(0);
          const from = partners.find((p) => p.partnerId === transfer.fromPartnerId);
          const to = partners.find((p) => p.partnerId === transfer.toPartnerId);
          expect(from?.npvCents).toBeGreaterThan(0);
          expect(to?.npvCents).toBeLessThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles a chain that exactly breaks even: winners hand over all their gain', () => {
    const proposal = computeCompensationProposal(
      [
        { partnerId: 'a', name: 'A', npvCents: -100 },
        { partnerId: 'b', name: 'B', npvCents: 33 },
        { partnerId: 'c', name: 'C', npvCents: 67 },
      ],
      0,
    );
    if (proposal.kind !== 'proposal') throw new Error('expected a proposal');
    expect(proposal.outcomes.map((o) => o.npvAfterCents)).toEqual([0, 0, 0]);
  });
});

describe('business case totals (property)', () => {
  it('adds up: the chain NPV is the sum of the partner NPVs, and at 0% the NPV is the nominal net', () => {
    const lineArbitrary = fc.record({
      partner: fc.integer({ min: 0, max: 3 }),
      beneficiary: fc.integer({ min: 0, max: 3 }),
      benefit: fc.boolean(),
      year: fc.integer({ min: 2024, max: 2030 }),
      amountCents: fc.integer({ min: 1, max: 100_000_000 }),
    });
    const partners = [0, 1, 2, 3].map((i) => ({ id: `p${i}`, name: `P${i}` }));
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { maxLength: 30 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (raw, rate) => {
          const lines = raw.map((l) =>
            line({
              partnerId: `p${l.partner}`,
              type: l.benefit ? 'benefit' : 'cost',
              year: l.year,
              amountCents: l.amountCents,
              beneficiaryPartnerId: l.benefit ? `p${l.beneficiary}` : null,
            }),
          );
          const result = computeBusinessCase(partners, lines, { discountRate: rate });
          expect(result.chain.npvCents).toBe(result.partners.reduce((sum, p) => sum + p.npvCents, 0));
          const nominal = lines.reduce((sum, l) => sum + (l.type === 'benefit' ? l.amountCents : -l.amountCents), 0);
          expect(result.chain.netCents).toBe(nominal);
          const undiscounted = computeBusinessCase(partners, lines, { discountRate: 0 });
          for (const p of undiscounted.partners) expect(p.npvCents).toBe(p.netCents);
        },
      ),
      { numRuns: 200 },
    );
  });
});
