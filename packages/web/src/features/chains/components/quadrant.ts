/**
 * The four quadrants of the power/interest grid (Mendelow). A rating of 4 or 5 counts as high, so
 * a partner with average (3) interest and influence is monitored rather than managed closely.
 */
import type { Partner } from '@ketenregie/core';

/** The approach a quadrant asks for; keys of `quadrants.*` in the i18n resources. */
export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';

/** Ratings from this value up are high. */
export const HIGH_RATING = 4;

/** The quadrant of a partner: influence decides top or bottom, interest left or right. */
export function quadrantOf(partner: Pick<Partner, 'interestLevel' | 'influence'>): Quadrant {
  const highInfluence = partner.influence >= HIGH_RATING;
  const highInterest = partner.interestLevel >= HIGH_RATING;
  if (highInfluence) return highInterest ? 'manageClosely' : 'keepSatisfied';
  return highInterest ? 'keepInformed' : 'monitor';
}
