/**
 * Every governance change is appended to the chain's audit log in the transaction of the change
 * (see services/audit-service.ts): who, what, on which chain. Details name ids, periods and counts,
 * never a respondent key.
 */
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../../services/audit-service.ts';
import type { GovernanceActor } from './governance-actor.ts';

/** The governance actions that appear in the audit log. */
export type GovernanceAuditAction =
  | 'indicator.create'
  | 'indicator.revise'
  | 'measurement.add'
  | 'measurement.correct'
  | 'measurement.upload_csv'
  | 'measurement.compute_from_flow'
  | 'agreement.create'
  | 'agreement.update'
  | 'agreement.change_status'
  | 'agreement.sign'
  | 'agreement.delete'
  | 'course_check.update_question_set'
  | 'course_check.open_round'
  | 'course_check.submit_response'
  | 'business_case.create_line'
  | 'business_case.update_line'
  | 'business_case.delete_line'
  | 'business_case.update_settings'
  | 'intervention.create'
  | 'intervention.update'
  | 'intervention.delete'
  | 'intervention.evaluate'
  | 'governance.seed_demo';

/** Appends the change to the audit log; call it inside the transaction of the change. */
export async function recordGovernanceChange(
  tx: Queryable,
  actor: GovernanceActor,
  chainId: string,
  action: GovernanceAuditAction,
  target: { readonly type: string; readonly id: string | null },
  details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await recordAudit(tx, actor.audit, { action, targetType: target.type, targetId: target.id, chainId, details });
}
