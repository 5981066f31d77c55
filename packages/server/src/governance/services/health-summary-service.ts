/**
 * The regisseur's home page: every governance figure of the chain combined by core's
 * computeChainHealth — indicator status, course-check warnings of the latest round, agreements
 * needing attention, partners losing money in the business case, running interventions.
 */
import { computeChainHealth } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { listAgreements } from '../repositories/agreement-repository.ts';
import { findBusinessCaseSettings, listBusinessCaseLines } from '../repositories/business-case-repository.ts';
import { listInterventionRows } from '../repositories/intervention-repository.ts';
import { DEFAULT_BUSINESS_CASE_SETTINGS } from '../schemas/business-case-api-schemas.ts';
import type { HealthSummary } from '../schemas/health-api-schemas.ts';
import { computeChainBusinessCase } from './business-case-service.ts';
import { findLatestRoundResults } from './course-check-service.ts';
import { readGovernanceChain } from './governance-chain.ts';
import { readIndicatorState } from './indicator-service.ts';

/** "Are we still on course?" for the chain, as of `today`. */
export async function getHealthSummary(db: Queryable, chainRef: string, today: string): Promise<HealthSummary> {
  const state = await readGovernanceChain(db, chainRef);
  const chainId = state.chain.id;
  const { versions, current } = await readIndicatorState(db, chainId);
  const courseCheck = await findLatestRoundResults(db, chainId);
  const lines = await listBusinessCaseLines(db, chainId);
  const settings = (await findBusinessCaseSettings(db, chainId)) ?? DEFAULT_BUSINESS_CASE_SETTINGS;
  const health = computeChainHealth({
    today,
    indicators: versions.map((v) => ({ ...v, id: v.indicatorId })),
    measurements: current,
    agreements: await listAgreements(db, chainId),
    courseCheck: courseCheck?.results ?? null,
    businessCase: lines.length === 0 ? null : computeChainBusinessCase(state, lines, settings),
    interventions: await listInterventionRows(db, chainId),
  });
  return { health, latestCourseCheckRoundId: courseCheck?.roundId ?? null };
}
