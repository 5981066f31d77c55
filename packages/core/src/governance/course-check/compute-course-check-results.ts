/**
 * Results of a course-check round: the heat map partner × area, the chain average, the spread, the
 * change since the previous round and the warnings.
 *
 * Definitions (also the text of the help page):
 * - A respondent's **area score** is the mean of their scores on the area's questions (skipped
 *   questions left out). When a respondent appears in several responses, the last one counts.
 * - A **partner's mean** for an area (a heat-map cell) is the mean of its respondents' area scores:
 *   each respondent of the partner weighs the same.
 * - The **chain average** of an area is the mean of the partner means: each partner weighs the
 *   same, however many people answered for it — the chain is a network of equals.
 * - **Spread** (disagreement) is given twice, both as population standard deviations (dividing by
 *   n, describing the people who answered rather than estimating a wider population):
 *   `spreadBetweenPartners` over the partner means, and `spreadBetweenRespondents` over all
 *   respondents' area scores regardless of partner. A spread of 0 means full agreement.
 * - **Change** = this round − previous round, per cell and per area (null when either is missing).
 *   A partner's **mean change** is the mean of its cell changes over the areas present in both rounds.
 * - **Warnings**: `low-average` — an area's chain average below 3; `area-drop` — an area's chain
 *   average fell by 0.5 or more; `partner-area-drop` — a partner's mean for an area fell by 0.5 or
 *   more; `high-spread` — partners disagree: spread between partners of 1.0 or more;
 *   `dropout-risk` — the partner whose support falls fastest (most negative mean change), provided it
 *   fell by at least 0.25 (ties flag each). Thresholds are options.
 * - **Anonymity**: respondent ids only group answers inside this function; no result contains them.
 *   Comments are returned per partner and question, sorted by text, so their order reveals no one.
 */
import { computeMean, computePopulationStandardDeviation } from '../shared/statistics.ts';
import {
  COURSE_CHECK_AREAS,
  type CourseCheckArea,
  type CourseCheckQuestionSet,
  type CourseCheckResponse,
} from './course-check-schemas.ts';

/** What a round contributes to the computation. */
export interface CourseCheckRoundData {
  readonly questionSet: CourseCheckQuestionSet;
  readonly responses: readonly Pick<CourseCheckResponse, 'partnerId' | 'respondentId' | 'answers'>[];
}

/** Thresholds of the warnings. */
export interface CourseCheckOptions {
  /** An area's chain average below this is low (default 3). */
  readonly lowAverageBelow: number;
  /** A fall of at least this much is a drop (default 0.5). */
  readonly dropAtLeast: number;
  /** A spread between partners of at least this much is high (default 1.0). */
  readonly highSpreadAtLeast: number;
  /** The fastest-falling partner is flagged only when its mean change is at most minus this (default 0.25). */
  readonly dropoutMinDecline: number;
}

/** The thresholds of the documented rule. */
export const DEFAULT_COURSE_CHECK_OPTIONS: CourseCheckOptions = {
  lowAverageBelow: 3,
  dropAtLeast: 0.5,
  highSpreadAtLeast: 1,
  dropoutMinDecline: 0.25,
};

/** One heat-map cell: a partner's mean on an area, with the previous round's and the change. */
export interface CourseCheckCell {
  readonly partnerId: string;
  readonly area: CourseCheckArea;
  /** Null when no respondent of the partner scored a question of the area. */
  readonly mean: number | null;
  /** Respondents of the partner with a score on this area. */
  readonly respondentCount: number;
  readonly previousMean: number | null;
  readonly change: number | null;
}

/** The chain-wide figures of one area. */
export interface CourseCheckAreaSummary {
  readonly area: CourseCheckArea;
  readonly chainAverage: number | null;
  readonly spreadBetweenPartners: number | null;
  readonly spreadBetweenRespondents: number | null;
  /** Partners with a mean on this area. */
  readonly partnerCount: number;
  readonly respondentCount: number;
  readonly previousChainAverage: number | null;
  readonly change: number | null;
}

/** A partner's participation and how its support moved since the previous round. */
export interface CourseCheckPartnerSummary {
  readonly partnerId: string;
  readonly respondentCount: number;
  /** Mean over areas of this partner's cell means; null without scores. */
  readonly overallMean: number | null;
  /** Mean of the cell changes; null when no area can be compared. */
  readonly meanChange: number | null;
  readonly areasCompared: number;
}

/** A signal for the director. */
export type CourseCheckWarning =
  | { readonly code: 'low-average'; readonly area: CourseCheckArea; readonly chainAverage: number }
  | { readonly code: 'area-drop'; readonly area: CourseCheckArea; readonly change: number }
  | {
      readonly code: 'partner-area-drop';
      readonly partnerId: string;
      readonly area: CourseCheckArea;
      readonly change: number;
    }
  | { readonly code: 'high-spread'; readonly area: CourseCheckArea; readonly spreadBetweenPartners: number }
  | { readonly code: 'dropout-risk'; readonly partnerId: string; readonly meanChange: number };

/** A comment, attributed to a partner but never to a person. */
export interface CourseCheckComment {
  readonly partnerId: string;
  readonly area: CourseCheckArea;
  readonly questionKey: string;
  readonly comment: string;
}

/** Everything the course-check page shows for a round. Contains no respondent ids. */
export interface CourseCheckResults {
  /** Areas with questions in this round's set, in the order of COURSE_CHECK_AREAS. */
  readonly areas: readonly CourseCheckArea[];
  /** Partners that answered this round or the previous, this round's first (in order of first response). */
  readonly partners: readonly CourseCheckPartnerSummary[];
  /** Heat map: every partner × every area, partner-major in the order of `partners` and `areas`. */
  readonly cells: readonly CourseCheckCell[];
  readonly areaSummaries: readonly CourseCheckAreaSummary[];
  readonly warnings: readonly CourseCheckWarning[];
  readonly comments: readonly CourseCheckComment[];
}

/** Aggregates of one round. */
interface RoundAggregates {
  readonly partnerOrder: string[];
  /** partnerId → area → respondent area scores */
  readonly scores: Map<string, Map<CourseCheckArea, number[]>>;
  readonly respondentsPerPartner: Map<string, number>;
}

const EPSILON = 1e-9;

/**
 * Computes the results of `current`, compared with `previous` when given (see the module
 * documentation for every definition).
 */
export function computeCourseCheckResults(
  current: CourseCheckRoundData,
  previous: CourseCheckRoundData | null = null,
  options: CourseCheckOptions = DEFAULT_COURSE_CHECK_OPTIONS,
): CourseCheckResults {
  const now = aggregateRound(current);
  const before = previous === null ? null : aggregateRound(previous);
  const present = new Set(current.questionSet.questions.map((q) => q.area));
  const areas = COURSE_CHECK_AREAS.filter((area) => present.has(area));
  const partnerIds = [...new Set([...now.partnerOrder, ...(before?.partnerOrder ?? [])])];

  const partnerMean = (round: RoundAggregates | null, partnerId: string, area: CourseCheckArea): number | null =>
    round === null ? null : computeMean(round.scores.get(partnerId)?.get(area) ?? []);

  const cells: CourseCheckCell[] = [];
  for (const partnerId of partnerIds) {
    for (const area of areas) {
      const mean = partnerMean(now, partnerId, area);
      const previousMean = partnerMean(before, partnerId, area);
      cells.push({
        partnerId,
        area,
        mean,
        respondentCount: now.scores.get(partnerId)?.get(area)?.length ?? 0,
        previousMean,
        change: mean === null || previousMean === null ? null : mean - previousMean,
      });
    }
  }

  const areaSummaries = areas.map((area): CourseCheckAreaSummary => {
    const means = partnerIds.flatMap((p) => nonNull(partnerMean(now, p, area)));
    const respondentScores = partnerIds.flatMap((p) => now.scores.get(p)?.get(area) ?? []);
    const chainAverage = computeMean(means);
    const previousChainAverage =
      before === null ? null : computeMean(partnerIds.flatMap((p) => nonNull(partnerMean(before, p, area))));
    return {
      area,
      chainAverage,
      spreadBetweenPartners: computePopulationStandardDeviation(means),
      spreadBetweenRespondents: computePopulationStandardDeviation(respondentScores),
      partnerCount: means.length,
      respondentCount: respondentScores.length,
      previousChainAverage,
      change: chainAverage === null || previousChainAverage === null ? null : chainAverage - previousChainAverage,
    };
  });

  const partners = partnerIds.map((partnerId): CourseCheckPartnerSummary => {
    const own = cells.filter((cell) => cell.partnerId === partnerId);
    const changes = own.flatMap((cell) => nonNull(cell.change));
    return {
      partnerId,
      respondentCount: now.respondentsPerPartner.get(partnerId) ?? 0,
      overallMean: computeMean(own.flatMap((cell) => nonNull(cell.mean))),
      meanChange: computeMean(changes),
      areasCompared: changes.length,
    };
  });

  return {
    areas,
    partners,
    cells,
    areaSummaries,
    warnings: findWarnings(areaSummaries, cells, partners, options),
    comments: collectComments(current, now.partnerOrder),
  };
}

function aggregateRound(round: CourseCheckRoundData): RoundAggregates {
  const areaOf = new Map(round.questionSet.questions.map((q) => [q.key, q.area]));
  const lastResponse = new Map<string, CourseCheckRoundData['responses'][number]>();
  for (const response of round.responses) lastResponse.set(response.respondentId, response);
  const partnerOrder: string[] = [];
  const scores = new Map<string, Map<CourseCheckArea, number[]>>();
  const respondentsPerPartner = new Map<string, number>();
  for (const response of round.responses) {
    if (!partnerOrder.includes(response.partnerId)) partnerOrder.push(response.partnerId);
  }
  for (const response of lastResponse.values()) {
    respondentsPerPartner.set(response.partnerId, (respondentsPerPartner.get(response.partnerId) ?? 0) + 1);
    const perArea = new Map<CourseCheckArea, number[]>();
    for (const answer of response.answers) {
      const area = areaOf.get(answer.questionKey);
      if (area === undefined || answer.score === null) continue;
      const list = perArea.get(area) ?? [];
      list.push(answer.score);
      perArea.set(area, list);
    }
    const partnerScores = scores.get(response.partnerId) ?? new Map<CourseCheckArea, number[]>();
    for (const [area, list] of perArea) {
      const areaScores = partnerScores.get(area) ?? [];
      areaScores.push(computeMean(list) as number);
      partnerScores.set(area, areaScores);
    }
    scores.set(response.partnerId, partnerScores);
  }
  return { partnerOrder, scores, respondentsPerPartner };
}

function findWarnings(
  areaSummaries: readonly CourseCheckAreaSummary[],
  cells: readonly CourseCheckCell[],
  partners: readonly CourseCheckPartnerSummary[],
  options: CourseCheckOptions,
): CourseCheckWarning[] {
  const warnings: CourseCheckWarning[] = [];
  for (const summary of areaSummaries) {
    if (summary.chainAverage !== null && summary.chainAverage < options.lowAverageBelow - EPSILON) {
      warnings.push({ code: 'low-average', area: summary.area, chainAverage: summary.chainAverage });
    }
    if (summary.change !== null && summary.change <= -options.dropAtLeast + EPSILON) {
      warnings.push({ code: 'area-drop', area: summary.area, change: summary.change });
    }
    if (
      summary.spreadBetweenPartners !== null &&
      summary.spreadBetweenPartners >= options.highSpreadAtLeast - EPSILON
    ) {
      warnings.push({ code: 'high-spread', area: summary.area, spreadBetweenPartners: summary.spreadBetweenPartners });
    }
  }
  for (const cell of cells) {
    if (cell.change !== null && cell.change <= -options.dropAtLeast + EPSILON) {
      warnings.push({ code: 'partner-area-drop', partnerId: cell.partnerId, area: cell.area, change: cell.change });
    }
  }
  const changes = partners.flatMap((p) => nonNull(p.meanChange));
  if (changes.length > 0) {
    const fastest = Math.min(...changes);
    if (fastest <= -options.dropoutMinDecline + EPSILON) {
      for (const partner of partners) {
        if (partner.meanChange !== null && partner.meanChange <= fastest + EPSILON) {
          warnings.push({ code: 'dropout-risk', partnerId: partner.partnerId, meanChange: partner.meanChange });
        }
      }
    }
  }
  return warnings;
}

function collectComments(round: CourseCheckRoundData, partnerOrder: readonly string[]): CourseCheckComment[] {
  const questionIndex = new Map(round.questionSet.questions.map((q, i) => [q.key, { area: q.area, index: i }]));
  const lastResponse = new Map<string, CourseCheckRoundData['responses'][number]>();
  for (const response of round.responses) lastResponse.set(response.respondentId, response);
  const comments: (CourseCheckComment & { readonly order: number })[] = [];
  for (const response of lastResponse.values()) {
    for (const answer of response.answers) {
      const question = questionIndex.get(answer.questionKey);
      const comment = answer.comment.trim();
      if (question === undefined || comment === '') continue;
      comments.push({
        partnerId: response.partnerId,
        area: question.area,
        questionKey: answer.questionKey,
        comment,
        order: question.index,
      });
    }
  }
  return comments
    .sort(
      (x, y) =>
        partnerOrder.indexOf(x.partnerId) - partnerOrder.indexOf(y.partnerId) ||
        x.order - y.order ||
        (x.comment < y.comment ? -1 : x.comment > y.comment ? 1 : 0),
    )
    .map(({ partnerId, area, questionKey, comment }) => ({ partnerId, area, questionKey, comment }));
}

function nonNull(value: number | null): number[] {
  return value === null ? [] : [value];
}
