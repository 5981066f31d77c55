/**
 * Anchoring (borging): the agreements that need attention so that nothing lapses silently.
 *
 * Reasons, each with a code (`today` is the caller's date; "open" = agreed or in progress):
 * - `review-overdue` — an open agreement's review date lies before today;
 * - `review-due-soon` — an open agreement's review date is today or within the next 60 days;
 * - `long-term-without-review` — an open agreement without a review date that has no end date, or
 *   runs longer than 365 days from its start date (from today when it has none) to its end date;
 * - `due-date-passed` — the due date lies before today and the agreement is still draft, agreed or
 *   in progress (not fulfilled);
 * - `end-date-passed` — an open agreement's end date lies before today: mark it fulfilled, broken
 *   or expired, or extend it.
 * Agreements that are fulfilled, broken or expired need no anchoring and are left out.
 */
import { daysBetween } from '../shared/dates.ts';
import type { Agreement, AgreementStatus } from './agreement-schemas.ts';

/** Thresholds of the anchoring view. */
export interface AgreementAttentionOptions {
  /** A review date this many days ahead (or fewer) is due soon (default 60). */
  readonly reviewWindowDays: number;
  /** An agreement running longer than this many days is long-term (default 365). */
  readonly longTermDays: number;
}

/** The thresholds of the documented rule. */
export const DEFAULT_AGREEMENT_ATTENTION_OPTIONS: AgreementAttentionOptions = {
  reviewWindowDays: 60,
  longTermDays: 365,
};

/** The reason codes of the anchoring view. */
export const AGREEMENT_ATTENTION_CODES = [
  'review-overdue',
  'review-due-soon',
  'long-term-without-review',
  'due-date-passed',
  'end-date-passed',
] as const;
/** See {@link AGREEMENT_ATTENTION_CODES}. */
export type AgreementAttentionCode = (typeof AGREEMENT_ATTENTION_CODES)[number];

/** Why an agreement needs attention, with the date concerned and how far away it is. */
export type AgreementAttentionReason =
  | { readonly code: 'review-overdue'; readonly date: string; readonly daysOverdue: number }
  | { readonly code: 'review-due-soon'; readonly date: string; readonly daysUntil: number }
  /** `date` is the end date, null when the agreement is open-ended. */
  | { readonly code: 'long-term-without-review'; readonly date: string | null }
  | { readonly code: 'due-date-passed'; readonly date: string; readonly daysOverdue: number }
  | { readonly code: 'end-date-passed'; readonly date: string; readonly daysOverdue: number };

/** One agreement in the anchoring view. */
export interface AgreementNeedingAttention {
  readonly agreementId: string;
  readonly title: string;
  readonly status: AgreementStatus;
  readonly ownerPartnerId: string;
  /** In the order of {@link AGREEMENT_ATTENTION_CODES}. */
  readonly reasons: readonly AgreementAttentionReason[];
}

const OPEN: readonly AgreementStatus[] = ['agreed', 'in-progress'];
const NOT_DONE: readonly AgreementStatus[] = ['draft', 'agreed', 'in-progress'];

/** The agreement fields the anchoring view reads. */
export type AttentionAgreement = Pick<
  Agreement,
  'id' | 'title' | 'status' | 'ownerPartnerId' | 'startDate' | 'endDate' | 'dueDate' | 'reviewDate'
>;

/**
 * The agreements needing attention on `today` (YYYY-MM-DD), most urgent first: first those with
 * something overdue (most days overdue first), then reviews due soon (soonest first), then
 * long-term agreements without a review date (by title).
 */
export function computeAgreementsNeedingAttention(
  agreements: readonly AttentionAgreement[],
  today: string,
  options: AgreementAttentionOptions = DEFAULT_AGREEMENT_ATTENTION_OPTIONS,
): AgreementNeedingAttention[] {
  const items: AgreementNeedingAttention[] = [];
  for (const agreement of agreements) {
    const reasons = findReasons(agreement, today, options);
    if (reasons.length > 0) {
      items.push({
        agreementId: agreement.id,
        title: agreement.title,
        status: agreement.status,
        ownerPartnerId: agreement.ownerPartnerId,
        reasons,
      });
    }
  }
  return items.sort(
    (x, y) =>
      urgency(x)[0] - urgency(y)[0] ||
      urgency(x)[1] - urgency(y)[1] ||
      compare(x.title, y.title) ||
      compare(x.agreementId, y.agreementId),
  );
}

function findReasons(
  agreement: AttentionAgreement,
  today: string,
  options: AgreementAttentionOptions,
): AgreementAttentionReason[] {
  const reasons: AgreementAttentionReason[] = [];
  const open = OPEN.includes(agreement.status);
  if (open && agreement.reviewDate !== null) {
    const daysUntil = daysBetween(today, agreement.reviewDate);
    if (daysUntil < 0) reasons.push({ code: 'review-overdue', date: agreement.reviewDate, daysOverdue: -daysUntil });
    else if (daysUntil <= options.reviewWindowDays) {
      reasons.push({ code: 'review-due-soon', date: agreement.reviewDate, daysUntil });
    }
  }
  if (open && agreement.reviewDate === null) {
    const runsFrom = agreement.startDate ?? today;
    const longTerm = agreement.endDate === null || daysBetween(runsFrom, agreement.endDate) > options.longTermDays;
    if (longTerm) reasons.push({ code: 'long-term-without-review', date: agreement.endDate });
  }
  if (NOT_DONE.includes(agreement.status) && agreement.dueDate !== null && agreement.dueDate < today) {
    reasons.push({
      code: 'due-date-passed',
      date: agreement.dueDate,
      daysOverdue: daysBetween(agreement.dueDate, today),
    });
  }
  if (open && agreement.endDate !== null && agreement.endDate < today) {
    reasons.push({
      code: 'end-date-passed',
      date: agreement.endDate,
      daysOverdue: daysBetween(agreement.endDate, today),
    });
  }
  return reasons;
}

/** [group, order within group]: 0 overdue (most days first), 1 due soon (soonest first), 2 the rest. */
function urgency(item: AgreementNeedingAttention): [number, number] {
  let maxOverdue = -1;
  let soonest = Number.POSITIVE_INFINITY;
  for (const reason of item.reasons) {
    if ('daysOverdue' in reason) maxOverdue = Math.max(maxOverdue, reason.daysOverdue);
    if (reason.code === 'review-due-soon') soonest = Math.min(soonest, reason.daysUntil);
  }
  if (maxOverdue >= 0) return [0, -maxOverdue];
  if (soonest !== Number.POSITIVE_INFINITY) return [1, soonest];
  return [2, 0];
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
