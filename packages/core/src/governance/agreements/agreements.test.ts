import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.ts';
import { createAgreementInputSchema, type Agreement, type CreateAgreementInput } from './agreement-schemas.ts';
import {
  AGREEMENT_STATUS_TRANSITIONS,
  applyAgreementStatusChange,
  canTransitionAgreement,
} from './agreement-transitions.ts';
import { computeAgreementsNeedingAttention, type AttentionAgreement } from './compute-agreements-needing-attention.ts';

function input(overrides: Partial<CreateAgreementInput> = {}): CreateAgreementInput {
  return {
    title: 'Convenant spoedzorg regio Utrecht',
    kind: 'covenant',
    level: 'strategic',
    partyPartnerIds: ['gemeente', 'ziekenhuis', 'ambulance'],
    ownerPartnerId: 'gemeente',
    ...overrides,
  };
}

describe('agreement schemas', () => {
  it('accepts a covenant and starts as draft', () => {
    const parsed = createAgreementInputSchema.parse(input());
    expect(parsed.status).toBe('draft');
    expect(parsed.reviewDate).toBeNull();
  });

  it('needs exactly one party for a commitment declaration, signatures from parties, an end after the start', () => {
    const result = createAgreementInputSchema.safeParse(
      input({
        kind: 'commitment',
        startDate: '2024-06-01',
        endDate: '2024-01-01',
        signatures: [
          { partnerId: 'gemeente', signedBy: 'Wethouder Jansen', signedOn: '2024-05-01' },
          { partnerId: 'politie', signedBy: 'Chef', signedOn: '2024-05-01' },
          { partnerId: 'gemeente', signedBy: 'Wethouder Jansen', signedOn: '2024-05-02' },
        ],
      }),
    );
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'partyPartnerIds',
      'endDate',
      'signatures.1.partnerId',
      'signatures.2.partnerId',
    ]);
  });
});

describe('agreement status transitions', () => {
  it('allows the documented moves only', () => {
    expect(canTransitionAgreement('draft', 'agreed')).toBe(true);
    expect(canTransitionAgreement('draft', 'fulfilled')).toBe(false);
    expect(canTransitionAgreement('broken', 'in-progress')).toBe(true);
    expect(AGREEMENT_STATUS_TRANSITIONS.fulfilled).toEqual([]);
    expect(AGREEMENT_STATUS_TRANSITIONS.expired).toEqual([]);
  });

  it('appends who, when and why to the history without changing the original', () => {
    const agreement: Pick<Agreement, 'status' | 'history'> = {
      status: 'draft',
      history: [{ from: null, to: 'draft', changedBy: 'regisseur', changedAt: '2024-01-10T09:00:00Z', reason: '' }],
    };
    const agreed = applyAgreementStatusChange(
      agreement,
      { to: 'agreed', reason: 'Getekend door alle partners' },
      { changedBy: 'M. Bakker', changedAt: '2024-02-01T14:00:00+01:00' },
    );
    expect(agreed.status).toBe('agreed');
    expect(agreed.history[1]).toEqual({
      from: 'draft',
      to: 'agreed',
      changedBy: 'M. Bakker',
      changedAt: '2024-02-01T14:00:00+01:00',
      reason: 'Getekend door alle partners',
    });
    expect(agreement.status).toBe('draft');
    expect(agreement.history).toHaveLength(1);
  });

  it('refuses a move that is not allowed, naming what is', () => {
    const attempt = () =>
      applyAgreementStatusChange(
        { status: 'fulfilled', history: [] },
        { to: 'broken', reason: 'x' },
        { changedBy: 'a', changedAt: '2024-01-01T00:00:00Z' },
      );
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/fulfilled is final/);
    const error = captureError(() =>
      applyAgreementStatusChange(
        { status: 'draft', history: [] },
        { to: 'in-progress', reason: 'x' },
        { changedBy: 'a', changedAt: '2024-01-01T00:00:00Z' },
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect((error as DomainError).message).toMatch(/allowed: agreed, expired/);
    expect((error as DomainError).details).toEqual([{ path: 'to', message: 'not allowed from draft' }]);
  });
});

describe('computeAgreementsNeedingAttention', () => {
  const base: Omit<AttentionAgreement, 'id' | 'title'> = {
    status: 'in-progress',
    ownerPartnerId: 'gemeente',
    startDate: null,
    endDate: '2024-12-31',
    dueDate: null,
    reviewDate: null,
  };
  const a = (id: string, overrides: Partial<AttentionAgreement>): AttentionAgreement => ({
    ...base,
    id,
    title: id,
    ...overrides,
  });
  const today = '2024-06-01';

  it('finds every reason, most urgent first', () => {
    const agreements = [
      // 2024-05-01 → 31 days before 2024-06-01
      a('A', { reviewDate: '2024-05-01' }),
      // June has 30 days: 2024-07-15 is 44 days ahead → due soon
      a('B', { status: 'agreed', reviewDate: '2024-07-15' }),
      // 2024-07-31 is 60 days ahead → still due soon (boundary)
      a('C', { reviewDate: '2024-07-31' }),
      // 2024-08-01 is 61 days ahead → nothing
      a('D', { reviewDate: '2024-08-01' }),
      // open-ended without review date → long-term
      a('E', { endDate: null }),
      // 2024-01-01 → 2024-12-31 is 365 days: not longer than a year → nothing
      a('F', { startDate: '2024-01-01', endDate: '2024-12-31' }),
      // 2024-01-01 → 2025-01-02 is 367 days → long-term
      a('G', { startDate: '2024-01-01', endDate: '2025-01-02' }),
      // due 2024-05-30, not fulfilled → 2 days overdue
      a('H', { dueDate: '2024-05-30', reviewDate: '2025-01-01' }),
      // fulfilled agreements need no anchoring
      a('I', { status: 'fulfilled', dueDate: '2024-01-01', reviewDate: '2024-01-01' }),
      // a draft whose due date passed 31 days ago; reviews of drafts do not count
      a('J', { status: 'draft', dueDate: '2024-05-01', reviewDate: '2024-05-01' }),
      // ended yesterday but still in progress; review in 9 days
      a('K', { endDate: '2024-05-31', reviewDate: '2024-06-10' }),
    ];
    const items = computeAgreementsNeedingAttention(agreements, today);
    expect(items.map((item) => [item.agreementId, item.reasons])).toEqual([
      ['A', [{ code: 'review-overdue', date: '2024-05-01', daysOverdue: 31 }]],
      ['J', [{ code: 'due-date-passed', date: '2024-05-01', daysOverdue: 31 }]],
      ['H', [{ code: 'due-date-passed', date: '2024-05-30', daysOverdue: 2 }]],
      [
        'K',
        [
          { code: 'review-due-soon', date: '2024-06-10', daysUntil: 9 },
          { code: 'end-date-passed', date: '2024-05-31', daysOverdue: 1 },
        ],
      ],
      ['B', [{ code: 'review-due-soon', date: '2024-07-15', daysUntil: 44 }]],
      ['C', [{ code: 'review-due-soon', date: '2024-07-31', daysUntil: 60 }]],
      ['E', [{ code: 'long-term-without-review', date: null }]],
      ['G', [{ code: 'long-term-without-review', date: '2025-01-02' }]],
    ]);
  });

  it('treats an agreement without start date as running from today', () => {
    // 2024-06-01 → 2025-06-02 is 366 days → long-term
    expect(computeAgreementsNeedingAttention([a('X', { endDate: '2025-06-02' })], today)).toHaveLength(1);
    expect(computeAgreementsNeedingAttention([a('Y', { endDate: '2025-06-01' })], today)).toHaveLength(0);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return null;
}
