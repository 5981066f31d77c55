/** SQL that counts the governance rows naming a partner, for refusing to delete a partner still in use. */
import type { Queryable } from '../../db/database.ts';
import { single } from '../../repositories/chain-repository.ts';

/** Governance rows that name one partner, by kind. */
export type PartnerGovernanceReferences = {
  /** Indicators owned by the partner, or agreed by it, in any version. */
  readonly indicators: number;
  /** Agreements the partner owns or is a party to. */
  readonly agreements: number;
  readonly courseCheckResponses: number;
  /** Business-case lines of the partner, or whose benefit lands at it. */
  readonly businessCaseLines: number;
  readonly interventions: number;
};

/** Counts the governance rows that name the partner. */
export async function countPartnerGovernanceReferences(
  q: Queryable,
  partnerId: string,
): Promise<PartnerGovernanceReferences> {
  const rows = await q.query<PartnerGovernanceReferences>(
    `SELECT
       (SELECT count(*) FROM (SELECT indicator_id FROM indicator_versions WHERE owner_partner_id = $1
                              UNION SELECT indicator_id FROM indicator_version_agreements WHERE partner_id = $1) i)::int
         AS indicators,
       (SELECT count(*) FROM (SELECT id FROM agreements WHERE owner_partner_id = $1
                              UNION SELECT agreement_id FROM agreement_parties WHERE partner_id = $1) a)::int
         AS agreements,
       (SELECT count(*) FROM course_check_responses WHERE partner_id = $1)::int AS "courseCheckResponses",
       (SELECT count(*) FROM business_case_lines WHERE partner_id = $1 OR beneficiary_partner_id = $1)::int
         AS "businessCaseLines",
       (SELECT count(*) FROM interventions WHERE owner_partner_id = $1)::int AS interventions`,
    [partnerId],
  );
  return single(rows, 'countPartnerGovernanceReferences');
}
