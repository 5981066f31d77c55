/**
 * The chain detail as a role may see it: the trajectory totals are case-derived aggregates, so for
 * roles without case-level access they are withheld when the chain holds fewer cases than its
 * small-cell threshold.
 */
import { z } from 'zod';
import {
  chainDetailSchema,
  trajectoryStatsSchema,
  type ChainDetail,
  type TrajectoryStats,
} from '../chain/chain-schemas.ts';
import { isSmallCell } from './small-cells.ts';

/** Trajectory totals after suppression: counts and dates are `null` when withheld. */
export const visibleTrajectoryStatsSchema = trajectoryStatsSchema.extend({
  cases: z.number().int().nullable(),
  events: z.number().int().nullable(),
  suppressed: z
    .boolean()
    .describe('True when the totals are withheld because they cover fewer cases than the threshold'),
});
/** See {@link visibleTrajectoryStatsSchema}. */
export type VisibleTrajectoryStats = z.infer<typeof visibleTrajectoryStatsSchema>;

/** A chain detail whose trajectory totals may be suppressed. */
export const visibleChainDetailSchema = chainDetailSchema.extend({ trajectories: visibleTrajectoryStatsSchema });
/** See {@link visibleChainDetailSchema}. */
export type VisibleChainDetail = z.infer<typeof visibleChainDetailSchema>;

/**
 * The totals a caller may see: everything for callers with case-level access, otherwise withheld
 * (counts and first/last dates) when the cases are a small cell under `threshold`.
 */
export function computeVisibleTrajectoryStats(
  stats: TrajectoryStats,
  threshold: number,
  seesCases: boolean,
): VisibleTrajectoryStats {
  if (seesCases || !isSmallCell(stats.cases, threshold)) {
    return { ...stats, suppressed: false };
  }
  return { imports: stats.imports, cases: null, events: null, firstEventAt: null, lastEventAt: null, suppressed: true };
}

/** {@link computeVisibleTrajectoryStats} applied to a whole chain detail. */
export function computeVisibleChainDetail(
  detail: ChainDetail,
  threshold: number,
  seesCases: boolean,
): VisibleChainDetail {
  return { ...detail, trajectories: computeVisibleTrajectoryStats(detail.trajectories, threshold, seesCases) };
}
