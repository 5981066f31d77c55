/**
 * Money in integer euro cents, so that sums never drift, with exact apportioning and formatting
 * for the Dutch (nl-NL) and British English (en-GB) conventions.
 */
import type { Language } from './schema-parts.ts';

/** Rounds to the nearest integer, halves away from zero (2.5 → 3, −2.5 → −3); never returns −0. */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value)) + 0;
}

/**
 * Splits a non-negative whole number of cents over shares proportional to non-negative integer
 * weights, exactly (largest-remainder method, computed with BigInt so no rounding can creep in):
 * everyone gets the floor of their exact quota, and the cents left over go one each to the largest
 * remainders (ties to the earlier weight). The parts sum to `total`, each part is the floor or the
 * ceiling of its exact quota, and a weight of zero gets nothing. All zero weights → all zero parts.
 */
export function apportionCents(total: number, weights: readonly number[]): number[] {
  const sumOfWeights = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (sumOfWeights === 0n || total === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const parts = weights.map((weight) => (bigTotal * BigInt(weight)) / sumOfWeights);
  const remainders = weights.map((weight, index) => ({ index, remainder: (bigTotal * BigInt(weight)) % sumOfWeights }));
  let leftOver = bigTotal - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftOver === 0n) break;
    parts[index] = (parts[index] as bigint) + 1n;
    leftOver -= 1n;
  }
  return parts.map(Number);
}

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** The locale tag used for a language of the interface (nl → nl-NL, en → en-GB). */
export function localeOf(language: Language): string {
  return LOCALES[language];
}

/**
 * An amount of euro cents as text in the conventions of the language: `€ 120.000` / `€ 1.234,56`
 * in Dutch, `€120,000` / `€1,234.56` in English. Whole euros are shown without cents.
 */
export function formatEuroCents(cents: number, language: Language): string {
  const wholeEuros = cents % 100 === 0;
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: wholeEuros ? 0 : 2,
    maximumFractionDigits: wholeEuros ? 0 : 2,
  }).format(cents / 100);
}

/** A number as text in the conventions of the language, with at most `fractionDigits` decimals. */
export function formatDecimal(
  value: number,
  language: Language,
  fractionDigits: number,
  signDisplay: 'auto' | 'exceptZero' = 'auto',
): string {
  return new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: 0,
    signDisplay,
  }).format(value);
}

/** A list of names joined as in running text: "A, B en C" / "A, B and C". */
export function joinNames(names: readonly string[], language: Language): string {
  return new Intl.ListFormat(localeOf(language), { type: 'conjunction', style: 'long' }).format(names);
}
