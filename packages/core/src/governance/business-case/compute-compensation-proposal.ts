/**
 * A compensation proposal for the wrong-pocket problem: when the chain as a whole gains but some
 * partners lose, transfers from the winners to the losers that leave no partner worse off.
 *
 * Rule (also the text of the help page), on net present values in whole cents:
 * - losers are partners with NPV < 0, winners those with NPV > 0; the total loss is L and the total
 *   gain G;
 * - when there are no losers, no compensation is needed; when L > G (the chain as a whole loses) no
 *   transfers can make everyone whole, and the plan itself must change;
 * - otherwise every loser is made whole exactly (receives its loss), and the winners fund the total
 *   L in proportion to their gains: winner w pays L·gain(w)/G, rounded to cents by the
 *   largest-remainder method, which never asks more than the winner gains;
 * - each loser's compensation is split over the winners in proportion to what they pay, and the
 *   cents are balanced so that every winner pays exactly its share and every loser receives exactly
 *   its loss. Transfers therefore sum to zero, losers end at NPV 0, winners at NPV ≥ 0.
 * The amounts are present values: paid in year 0 they are exactly the amounts listed; spread over
 * later years they grow with the discount rate.
 */
import { apportionCents, formatEuroCents, formatDecimal, joinNames } from '../shared/money.ts';
import type { BilingualText, Language } from '../shared/schema-parts.ts';

/** A partner's net present value, with its name for the explanation. */
export interface PartnerNpv {
  readonly partnerId: string;
  readonly name: string;
  readonly npvCents: number;
}

/** One payment of the proposal. */
export interface CompensationTransfer {
  readonly fromPartnerId: string;
  readonly toPartnerId: string;
  /** Positive, in cents, as a present value. */
  readonly amountCents: number;
}

/** A partner's position before and after the proposal. */
export interface CompensationOutcome {
  readonly partnerId: string;
  readonly npvBeforeCents: number;
  readonly paidCents: number;
  readonly receivedCents: number;
  /** npvBefore − paid + received; never negative in a proposal. */
  readonly npvAfterCents: number;
}

/** The proposal, or why there is none. Every variant carries an explanation in both languages. */
export type CompensationProposal =
  | { readonly kind: 'not-needed'; readonly explanation: BilingualText }
  | { readonly kind: 'chain-loses'; readonly chainNpvCents: number; readonly explanation: BilingualText }
  | {
      readonly kind: 'proposal';
      readonly totalLossCents: number;
      readonly totalGainCents: number;
      readonly transfers: readonly CompensationTransfer[];
      readonly outcomes: readonly CompensationOutcome[];
      readonly explanation: BilingualText;
    };

/**
 * Computes the compensation proposal for the partners' NPVs (whole cents) by the rule of the module
 * documentation. `discountRate` only appears in the explanation.
 */
export function computeCompensationProposal(
  partners: readonly PartnerNpv[],
  discountRate: number,
): CompensationProposal {
  const losers = partners.filter((p) => p.npvCents < 0);
  const winners = partners.filter((p) => p.npvCents > 0);
  const totalLoss = losers.reduce((sum, p) => sum - p.npvCents, 0);
  const totalGain = winners.reduce((sum, p) => sum + p.npvCents, 0);
  const chainNpv = totalGain - totalLoss;

  if (losers.length === 0) {
    return {
      kind: 'not-needed',
      explanation: {
        nl: 'Geen enkele partner verliest op dit plan; compensatie is niet nodig.',
        en: 'No partner loses on this plan; no compensation is needed.',
      },
    };
  }
  if (totalLoss > totalGain) {
    return {
      kind: 'chain-loses',
      chainNpvCents: chainNpv,
      explanation: explainChainLoses(losers, chainNpv, discountRate),
    };
  }

  const contributions = apportionCents(
    totalLoss,
    winners.map((w) => w.npvCents),
  );
  const matrix = splitOverWinners(
    losers.map((l) => -l.npvCents),
    contributions,
  );
  const transfers: CompensationTransfer[] = [];
  winners.forEach((winner, w) => {
    losers.forEach((loser, l) => {
      const amountCents = matrix[l]?.[w] ?? 0;
      if (amountCents > 0)
        transfers.push({ fromPartnerId: winner.partnerId, toPartnerId: loser.partnerId, amountCents });
    });
  });
  const outcomes = partners.map((partner): CompensationOutcome => {
    const paidCents = sumOf(transfers.filter((t) => t.fromPartnerId === partner.partnerId));
    const receivedCents = sumOf(transfers.filter((t) => t.toPartnerId === partner.partnerId));
    return {
      partnerId: partner.partnerId,
      npvBeforeCents: partner.npvCents,
      paidCents,
      receivedCents,
      npvAfterCents: partner.npvCents - paidCents + receivedCents,
    };
  });
  return {
    kind: 'proposal',
    totalLossCents: totalLoss,
    totalGainCents: totalGain,
    transfers,
    outcomes,
    explanation: explainProposal(partners, losers, winners, transfers, totalLoss, totalGain, discountRate),
  };
}

/**
 * Splits each loser's need (column) over the winners (rows) in proportion to what each winner
 * contributes, then moves cents within columns until every row sums exactly to its contribution.
 * Row totals and column totals are equal in sum, so the balancing always succeeds.
 */
function splitOverWinners(needs: readonly number[], contributions: readonly number[]): number[][] {
  const matrix = needs.map((need) => apportionCents(need, contributions));
  const rowSum = (w: number) => matrix.reduce((sum, column) => sum + (column[w] ?? 0), 0);
  for (let over = 0; over < contributions.length; over++) {
    let excess = rowSum(over) - (contributions[over] ?? 0);
    for (let under = 0; excess > 0 && under < contributions.length; under++) {
      let deficit = (contributions[under] ?? 0) - rowSum(under);
      for (let l = 0; excess > 0 && deficit > 0 && l < matrix.length; l++) {
        const column = matrix[l] as number[];
        const move = Math.min(excess, deficit, column[over] ?? 0);
        if (move <= 0) continue;
        column[over] = (column[over] ?? 0) - move;
        column[under] = (column[under] ?? 0) + move;
        excess -= move;
        deficit -= move;
      }
    }
  }
  return matrix;
}

function sumOf(transfers: readonly CompensationTransfer[]): number {
  return transfers.reduce((sum, t) => sum + t.amountCents, 0);
}

function ratePercent(discountRate: number, language: Language): string {
  return `${formatDecimal(discountRate * 100, language, 2)}%`;
}

function explainChainLoses(losers: readonly PartnerNpv[], chainNpv: number, discountRate: number): BilingualText {
  const names = (language: Language) =>
    joinNames(
      losers.map((l) => l.name),
      language,
    );
  return {
    nl:
      `De keten als geheel verliest ${formatEuroCents(-chainNpv, 'nl')} (netto contante waarde bij ${ratePercent(discountRate, 'nl')} disconto). ` +
      `Herverdelen kan ${names('nl')} daarom niet schadeloos stellen zonder dat een ander verlies lijdt: het plan zelf moet worden aangepast.`,
    en:
      `The chain as a whole loses ${formatEuroCents(-chainNpv, 'en')} (net present value at a ${ratePercent(discountRate, 'en')} discount rate). ` +
      `Redistribution therefore cannot make ${names('en')} whole without someone else losing: the plan itself has to change.`,
  };
}

function explainProposal(
  partners: readonly PartnerNpv[],
  losers: readonly PartnerNpv[],
  winners: readonly PartnerNpv[],
  transfers: readonly CompensationTransfer[],
  totalLoss: number,
  totalGain: number,
  discountRate: number,
): BilingualText {
  const nameOf = new Map(partners.map((p) => [p.partnerId, p.name]));
  const text = (language: Language): string => {
    const nl = language === 'nl';
    const loserNames = joinNames(
      losers.map((l) => l.name),
      language,
    );
    const winnerNames = joinNames(
      winners.map((w) => w.name),
      language,
    );
    const loss =
      losers.length === 1
        ? nl
          ? `${loserNames} verliest ${formatEuroCents(totalLoss, language)}`
          : `${loserNames} loses ${formatEuroCents(totalLoss, language)}`
        : nl
          ? `${loserNames} verliezen samen ${formatEuroCents(totalLoss, language)}`
          : `${loserNames} lose ${formatEuroCents(totalLoss, language)} together`;
    const gain =
      winners.length === 1
        ? nl
          ? `${winnerNames} wint ${formatEuroCents(totalGain, language)}`
          : `${winnerNames} gains ${formatEuroCents(totalGain, language)}`
        : nl
          ? `${winnerNames} winnen samen ${formatEuroCents(totalGain, language)}`
          : `${winnerNames} gain ${formatEuroCents(totalGain, language)} together`;
    const payments = transfers.map((t) =>
      nl
        ? `${nameOf.get(t.fromPartnerId) ?? t.fromPartnerId} betaalt ${formatEuroCents(t.amountCents, language)} aan ${nameOf.get(t.toPartnerId) ?? t.toPartnerId}`
        : `${nameOf.get(t.fromPartnerId) ?? t.fromPartnerId} pays ${formatEuroCents(t.amountCents, language)} to ${nameOf.get(t.toPartnerId) ?? t.toPartnerId}`,
    );
    const rest = formatEuroCents(totalGain - totalLoss, language);
    const rate = ratePercent(discountRate, language);
    return nl
      ? `${loss}; ${gain} (netto contante waarde bij ${rate} disconto). ` +
          `Voorstel: ${payments.join('; ')}. ` +
          `Zo krijgt elke verliezende partner zijn verlies volledig vergoed, betaald door de winnende partners naar verhouding van hun winst. ` +
          `Daarna lijdt geen partner verlies en wint de keten samen nog steeds ${rest}.`
      : `${loss}; ${gain} (net present value at a ${rate} discount rate). ` +
          `Proposal: ${payments.join('; ')}. ` +
          `This makes every losing partner whole, paid for by the winning partners in proportion to their gains. ` +
          `Afterwards no partner loses and the chain as a whole still gains ${rest}.`;
  };
  return { nl: text('nl'), en: text('en') };
}
