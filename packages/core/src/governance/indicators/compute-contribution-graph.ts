/**
 * The contribution graph of the common agenda: for each societal indicator, which organisational
 * and process indicators and which links contribute to it, with a warning when partners improve
 * their own figures while the shared result stands still.
 *
 * Definitions, in shares of each indicator's own baseline→target distance per year (so that
 * indicators in different units compare), with q = the pace its own path requires
 * (1 / years from baseline to target):
 * - an indicator **improves** when its trend covers at least half the required pace (≥ 0.5·q);
 * - a societal indicator **stands still** when its trend covers less than a quarter of the required
 *   pace (< 0.25·q), which includes moving away from its target;
 * - **own figures optimised** ("partners optimise their own figures"): the societal indicator
 *   stands still, and of its contributing organisational indicators that have a trend at least one,
 *   and at least half, improve. Indicators without a trend (fewer than two measurement dates) count
 *   for neither side.
 */
import type { IndicatorFields, IndicatorKind } from './indicator-schemas.ts';
import {
  DEFAULT_INDICATOR_STATUS_OPTIONS,
  computeIndicatorStatus,
  type DatedValue,
  type IndicatorStatus,
  type IndicatorStatusOptions,
  type IndicatorTrend,
} from './compute-indicator-status.ts';

/** Thresholds of the contribution-graph rule, as fractions of the pace each path requires. */
export interface ContributionGraphOptions {
  /** An indicator improves when its pace is at least this fraction of the required pace (default 0.5). */
  readonly improvingShareOfRequiredPace: number;
  /** A societal indicator stands still below this fraction of the required pace (default 0.25). */
  readonly standingStillShareOfRequiredPace: number;
  readonly status: IndicatorStatusOptions;
}

/** The thresholds of the documented rule. */
export const DEFAULT_CONTRIBUTION_GRAPH_OPTIONS: ContributionGraphOptions = {
  improvingShareOfRequiredPace: 0.5,
  standingStillShareOfRequiredPace: 0.25,
  status: DEFAULT_INDICATOR_STATUS_OPTIONS,
};

/** How an indicator's trend compares with the pace its path requires. */
export type ContributionPace = 'improving' | 'standing-still' | 'in-between' | 'unknown';

/** An indicator in the graph, with its status and pace. */
export interface ContributionNode {
  readonly indicatorId: string;
  readonly key: string;
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly ownerPartnerId: string | null;
  readonly status: IndicatorStatus;
  /** Trend pace as a share of the distance per year; null without a trend. */
  readonly progressPerYear: number | null;
  /** progressPerYear divided by the pace the path requires; null without a trend. */
  readonly paceRatio: number | null;
  readonly pace: ContributionPace;
}

/** One societal indicator with everything that contributes to it. */
export interface SocietalContribution {
  readonly societal: ContributionNode;
  readonly organisational: readonly ContributionNode[];
  readonly process: readonly ContributionNode[];
  /** Links named by the societal indicator or any contributor, each once, in order of first mention. */
  readonly linkIds: readonly string[];
  /** True when partners improve their own figures while the shared result stands still (see module doc). */
  readonly ownFiguresOptimised: boolean;
}

/** An indicator with the fields the graph needs. */
export type ContributionIndicator = Pick<
  IndicatorFields,
  | 'key'
  | 'name'
  | 'kind'
  | 'direction'
  | 'baseline'
  | 'target'
  | 'ownerPartnerId'
  | 'linkIds'
  | 'contributesToIndicatorIds'
> & { readonly id: string };

/**
 * Builds the contribution graph. `measurementsByIndicatorId` holds each indicator's current
 * measurements (see selectCurrentMeasurements); missing = none. Societal indicators appear in the
 * order given, contributors in the order given.
 */
export function computeContributionGraph(
  indicators: readonly ContributionIndicator[],
  measurementsByIndicatorId: ReadonlyMap<string, readonly DatedValue[]>,
  options: ContributionGraphOptions = DEFAULT_CONTRIBUTION_GRAPH_OPTIONS,
): SocietalContribution[] {
  const nodes = new Map<string, ContributionNode>();
  for (const indicator of indicators) {
    const result = computeIndicatorStatus(indicator, measurementsByIndicatorId.get(indicator.id) ?? [], options.status);
    nodes.set(indicator.id, toNode(indicator, result.status, result.trend, options));
  }
  return indicators
    .filter((indicator) => indicator.kind === 'societal')
    .map((societal) => {
      const contributors = indicators.filter((i) => i.contributesToIndicatorIds.includes(societal.id));
      const organisational = contributors.filter((i) => i.kind === 'organisational').map((i) => nodeOf(nodes, i.id));
      const process = contributors.filter((i) => i.kind === 'process').map((i) => nodeOf(nodes, i.id));
      const linkIds = [...new Set([societal, ...contributors].flatMap((i) => i.linkIds))];
      const societalNode = nodeOf(nodes, societal.id);
      const withTrend = organisational.filter((node) => node.pace !== 'unknown');
      const improving = withTrend.filter((node) => node.pace === 'improving').length;
      const ownFiguresOptimised =
        societalNode.pace === 'standing-still' && improving >= 1 && improving * 2 >= withTrend.length;
      return { societal: societalNode, organisational, process, linkIds, ownFiguresOptimised };
    });
}

function toNode(
  indicator: ContributionIndicator,
  status: IndicatorStatus,
  trend: IndicatorTrend | null,
  options: ContributionGraphOptions,
): ContributionNode {
  const paceRatio = trend === null ? null : trend.progressPerYear / trend.requiredProgressPerYear;
  const pace: ContributionPace =
    paceRatio === null
      ? 'unknown'
      : paceRatio >= options.improvingShareOfRequiredPace
        ? 'improving'
        : paceRatio < options.standingStillShareOfRequiredPace
          ? 'standing-still'
          : 'in-between';
  return {
    indicatorId: indicator.id,
    key: indicator.key,
    name: indicator.name,
    kind: indicator.kind,
    ownerPartnerId: indicator.ownerPartnerId,
    status,
    progressPerYear: trend === null ? null : trend.progressPerYear,
    paceRatio,
    pace,
  };
}

function nodeOf(nodes: ReadonlyMap<string, ContributionNode>, id: string): ContributionNode {
  return nodes.get(id) as ContributionNode;
}
