/**
 * Whether a partner is still named by the chain's governance: its indicators, agreements,
 * course-check answers, business-case lines or interventions. The database refuses to delete such
 * a partner (its references are checked at commit); the partner service asks this first so that
 * it can answer `conflict` with the reason instead.
 */
import type { Queryable } from '../../db/database.ts';
import { countPartnerGovernanceReferences } from '../repositories/partner-reference-repository.ts';

/** The governance rows naming the partner, in words ("2 indicators and 3 agreements"), or null when none do. */
export async function describePartnerGovernanceUse(q: Queryable, partnerId: string): Promise<string | null> {
  const counts = await countPartnerGovernanceReferences(q, partnerId);
  const parts = [
    [counts.indicators, 'indicator', 'indicators'],
    [counts.agreements, 'agreement', 'agreements'],
    [counts.courseCheckResponses, 'course-check response', 'course-check responses'],
    [counts.businessCaseLines, 'business-case line', 'business-case lines'],
    [counts.interventions, 'intervention', 'interventions'],
  ] as const;
  const named = parts
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
  if (named.length === 0) {
    return null;
  }
  const last = named.pop() as string;
  return named.length === 0 ? last : `${named.join(', ')} and ${last}`;
}
