/**
 * The allowed status changes of an agreement, and applying one with its history entry.
 *
 * | from        | to                                        |
 * |-------------|-------------------------------------------|
 * | draft       | agreed, expired (never agreed)            |
 * | agreed      | in-progress, fulfilled, broken, expired   |
 * | in-progress | fulfilled, broken, expired                |
 * | broken      | in-progress (the parties recommit)        |
 * | fulfilled   | — (final)                                 |
 * | expired     | — (final; a renewal is a new agreement)   |
 */
import { DomainError } from '../../shared/errors.ts';
import type { Agreement, AgreementHistoryEntry, AgreementStatus } from './agreement-schemas.ts';

/** For every status, the statuses it may move to (see the table in the module documentation). */
export const AGREEMENT_STATUS_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['agreed', 'expired'],
  agreed: ['in-progress', 'fulfilled', 'broken', 'expired'],
  'in-progress': ['fulfilled', 'broken', 'expired'],
  broken: ['in-progress'],
  fulfilled: [],
  expired: [],
};

/** True when an agreement in status `from` may move to `to`. */
export function canTransitionAgreement(from: AgreementStatus, to: AgreementStatus): boolean {
  return AGREEMENT_STATUS_TRANSITIONS[from].includes(to);
}

/** Who makes a status change and when; supplied by the server (session and clock), not by the user. */
export interface AgreementChangeContext {
  readonly changedBy: string;
  readonly changedAt: string;
}

/**
 * Moves an agreement to another status and appends the history entry (who, when, why). Returns a
 * new agreement object; the input is not changed, and the version is left for the store to raise.
 * Throws DomainError `conflict` (path `to`) when the move is not allowed from the current status.
 */
export function applyAgreementStatusChange<T extends Pick<Agreement, 'status' | 'history'>>(
  agreement: T,
  change: { readonly to: AgreementStatus; readonly reason: string },
  context: AgreementChangeContext,
): T {
  if (!canTransitionAgreement(agreement.status, change.to)) {
    const allowed = AGREEMENT_STATUS_TRANSITIONS[agreement.status];
    throw new DomainError(
      'conflict',
      `an agreement that is ${agreement.status} cannot become ${change.to}` +
        (allowed.length === 0 ? ` (${agreement.status} is final)` : ` (allowed: ${allowed.join(', ')})`),
      [{ path: 'to', message: `not allowed from ${agreement.status}` }],
    );
  }
  const entry: AgreementHistoryEntry = {
    from: agreement.status,
    to: change.to,
    changedBy: context.changedBy,
    changedAt: context.changedAt,
    reason: change.reason,
  };
  return { ...agreement, status: change.to, history: [...agreement.history, entry] };
}
