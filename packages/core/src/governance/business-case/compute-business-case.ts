/**
 * The business case of the chain and of every partner: net result per year, net present value
 * (NPV), the who-pays-who-gains matrix, warnings and the compensation proposal.
 *
 * Definitions (also the text of the help page):
 * - A **cost** line counts at its own partner; a **benefit** line counts at its beneficiary (its
 *   own partner when none is given).
 * - **Net** of a partner in a year = benefits landing there − costs it pays, in cents.
 * - **NPV** of a partner = Σ over years of net(year) / (1 + r)^(year − start year), with r the
 *   discount rate and the start year (the earliest year of the lines unless set) as year 0, which
 *   is not discounted. Each partner's NPV is rounded to whole cents (halves away from zero); the
 *   chain's NPV is the sum of the partners' rounded NPVs, so the figures on the page add up exactly.
 * - The **who-pays-who-gains matrix** lists, for every benefit, the partner whose effort produced
 *   it (payer) against the partner where it lands (beneficiary), nominal and as a present value.
 * - **Warnings**: `partner-loses-while-chain-gains` for each partner with NPV < 0 when the chain's
 *   NPV > 0 (the plan will not be carried out by that partner); `chain-loses` when the chain's NPV < 0.
 */
import { DomainError, type ErrorDetail } from '../../shared/errors.ts';
import { roundHalfAwayFromZero } from '../shared/money.ts';
import type { BusinessCaseLineInput, BusinessCaseOptions } from './business-case-schemas.ts';
import { DEFAULT_DISCOUNT_RATE } from './business-case-schemas.ts';
import { computeCompensationProposal, type CompensationProposal } from './compute-compensation-proposal.ts';

/** A partner taking part in the business case. */
export interface BusinessCasePartner {
  readonly id: string;
  readonly name: string;
}

/** A line as the computation reads it (parsed input or stored line). */
export type BusinessCaseLineData = Pick<
  BusinessCaseLineInput,
  'partnerId' | 'type' | 'year' | 'amountCents' | 'category' | 'description'
> & { readonly beneficiaryPartnerId?: string | null | undefined };

/** One partner in one year. */
export interface BusinessCasePartnerYear {
  readonly partnerId: string;
  readonly year: number;
  /** Costs paid by the partner. */
  readonly costsCents: number;
  /** Benefits landing at the partner, whoever produced them. */
  readonly benefitsCents: number;
  readonly netCents: number;
  /** netCents / (1 + r)^(year − start year), unrounded. */
  readonly presentValueCents: number;
}

/** One partner over all years. */
export interface BusinessCasePartnerTotal {
  readonly partnerId: string;
  readonly name: string;
  readonly costsCents: number;
  readonly benefitsCents: number;
  /** Nominal net result (undiscounted sum over the years). */
  readonly netCents: number;
  /** Net present value in whole cents. */
  readonly npvCents: number;
}

/** A cell of the who-pays-who-gains matrix (only non-empty cells are listed). */
export interface BusinessCaseFlow {
  /** The partner whose effort (and costs) produced the benefit. */
  readonly payerPartnerId: string;
  /** The partner where the benefit lands. */
  readonly beneficiaryPartnerId: string;
  readonly benefitsCents: number;
  /** Present value of these benefits in whole cents. */
  readonly presentValueCents: number;
}

/** A warning of the business case. */
export type BusinessCaseWarning =
  | { readonly code: 'partner-loses-while-chain-gains'; readonly partnerId: string; readonly npvCents: number }
  | { readonly code: 'chain-loses'; readonly npvCents: number };

/** Everything the business-case page shows. */
export interface BusinessCaseResult {
  readonly discountRate: number;
  /** Year 0 of the discounting; null when there are no lines. */
  readonly startYear: number | null;
  /** Every year from the start year to the last year of the lines. */
  readonly years: readonly number[];
  /** Every partner × every year, partner-major in the order of the partners given. */
  readonly partnerYears: readonly BusinessCasePartnerYear[];
  readonly partners: readonly BusinessCasePartnerTotal[];
  readonly chain: {
    readonly costsCents: number;
    readonly benefitsCents: number;
    readonly netCents: number;
    readonly npvCents: number;
  };
  readonly flows: readonly BusinessCaseFlow[];
  readonly warnings: readonly BusinessCaseWarning[];
  readonly compensation: CompensationProposal;
}

/** The discount factor 1 / (1 + r)^t of year offset t. */
export function computeDiscountFactor(discountRate: number, yearOffset: number): number {
  return 1 / Math.pow(1 + discountRate, yearOffset);
}

/**
 * Computes the business case (see the module documentation). Throws DomainError
 * `validation_failed` naming the line when a line refers to a partner not given, or falls before
 * the start year.
 */
export function computeBusinessCase(
  partners: readonly BusinessCasePartner[],
  lines: readonly BusinessCaseLineData[],
  options: Partial<BusinessCaseOptions> = {},
): BusinessCaseResult {
  const discountRate = options.discountRate ?? DEFAULT_DISCOUNT_RATE;
  const lineYears = lines.map((line) => line.year);
  const startYear = options.startYear ?? (lineYears.length === 0 ? null : Math.min(...lineYears));
  checkLines(partners, lines, startYear);

  const lastYear = lineYears.length === 0 ? startYear : Math.max(...lineYears);
  const years: number[] = [];
  if (startYear !== null && lastYear !== null) for (let y = startYear; y <= lastYear; y++) years.push(y);
  const factor = (year: number) => computeDiscountFactor(discountRate, year - (startYear ?? year));

  const costs = new Map<string, number>();
  const benefits = new Map<string, number>();
  const flows = new Map<string, { payer: string; beneficiary: string; nominal: number; present: number }>();
  for (const line of lines) {
    if (line.type === 'cost') {
      add(costs, cellKey(line.partnerId, line.year), line.amountCents);
      continue;
    }
    const beneficiary = line.beneficiaryPartnerId ?? line.partnerId;
    add(benefits, cellKey(beneficiary, line.year), line.amountCents);
    const flowKey = cellKey(line.partnerId, beneficiary);
    const flow = flows.get(flowKey) ?? { payer: line.partnerId, beneficiary, nominal: 0, present: 0 };
    flow.nominal += line.amountCents;
    flow.present += line.amountCents * factor(line.year);
    flows.set(flowKey, flow);
  }

  const partnerYears: BusinessCasePartnerYear[] = [];
  const totals: BusinessCasePartnerTotal[] = [];
  for (const partner of partners) {
    let costsCents = 0;
    let benefitsCents = 0;
    let presentValue = 0;
    for (const year of years) {
      const c = costs.get(cellKey(partner.id, year)) ?? 0;
      const b = benefits.get(cellKey(partner.id, year)) ?? 0;
      const pv = (b - c) * factor(year);
      partnerYears.push({
        partnerId: partner.id,
        year,
        costsCents: c,
        benefitsCents: b,
        netCents: b - c,
        presentValueCents: pv,
      });
      costsCents += c;
      benefitsCents += b;
      presentValue += pv;
    }
    totals.push({
      partnerId: partner.id,
      name: partner.name,
      costsCents,
      benefitsCents,
      netCents: benefitsCents - costsCents,
      npvCents: roundHalfAwayFromZero(presentValue),
    });
  }

  const chain = {
    costsCents: sum(totals.map((t) => t.costsCents)),
    benefitsCents: sum(totals.map((t) => t.benefitsCents)),
    netCents: sum(totals.map((t) => t.netCents)),
    npvCents: sum(totals.map((t) => t.npvCents)),
  };
  const warnings: BusinessCaseWarning[] = [];
  if (chain.npvCents > 0) {
    for (const total of totals) {
      if (total.npvCents < 0) {
        warnings.push({
          code: 'partner-loses-while-chain-gains',
          partnerId: total.partnerId,
          npvCents: total.npvCents,
        });
      }
    }
  } else if (chain.npvCents < 0) {
    warnings.push({ code: 'chain-loses', npvCents: chain.npvCents });
  }

  return {
    discountRate,
    startYear,
    years,
    partnerYears,
    partners: totals,
    chain,
    flows: [...flows.values()].map((flow) => ({
      payerPartnerId: flow.payer,
      beneficiaryPartnerId: flow.beneficiary,
      benefitsCents: flow.nominal,
      presentValueCents: roundHalfAwayFromZero(flow.present),
    })),
    warnings,
    compensation: computeCompensationProposal(
      totals.map((t) => ({ partnerId: t.partnerId, name: t.name, npvCents: t.npvCents })),
      discountRate,
    ),
  };
}

function checkLines(
  partners: readonly BusinessCasePartner[],
  lines: readonly BusinessCaseLineData[],
  startYear: number | null,
): void {
  const known = new Set(partners.map((p) => p.id));
  const problems: ErrorDetail[] = [];
  lines.forEach((line, i) => {
    if (!known.has(line.partnerId))
      problems.push({ path: `lines.${i}.partnerId`, message: 'not a partner of this business case' });
    const beneficiary = line.beneficiaryPartnerId ?? null;
    if (beneficiary !== null && !known.has(beneficiary)) {
      problems.push({ path: `lines.${i}.beneficiaryPartnerId`, message: 'not a partner of this business case' });
    }
    if (startYear !== null && line.year < startYear) {
      problems.push({ path: `lines.${i}.year`, message: `lies before the start year ${startYear}` });
    }
  });
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'the business case has lines that do not fit', problems);
}

function cellKey(a: string, b: string | number): string {
  return `${a}\u0000${b}`;
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
