/**
 * The regisseur's home page in one object: "are we still on course?"
 *
 * Headline rule: `off-course` when any societal indicator is off course; otherwise `attention` when
 * any indicator is at risk or off course, the course check has a warning, an agreement needs
 * attention, or a partner loses money while the chain gains; otherwise `on-course`.
 */
import {
  DEFAULT_INDICATOR_STATUS_OPTIONS,
  computeIndicatorStatus,
  type IndicatorPath,
  type IndicatorStatus,
  type IndicatorStatusOptions,
} from '../indicators/compute-indicator-status.ts';
import type { IndicatorKind } from '../indicators/indicator-schemas.ts';
import type { CurrentMeasurement } from '../indicators/select-current-measurements.ts';
import {
  computeAgreementsNeedingAttention,
  type AgreementNeedingAttention,
  type AttentionAgreement,
} from '../agreements/compute-agreements-needing-attention.ts';
import type { CourseCheckResults, CourseCheckWarning } from '../course-check/compute-course-check-results.ts';
import type { BusinessCaseResult } from '../business-case/compute-business-case.ts';
import type { Intervention } from '../interventions/intervention-schemas.ts';

/** Counts of indicators per status. */
export type IndicatorStatusCounts = Readonly<Record<IndicatorStatus, number>> & { readonly total: number };

/** The home page's answer. */
export interface ChainHealth {
  readonly today: string;
  readonly headline: 'on-course' | 'attention' | 'off-course';
  /** All indicators, and per kind. */
  readonly indicators: IndicatorStatusCounts & {
    readonly byKind: Readonly<Record<IndicatorKind, IndicatorStatusCounts>>;
  };
  /** Indicators that are at risk or off course, worst first (off course, then by shortfall). */
  readonly indicatorsOffTrack: readonly {
    readonly indicatorId: string;
    readonly kind: IndicatorKind;
    readonly status: IndicatorStatus;
    readonly shortfall: number | null;
  }[];
  /** Warnings of the latest course-check round; empty when there is none. */
  readonly courseCheckWarnings: readonly CourseCheckWarning[];
  /** Partners flagged as dropout risk in the latest round. */
  readonly dropoutRiskPartnerIds: readonly string[];
  readonly agreementsNeedingAttention: readonly AgreementNeedingAttention[];
  /** Partners whose business-case NPV is negative, with the NPV in cents. */
  readonly partnersLosingMoney: readonly { readonly partnerId: string; readonly npvCents: number }[];
  /** True when the chain's NPV > 0 while some partner's is < 0 (the wrong-pocket warning). */
  readonly wrongPocket: boolean;
  readonly runningInterventionIds: readonly string[];
}

/** Everything the home page combines; the course check and business case as computed for their own pages. */
export interface ChainHealthInput {
  readonly today: string;
  readonly indicators: readonly (IndicatorPath & { readonly id: string; readonly kind: IndicatorKind })[];
  /** Current measurements of all indicators (see selectCurrentMeasurements). */
  readonly measurements: readonly Pick<CurrentMeasurement, 'indicatorId' | 'date' | 'value'>[];
  readonly agreements: readonly AttentionAgreement[];
  /** Results of the latest course-check round (compared with the one before), or null. */
  readonly courseCheck: CourseCheckResults | null;
  readonly businessCase: BusinessCaseResult | null;
  readonly interventions: readonly Pick<Intervention, 'id' | 'status'>[];
  readonly statusOptions?: IndicatorStatusOptions;
}

/** Combines the governance figures into the home-page summary (see the module documentation). */
export function computeChainHealth(input: ChainHealthInput): ChainHealth {
  const byIndicator = new Map<string, { date: string; value: number }[]>();
  for (const m of input.measurements) {
    const list = byIndicator.get(m.indicatorId) ?? [];
    list.push({ date: m.date, value: m.value });
    byIndicator.set(m.indicatorId, list);
  }
  const evaluated = input.indicators.map((indicator) => ({
    indicator,
    result: computeIndicatorStatus(
      indicator,
      byIndicator.get(indicator.id) ?? [],
      input.statusOptions ?? DEFAULT_INDICATOR_STATUS_OPTIONS,
    ),
  }));
  const count = (kind: IndicatorKind | null): IndicatorStatusCounts => {
    const counts = { 'on-course': 0, 'at-risk': 0, 'off-course': 0, 'no-data': 0, total: 0 };
    for (const { indicator, result } of evaluated) {
      if (kind !== null && indicator.kind !== kind) continue;
      counts[result.status] += 1;
      counts.total += 1;
    }
    return counts;
  };
  const indicatorsOffTrack = evaluated
    .filter(({ result }) => result.status === 'at-risk' || result.status === 'off-course')
    .map(({ indicator, result }) => ({
      indicatorId: indicator.id,
      kind: indicator.kind,
      status: result.status,
      shortfall: result.shortfall,
    }))
    .sort(
      (x, y) =>
        Number(y.status === 'off-course') - Number(x.status === 'off-course') ||
        (y.shortfall ?? 0) - (x.shortfall ?? 0),
    );

  const courseCheckWarnings = input.courseCheck?.warnings ?? [];
  const agreementsNeedingAttention = computeAgreementsNeedingAttention(input.agreements, input.today);
  const partnersLosingMoney = (input.businessCase?.partners ?? [])
    .filter((p) => p.npvCents < 0)
    .map((p) => ({ partnerId: p.partnerId, npvCents: p.npvCents }));
  const wrongPocket = (input.businessCase?.warnings ?? []).some((w) => w.code === 'partner-loses-while-chain-gains');

  const societalOffCourse = evaluated.some(
    ({ indicator, result }) => indicator.kind === 'societal' && result.status === 'off-course',
  );
  const attention =
    indicatorsOffTrack.length > 0 ||
    courseCheckWarnings.length > 0 ||
    agreementsNeedingAttention.length > 0 ||
    wrongPocket;

  return {
    today: input.today,
    headline: societalOffCourse ? 'off-course' : attention ? 'attention' : 'on-course',
    indicators: {
      ...count(null),
      byKind: { societal: count('societal'), organisational: count('organisational'), process: count('process') },
    },
    indicatorsOffTrack,
    courseCheckWarnings,
    dropoutRiskPartnerIds: courseCheckWarnings.flatMap((w) => (w.code === 'dropout-risk' ? [w.partnerId] : [])),
    agreementsNeedingAttention,
    partnersLosingMoney,
    wrongPocket,
    runningInterventionIds: input.interventions.filter((i) => i.status === 'running').map((i) => i.id),
  };
}
