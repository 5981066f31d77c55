/**
 * The governance cycle of a chain, as pure computations: the common agenda (indicators, status,
 * trend, forecast, contribution graph), agreements and anchoring, the course check, partner
 * business cases with compensation, before/after evaluation of interventions, and the home-page
 * summary that combines them.
 */
export { bilingualTextSchema, type BilingualText } from './shared/schema-parts.ts';
export { formatEuroCents } from './shared/money.ts';

export * from './indicators/indicator-schemas.ts';
export * from './indicators/select-current-measurements.ts';
export * from './indicators/compute-indicator-status.ts';
export * from './indicators/compute-indicator-version-diff.ts';
export * from './indicators/compute-contribution-graph.ts';

export * from './agreements/agreement-schemas.ts';
export * from './agreements/agreement-transitions.ts';
export * from './agreements/compute-agreements-needing-attention.ts';

export * from './course-check/course-check-schemas.ts';
export * from './course-check/default-question-set.ts';
export * from './course-check/compute-course-check-results.ts';

export * from './business-case/business-case-schemas.ts';
export * from './business-case/compute-business-case.ts';
export * from './business-case/compute-compensation-proposal.ts';

export * from './interventions/intervention-schemas.ts';
export * from './interventions/compute-evaluation-windows.ts';
export * from './interventions/compute-intervention-evaluation.ts';

export * from './health/compute-chain-health.ts';
