import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../shared/seeded-random.ts';
import { computeEvaluationWindows, splitByEvaluationWindows } from './compute-evaluation-windows.ts';
import { computeNumericEvaluation, computeProportionEvaluation } from './compute-intervention-evaluation.ts';
import { createInterventionInputSchema } from './intervention-schemas.ts';

const waiting = {
  label: { nl: 'de wachttijd bij de SEH', en: 'the waiting time at the ED' },
  unit: { nl: 'min', en: 'min' },
};
const withinNorm = { label: { nl: 'het aandeel binnen het gouden uur', en: 'the share within the golden hour' } };
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
/** n values cycling through base, base+1, …, base+4. */
const cycle = (n: number, base: number) => Array.from({ length: n }, (_, i) => base + (i % 5));

describe('intervention schema', () => {
  it('needs a target and an end after the start', () => {
    const result = createInterventionInputSchema.safeParse({
      title: 'Vooraankondiging door de meldkamer',
      hypothesis: 'Als de meldkamer de SEH vooraf inlicht, daalt de wachttijd bij aankomst.',
      ownerPartnerId: 'meldkamer',
      startDate: '2024-03-01',
      endDate: '2024-02-01',
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['linkIds', 'endDate']);
  });
});

describe('comparable periods', () => {
  it('takes equal periods before and after the start, up to today', () => {
    // 2024-03-01 → 2024-04-15 is 45 days; 45 days before 2024-03-01 (a leap February) is 2024-01-16
    expect(computeEvaluationWindows('2024-03-01', '2024-04-15')).toEqual({
      before: { from: '2024-01-16', until: '2024-03-01' },
      after: { from: '2024-03-01', until: '2024-04-15' },
      lengthDays: 45,
    });
    // run-in of 14 days: after starts 2024-03-15, 31 days to today; before = 31 days up to the start
    expect(computeEvaluationWindows('2024-03-01', '2024-04-15', 91, 14)).toEqual({
      before: { from: '2024-01-30', until: '2024-03-01' },
      after: { from: '2024-03-15', until: '2024-04-15' },
      lengthDays: 31,
    });
    expect(computeEvaluationWindows('2024-03-01', '2024-12-31', 91)?.lengthDays).toBe(91);
    expect(computeEvaluationWindows('2024-03-01', '2024-03-01')).toBeNull();
  });

  it('splits dated observations over the periods', () => {
    const windows = computeEvaluationWindows('2024-03-01', '2024-03-11');
    if (windows === null) throw new Error('expected windows');
    const split = splitByEvaluationWindows(
      [
        { date: '2024-02-20T23:59:00+01:00', value: 1 },
        { date: '2024-02-19', value: 0 },
        { date: '2024-03-01T00:10:00+01:00', value: 2 },
        { date: '2024-03-11', value: 3 },
      ],
      windows,
    );
    expect(split.before.map((o) => o.value)).toEqual([1]);
    expect(split.after.map((o) => o.value)).toEqual([2]);
  });
});

describe('computeNumericEvaluation', () => {
  it('computes the differences of means and medians by hand', () => {
    // before 10, 12, 14, 16: mean 13, median 13; after 8, 9, 13: mean 10, median 9
    const result = computeNumericEvaluation([10, 12, 14, 16], [8, 9, 13], 'lower-is-better', waiting, {
      minObservationsPerPeriod: 2,
    });
    expect(result.before).toEqual({ count: 4, mean: 13, median: 13 });
    expect(result.after).toEqual({ count: 3, mean: 10, median: 9 });
    expect(result.differenceOfMeans).toBe(-3);
    expect(result.differenceOfMedians).toBe(-4);
    expect(result.meanInterval?.resamples).toBe(2000);
  });

  it('gives an exact interval when every resample is the same', () => {
    // constant series: every resample has mean 5 before and 3 after, so the interval is exactly [−2, −2]
    const result = computeNumericEvaluation(Array(20).fill(5), Array(20).fill(3), 'lower-is-better', waiting);
    expect(result.meanInterval).toMatchObject({ level: 0.95, lower: -2, upper: -2, seed: 1 });
    expect(result.verdict).toBe('improved');
    // the same values judged with "higher is better" are a deterioration
    expect(computeNumericEvaluation(Array(20).fill(5), Array(20).fill(3), 'higher-is-better', waiting).verdict).toBe(
      'worsened',
    );
    // an interval of exactly [0, 0] does not exclude zero
    expect(computeNumericEvaluation(Array(20).fill(4), Array(20).fill(4), 'lower-is-better', waiting).verdict).toBe(
      'no-measurable-change',
    );
  });

  it('recognises a clear improvement and says it is not proof of cause', () => {
    // before 30..34, after 20..24, 40 each: difference exactly −10
    const result = computeNumericEvaluation(cycle(40, 30), cycle(40, 20), 'lower-is-better', waiting);
    expect(result.differenceOfMeans).toBe(-10);
    expect(result.meanInterval?.upper).toBeLessThan(0);
    expect(result.verdict).toBe('improved');
    expect(plain(result.explanation.nl)).toMatch(
      /^De wachttijd bij de SEH: gemiddelde vóór de start 32 min, erna 22 min; verschil -10 min \(95%-betrouwbaarheidsinterval -1\d,\d min tot -9,\d min; 40 waarnemingen vóór, 40 erna\)\. Het hele interval ligt aan de gunstige kant van nul: een meetbare verbetering\. Een voor-na-vergelijking toont niet aan/u,
    );
    expect(result.explanation.en).toContain('a measurable improvement');
  });

  it('says "no measurable change" when the interval contains zero', () => {
    const result = computeNumericEvaluation(cycle(40, 30), cycle(40, 30).reverse(), 'lower-is-better', waiting);
    expect(result.differenceOfMeans).toBe(0);
    expect(result.verdict).toBe('no-measurable-change');
    expect(result.explanation.nl).toContain('geen meetbare verandering');
    expect(result.explanation.en).toContain('do not show one');
  });

  it('refuses to judge on fewer than 20 observations per period', () => {
    const result = computeNumericEvaluation(cycle(19, 30), cycle(40, 10), 'lower-is-better', waiting);
    expect(result.verdict).toBe('insufficient-data');
    expect(result.meanInterval).toBeNull();
    expect(result.differenceOfMeans).not.toBeNull();
    expect(result.explanation.nl).toBe(
      'Te weinig waarnemingen om iets te zeggen over de wachttijd bij de SEH: 19 vóór en 40 na de start, terwijl er per periode minstens 20 nodig zijn.',
    );
  });

  it('can judge on the median', () => {
    const result = computeNumericEvaluation(cycle(40, 30), cycle(40, 20), 'lower-is-better', waiting, {
      statistic: 'median',
    });
    expect(result.statistic).toBe('median');
    expect(result.differenceOfMedians).toBe(-10);
    expect(result.verdict).toBe('improved');
    expect(result.explanation.nl).toContain('mediaan vóór de start 32 min');
  });

  it('is reproducible: the same seed gives the same interval, another seed another', () => {
    const random = createSeededRandom(99);
    const before = Array.from({ length: 50 }, () => random.next() * 100);
    const after = Array.from({ length: 60 }, () => random.next() * 90);
    const a = computeNumericEvaluation(before, after, 'lower-is-better', waiting, { seed: 5 });
    const b = computeNumericEvaluation(before, after, 'lower-is-better', waiting, { seed: 5 });
    const c = computeNumericEvaluation(before, after, 'lower-is-better', waiting, { seed: 6 });
    expect(b).toEqual(a);
    expect(c.meanInterval).not.toEqual(a.meanInterval);
  });

  it('covers about 95% when nothing changed (calibration)', () => {
    // 200 experiments with before and after drawn from the same uniform distribution (n = 30 each):
    // a 95% interval should contain zero in about 95% of them (the percentile bootstrap runs a little
    // narrow for small samples, so allow 85%–99.5%).
    const random = createSeededRandom(2024);
    let noChange = 0;
    for (let experiment = 0; experiment < 200; experiment++) {
      const before = Array.from({ length: 30 }, () => random.next());
      const after = Array.from({ length: 30 }, () => random.next());
      const result = computeNumericEvaluation(before, after, 'lower-is-better', waiting, {
        resamples: 500,
        seed: experiment,
      });
      if (result.verdict === 'no-measurable-change') noChange++;
    }
    expect(noChange / 200).toBeGreaterThan(0.85);
    expect(noChange / 200).toBeLessThan(0.995);
  });

  it('has an interval that contains the point estimate, and the same interval for the same seed (property)', () => {
    const sample = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (before, after, seed) => {
        const options = { resamples: 200, minObservationsPerPeriod: 2, seed };
        const result = computeNumericEvaluation(before, after, 'higher-is-better', waiting, options);
        const interval = result.meanInterval;
        const estimate = result.differenceOfMeans;
        if (interval === null || estimate === null) throw new Error('expected an interval');
        expect(interval.lower).toBeLessThanOrEqual(interval.upper);
        expect(interval.lower).toBeLessThanOrEqual(estimate + 1e-9);
        expect(interval.upper).toBeGreaterThanOrEqual(estimate - 1e-9);
        const again = computeNumericEvaluation(before, after, 'higher-is-better', waiting, options);
        expect(again.meanInterval).toEqual(interval);
        expect(again.medianInterval).toEqual(result.medianInterval);
      }),
      { numRuns: 150 },
    );
  });
});

describe('computeProportionEvaluation', () => {
  it('judges a rise in the share within the norm', () => {
    // 60/100 → 80/100: +20 percentage points; standard error ≈ √(0.24/100 + 0.16/100) ≈ 0.063,
    // so the 95% interval lies around 0.08 … 0.32, clear of zero
    const result = computeProportionEvaluation(
      { successes: 60, total: 100 },
      { successes: 80, total: 100 },
      'higher-is-better',
      withinNorm,
    );
    expect(result.before.share).toBe(0.6);
    expect(result.after.share).toBe(0.8);
    expect(result.difference).toBeCloseTo(0.2, 12);
    expect(result.interval?.lower).toBeGreaterThan(0.03);
    expect(result.interval?.lower).toBeLessThan(0.13);
    expect(result.interval?.upper).toBeGreaterThan(0.27);
    expect(result.interval?.upper).toBeLessThan(0.37);
    expect(result.verdict).toBe('improved');
    expect(plain(result.explanation.nl)).toMatch(
      /^Het aandeel binnen het gouden uur: vóór de start 60% \(60 van 100\), erna 80% \(80 van 100\); verschil \+20 procentpunt/u,
    );
    expect(result.explanation.en).toContain('+20 percentage points');
  });

  it('gives no verdict on a small sample and no change on equal shares', () => {
    expect(
      computeProportionEvaluation(
        { successes: 5, total: 10 },
        { successes: 90, total: 100 },
        'higher-is-better',
        withinNorm,
      ).verdict,
    ).toBe('insufficient-data');
    const same = computeProportionEvaluation(
      { successes: 70, total: 100 },
      { successes: 140, total: 200 },
      'higher-is-better',
      withinNorm,
    );
    expect(same.difference).toBeCloseTo(0, 12);
    expect(same.verdict).toBe('no-measurable-change');
  });

  it('gives an exact interval when both shares are certain', () => {
    // all within norm after, none before: every resample gives +1
    const result = computeProportionEvaluation(
      { successes: 0, total: 20 },
      { successes: 20, total: 20 },
      'higher-is-better',
      withinNorm,
    );
    expect(result.interval).toMatchObject({ lower: 1, upper: 1 });
    expect(result.verdict).toBe('improved');
  });
});
