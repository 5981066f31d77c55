/**
 * Before/after evaluation of an intervention with a bootstrap confidence interval and a verdict
 * that does not overclaim.
 *
 * Method (also the text of the help page):
 * - **Differences** are after − before: of the means and of the medians for a numeric series (e.g.
 *   per-case waiting times), of the shares for a proportion (e.g. share of cases within the norm).
 * - **Bootstrap** (two-sample, percentile method): 2,000 times (an option), draw as many
 *   observations as each period has from that period, with replacement, and compute the
 *   difference; the confidence interval is the 2.5% and 97.5% quantiles of these differences
 *   (for a 95% level; quantiles by linear interpolation, type 7). The draws come from a seeded
 *   generator, so the same data and seed always give the same interval.
 * - **Verdict**: `insufficient-data` when either period has fewer than 20 observations (an option);
 *   otherwise `improved` only when the whole interval lies strictly on the favourable side of zero
 *   (below zero when lower is better, above when higher is better), `worsened` when it lies
 *   strictly on the unfavourable side, and `no-measurable-change` when it contains zero. A numeric
 *   series is judged on the mean unless the median is chosen.
 * - The explanation says so in plain words, and for a measurable change it adds that a before/after
 *   comparison does not prove the intervention caused it.
 * Cost: O(resamples × (before + after)); about a second for 10,000 observations per period.
 */
import type { IndicatorDirection } from '../indicators/indicator-schemas.ts';
import { formatDecimal } from '../shared/money.ts';
import { createSeededRandom, type SeededRandom } from '../../shared/seeded-random.ts';
import type { BilingualText, Language } from '../shared/schema-parts.ts';
import {
  computeMean,
  computeMedianInPlace,
  computeMedianOfSorted,
  computeQuantileOfSorted,
} from '../shared/statistics.ts';
import { evaluationOptionsSchema, type EvaluationOptions, type EvaluationStatistic } from './intervention-schemas.ts';

/** The outcome of an evaluation. */
export const EVALUATION_VERDICTS = ['improved', 'worsened', 'no-measurable-change', 'insufficient-data'] as const;
/** See {@link EVALUATION_VERDICTS}. */
export type EvaluationVerdict = (typeof EVALUATION_VERDICTS)[number];

/** A bootstrap percentile confidence interval of a difference (after − before). */
export interface EvaluationInterval {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  readonly resamples: number;
  readonly seed: number;
}

/** Count, mean and median of one period. */
export interface EvaluationSampleSummary {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
}

/** Evaluation of a numeric series. */
export interface NumericEvaluation {
  readonly kind: 'numeric';
  readonly direction: IndicatorDirection;
  /** The statistic the verdict is based on. */
  readonly statistic: EvaluationStatistic;
  readonly before: EvaluationSampleSummary;
  readonly after: EvaluationSampleSummary;
  readonly differenceOfMeans: number | null;
  readonly differenceOfMedians: number | null;
  /** Null with insufficient data. */
  readonly meanInterval: EvaluationInterval | null;
  readonly medianInterval: EvaluationInterval | null;
  readonly verdict: EvaluationVerdict;
  readonly explanation: BilingualText;
}

/** Successes out of a total, e.g. cases within the norm out of all cases. */
export interface ProportionCount {
  readonly successes: number;
  readonly total: number;
}

/** Evaluation of a proportion. */
export interface ProportionEvaluation {
  readonly kind: 'proportion';
  readonly direction: IndicatorDirection;
  readonly before: ProportionCount & { readonly share: number | null };
  readonly after: ProportionCount & { readonly share: number | null };
  /** Share after − share before, as a fraction (0.05 = 5 percentage points). */
  readonly difference: number | null;
  readonly interval: EvaluationInterval | null;
  readonly verdict: EvaluationVerdict;
  readonly explanation: BilingualText;
}

/** What is being compared, for the explanation. */
export interface EvaluationSubject {
  /** E.g. `{ nl: 'de wachttijd bij de intake', en: 'the waiting time at intake' }`. */
  readonly label: BilingualText;
  /** E.g. `{ nl: 'minuten', en: 'minutes' }`; null for none. Not used for proportions. */
  readonly unit?: BilingualText | null;
  /** Decimals shown in the explanation (default 1). */
  readonly fractionDigits?: number;
}

/**
 * Evaluates a numeric series (see the module documentation). `options` are parsed with their
 * defaults (2,000 resamples, 95%, at least 20 per period, seed 1, the mean).
 */
export function computeNumericEvaluation(
  before: readonly number[],
  after: readonly number[],
  direction: IndicatorDirection,
  subject: EvaluationSubject,
  options: Partial<EvaluationOptions> = {},
): NumericEvaluation {
  const settings = evaluationOptionsSchema.parse(options);
  const sortedBefore = Float64Array.from(before).sort();
  const sortedAfter = Float64Array.from(after).sort();
  const summary = (sorted: Float64Array): EvaluationSampleSummary => ({
    count: sorted.length,
    mean: computeMean(Array.from(sorted)),
    median: computeMedianOfSorted(sorted),
  });
  const beforeSummary = summary(sortedBefore);
  const afterSummary = summary(sortedAfter);
  const differenceOfMeans = difference(afterSummary.mean, beforeSummary.mean);
  const differenceOfMedians = difference(afterSummary.median, beforeSummary.median);
  const enough =
    before.length >= settings.minObservationsPerPeriod && after.length >= settings.minObservationsPerPeriod;

  let meanInterval: EvaluationInterval | null = null;
  let medianInterval: EvaluationInterval | null = null;
  if (enough) {
    const replicates = bootstrapNumeric(sortedBefore, sortedAfter, settings);
    meanInterval = percentileInterval(replicates.means, settings);
    medianInterval = percentileInterval(replicates.medians, settings);
  }
  const interval = settings.statistic === 'mean' ? meanInterval : medianInterval;
  const verdict = enough && interval !== null ? judge(interval, direction) : 'insufficient-data';
  const estimate = settings.statistic === 'mean' ? differenceOfMeans : differenceOfMedians;

  const text = (language: Language): string => {
    const label = subject.label[language];
    const digits = subject.fractionDigits ?? 1;
    const unit = subject.unit?.[language];
    const value = (x: number, sign: 'auto' | 'exceptZero' = 'auto') =>
      `${formatDecimal(x, language, digits, sign)}${unit === undefined ? '' : ` ${unit}`}`;
    if (verdict === 'insufficient-data' || interval === null || estimate === null) {
      return insufficient(label, before.length, after.length, settings.minObservationsPerPeriod, language);
    }
    const stat = settings.statistic;
    const b = (stat === 'mean' ? beforeSummary.mean : beforeSummary.median) as number;
    const a = (stat === 'mean' ? afterSummary.mean : afterSummary.median) as number;
    const level = formatDecimal(settings.confidenceLevel * 100, language, 1);
    const nl = language === 'nl';
    const statWord = nl ? (stat === 'mean' ? 'gemiddelde' : 'mediaan') : stat;
    const comparison = nl
      ? `${capitalise(label)}: ${statWord} vóór de start ${value(b)}, erna ${value(a)}; verschil ${value(estimate, 'exceptZero')} ` +
        `(${level}%-betrouwbaarheidsinterval ${value(interval.lower, 'exceptZero')} tot ${value(interval.upper, 'exceptZero')}; ` +
        `${before.length} waarnemingen vóór, ${after.length} erna).`
      : `${capitalise(label)}: ${statWord} before the start ${value(b)}, after ${value(a)}; difference ${value(estimate, 'exceptZero')} ` +
        `(${level}% confidence interval ${value(interval.lower, 'exceptZero')} to ${value(interval.upper, 'exceptZero')}; ` +
        `${before.length} observations before, ${after.length} after).`;
    return `${comparison} ${verdictSentence(verdict, language)}`;
  };

  return {
    kind: 'numeric',
    direction,
    statistic: settings.statistic,
    before: beforeSummary,
    after: afterSummary,
    differenceOfMeans,
    differenceOfMedians,
    meanInterval,
    medianInterval,
    verdict,
    explanation: { nl: text('nl'), en: text('en') },
  };
}

/**
 * Evaluates a proportion (see the module documentation): the bootstrap redraws each period's cases
 * with replacement, which is drawing the number of successes from its observed share.
 */
export function computeProportionEvaluation(
  before: ProportionCount,
  after: ProportionCount,
  direction: IndicatorDirection,
  subject: EvaluationSubject,
  options: Partial<EvaluationOptions> = {},
): ProportionEvaluation {
  const settings = evaluationOptionsSchema.parse(options);
  const share = (count: ProportionCount) => (count.total === 0 ? null : count.successes / count.total);
  const beforeShare = share(before);
  const afterShare = share(after);
  const estimate = difference(afterShare, beforeShare);
  const enough = before.total >= settings.minObservationsPerPeriod && after.total >= settings.minObservationsPerPeriod;
  const interval = enough ? percentileInterval(bootstrapProportion(before, after, settings), settings) : null;
  const verdict = enough && interval !== null ? judge(interval, direction) : 'insufficient-data';

  const text = (language: Language): string => {
    const label = subject.label[language];
    if (verdict === 'insufficient-data' || interval === null || estimate === null) {
      return insufficient(label, before.total, after.total, settings.minObservationsPerPeriod, language);
    }
    const digits = subject.fractionDigits ?? 1;
    const percent = (x: number) => `${formatDecimal(x * 100, language, digits)}%`;
    const points = (x: number) =>
      `${formatDecimal(x * 100, language, digits, 'exceptZero')} ${language === 'nl' ? 'procentpunt' : 'percentage points'}`;
    const level = formatDecimal(settings.confidenceLevel * 100, language, 1);
    const comparison =
      language === 'nl'
        ? `${capitalise(label)}: vóór de start ${percent(beforeShare as number)} (${before.successes} van ${before.total}), ` +
          `erna ${percent(afterShare as number)} (${after.successes} van ${after.total}); verschil ${points(estimate)} ` +
          `(${level}%-betrouwbaarheidsinterval ${points(interval.lower)} tot ${points(interval.upper)}).`
        : `${capitalise(label)}: before the start ${percent(beforeShare as number)} (${before.successes} of ${before.total}), ` +
          `after ${percent(afterShare as number)} (${after.successes} of ${after.total}); difference ${points(estimate)} ` +
          `(${level}% confidence interval ${points(interval.lower)} to ${points(interval.upper)}).`;
    return `${comparison} ${verdictSentence(verdict, language)}`;
  };

  return {
    kind: 'proportion',
    direction,
    before: { ...before, share: beforeShare },
    after: { ...after, share: afterShare },
    difference: estimate,
    interval,
    verdict,
    explanation: { nl: text('nl'), en: text('en') },
  };
}

/** Verdict from an interval of after − before: strictly on one side of zero, or not. */
function judge(interval: EvaluationInterval, direction: IndicatorDirection): EvaluationVerdict {
  const good = direction === 'higher-is-better' ? 1 : -1;
  if (interval.lower * good > 0 && interval.upper * good > 0) return 'improved';
  if (interval.lower * good < 0 && interval.upper * good < 0) return 'worsened';
  return 'no-measurable-change';
}

function bootstrapNumeric(
  before: Float64Array,
  after: Float64Array,
  settings: EvaluationOptions,
): { means: Float64Array; medians: Float64Array } {
  const random = createSeededRandom(settings.seed);
  const means = new Float64Array(settings.resamples);
  const medians = new Float64Array(settings.resamples);
  const bufferBefore = new Float64Array(before.length);
  const bufferAfter = new Float64Array(after.length);
  for (let r = 0; r < settings.resamples; r++) {
    const b = resample(before, bufferBefore, random);
    const a = resample(after, bufferAfter, random);
    means[r] = a.mean - b.mean;
    medians[r] = a.median - b.median;
  }
  return { means, medians };
}

/** Fills `buffer` with a resample of `source` (with replacement); returns its mean and median. */
function resample(source: Float64Array, buffer: Float64Array, random: SeededRandom): { mean: number; median: number } {
  const n = source.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const value = source[random.int(n)] as number;
    buffer[i] = value;
    sum += value;
  }
  return { mean: sum / n, median: computeMedianInPlace(buffer) };
}

function bootstrapProportion(
  before: ProportionCount,
  after: ProportionCount,
  settings: EvaluationOptions,
): Float64Array {
  const random = createSeededRandom(settings.seed);
  // Drawing a case uniformly and asking whether it is a success, nextIndex(total) < successes, is
  // the same event as nextUint32() < ⌈successes·2³²/total⌉; the integer comparison is faster.
  const draw = (count: ProportionCount): number => {
    const threshold = Math.ceil((count.successes * 4_294_967_296) / count.total);
    let successes = 0;
    for (let i = 0; i < count.total; i++) if (random.nextUint32() < threshold) successes++;
    return successes / count.total;
  };
  const differences = new Float64Array(settings.resamples);
  for (let r = 0; r < settings.resamples; r++) {
    const b = draw(before);
    differences[r] = draw(after) - b;
  }
  return differences;
}

function percentileInterval(replicates: Float64Array, settings: EvaluationOptions): EvaluationInterval {
  const sorted = replicates.sort();
  const alpha = 1 - settings.confidenceLevel;
  return {
    level: settings.confidenceLevel,
    lower: computeQuantileOfSorted(sorted, alpha / 2) as number,
    upper: computeQuantileOfSorted(sorted, 1 - alpha / 2) as number,
    resamples: settings.resamples,
    seed: settings.seed,
  };
}

function difference(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

function verdictSentence(verdict: Exclude<EvaluationVerdict, 'insufficient-data'>, language: Language): string {
  const caveat: BilingualText = {
    nl: 'Een voor-na-vergelijking toont niet aan dat de interventie de oorzaak is: ook andere veranderingen in dezelfde periode kunnen het verschil verklaren.',
    en: 'A before/after comparison does not show that the intervention caused the difference: other changes in the same period may explain it.',
  };
  const sentences: Record<Exclude<EvaluationVerdict, 'insufficient-data'>, BilingualText> = {
    improved: {
      nl: `Het hele interval ligt aan de gunstige kant van nul: een meetbare verbetering. ${caveat.nl}`,
      en: `The whole interval lies on the favourable side of zero: a measurable improvement. ${caveat.en}`,
    },
    worsened: {
      nl: `Het hele interval ligt aan de ongunstige kant van nul: een meetbare verslechtering. ${caveat.nl}`,
      en: `The whole interval lies on the unfavourable side of zero: a measurable deterioration. ${caveat.en}`,
    },
    'no-measurable-change': {
      nl: 'Het interval bevat nul: geen meetbare verandering. Dat bewijst niet dat de interventie geen effect heeft, alleen dat deze gegevens er geen aantonen.',
      en: 'The interval includes zero: no measurable change. That does not prove the intervention has no effect, only that these data do not show one.',
    },
  };
  return sentences[verdict][language];
}

function insufficient(label: string, before: number, after: number, minimum: number, language: Language): string {
  return language === 'nl'
    ? `Te weinig waarnemingen om iets te zeggen over ${label}: ${before} vóór en ${after} na de start, terwijl er per periode minstens ${minimum} nodig zijn.`
    : `Too few observations to say anything about ${label}: ${before} before and ${after} after the start, while each period needs at least ${minimum}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
