import type { CreateAgreementInput } from '@ketenregie/core';
import { createAgreementInputSchema } from '@ketenregie/core';
import { expect, it } from 'vitest';
import {
  changeAgreementStatus,
  createAgreement,
  deleteAgreement,
  getAgreement,
  listAgreements,
  listAgreementsNeedingAttention,
  signAgreement,
  updateAgreement,
} from '../src/governance/services/agreement-service.ts';
import { DIRECTOR_ACTOR, type GovernanceActor } from '../src/governance/services/governance-actor.ts';
import { createIndicator } from '../src/governance/services/indicator-service.ts';
import {
  buildGovernanceChain,
  buildIndicatorInput,
  type GovernanceTestChain,
  partnerActor,
} from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

function agreementInput(chain: GovernanceTestChain, overrides: Partial<CreateAgreementInput> = {}) {
  return createAgreementInputSchema.parse({
    title: 'Overdracht ambulance–SEH binnen 15 minuten',
    kind: 'functional',
    level: 'tactical',
    partyPartnerIds: [chain.partner('ambulance'), chain.partner('ziekenhuis')],
    ownerPartnerId: chain.partner('ziekenhuis'),
    linkIds: [chain.link('rit'), chain.link('seh')],
    ...overrides,
  });
}

describeEachDatabase('governance: agreements', (ctx) => {
  it('records every status change with who, when and why, and refuses moves the table does not allow', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const created = await createAgreement(
      ctx.db,
      chain.chainId,
      agreementInput(chain, { reason: 'Concept van de werkgroep' }),
      DIRECTOR_ACTOR,
    );
    expect(created).toMatchObject({ status: 'draft', version: 1, linkIds: [chain.link('rit'), chain.link('seh')] });
    expect(created.history).toMatchObject([
      { from: null, to: 'draft', changedBy: 'ketenregisseur', reason: 'Concept van de werkgroep' },
    ]);

    const agreed = await changeAgreementStatus(
      ctx.db,
      chain.chainId,
      created.id,
      { version: 1, to: 'agreed', reason: 'Vastgesteld in het tactisch overleg' },
      partnerActor('Dr. J. de Wit', [chain.partner('ziekenhuis')]),
    );
    expect(agreed.status).toBe('agreed');
    expect(agreed.version).toBe(2);
    expect(agreed.history.map((h) => [h.from, h.to, h.changedBy, h.reason])).toEqual([
      [null, 'draft', 'ketenregisseur', 'Concept van de werkgroep'],
      ['draft', 'agreed', 'Dr. J. de Wit', 'Vastgesteld in het tactisch overleg'],
    ]);
    expect(Date.parse(agreed.history[1]?.changedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(agreed.history[0]?.changedAt ?? ''),
    );

    const notAllowed = await domainError(() =>
      changeAgreementStatus(
        ctx.db,
        chain.chainId,
        created.id,
        { version: 2, to: 'draft', reason: 'terug' },
        DIRECTOR_ACTOR,
      ),
    );
    expect(notAllowed).toMatchObject({
      code: 'conflict',
      details: [{ path: 'to', message: 'not allowed from agreed' }],
    });
    const stale = await domainError(() =>
      changeAgreementStatus(
        ctx.db,
        chain.chainId,
        created.id,
        { version: 1, to: 'in-progress', reason: 'start' },
        DIRECTOR_ACTOR,
      ),
    );
    expect(stale.code).toBe('version_conflict');

    // a partner that is neither owner nor party cannot touch it, and learns nothing about it
    const dispatch: GovernanceActor = partnerActor('MKA', [chain.partner('meldkamer')]);
    const outsider = await domainError(() =>
      changeAgreementStatus(ctx.db, chain.chainId, created.id, { version: 2, to: 'broken', reason: 'x' }, dispatch),
    );
    expect(outsider).toMatchObject({ code: 'not_found', message: 'Agreement not found' });
  });

  it('lets each party sign once, and checks every reference against the chain', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const other = await buildGovernanceChain(ctx.db);
    const created = await createAgreement(ctx.db, chain.chainId, agreementInput(chain), DIRECTOR_ACTOR);
    const signed = await signAgreement(
      ctx.db,
      chain.chainId,
      created.id,
      { partnerId: chain.partner('ambulance'), signedBy: 'M. Yilmaz', signedOn: '2026-01-15', version: 1 },
      partnerActor('M. Yilmaz', [chain.partner('ambulance')]),
    );
    expect(signed.signatures).toEqual([
      { partnerId: chain.partner('ambulance'), signedBy: 'M. Yilmaz', signedOn: '2026-01-15' },
    ]);
    expect(signed.version).toBe(2);
    const twice = await domainError(() =>
      signAgreement(
        ctx.db,
        chain.chainId,
        created.id,
        { partnerId: chain.partner('ambulance'), signedBy: 'M. Yilmaz', signedOn: '2026-01-16', version: 2 },
        DIRECTOR_ACTOR,
      ),
    );
    expect(twice.code).toBe('conflict');
    const notParty = await domainError(() =>
      signAgreement(
        ctx.db,
        chain.chainId,
        created.id,
        { partnerId: chain.partner('meldkamer'), signedBy: 'H. Bos', signedOn: '2026-01-16', version: 2 },
        DIRECTOR_ACTOR,
      ),
    );
    expect(notParty.details).toEqual([{ path: 'partnerId', message: 'this partner is not a party to the agreement' }]);

    const foreignIndicator = await createIndicator(ctx.db, other.chainId, buildIndicatorInput(other), DIRECTOR_ACTOR);
    const { id: _id, chainId: _chainId, status: _status, history: _history, version: _version, ...fields } = signed;
    const invalid = await domainError(() =>
      updateAgreement(
        ctx.db,
        chain.chainId,
        created.id,
        {
          ...fields,
          version: 2,
          linkIds: [other.link('seh')],
          indicatorIds: [foreignIndicator.id],
          ownerPartnerId: other.partner('ambulance'),
        },
        DIRECTOR_ACTOR,
      ),
    );
    expect(invalid.details.map((d) => d.path)).toEqual(['ownerPartnerId', 'linkIds.0', 'indicatorIds.0']);

    const updated = await updateAgreement(
      ctx.db,
      chain.chainId,
      created.id,
      { ...fields, version: 2, reviewDate: '2026-06-01' },
      DIRECTOR_ACTOR,
    );
    expect(updated).toMatchObject({ version: 3, reviewDate: '2026-06-01', signatures: signed.signatures });
    expect((await domainError(() => deleteAgreement(ctx.db, chain.chainId, created.id, 2, DIRECTOR_ACTOR))).code).toBe(
      'version_conflict',
    );
    await deleteAgreement(ctx.db, chain.chainId, created.id, 3, DIRECTOR_ACTOR);
    expect(await listAgreements(ctx.db, chain.chainId)).toEqual([]);
    expect((await domainError(() => getAgreement(ctx.db, chain.chainId, created.id))).code).toBe('not_found');
  });

  it('shows what needs attention on a given day, as worked out here by hand', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const add = async (
      title: string,
      overrides: Partial<CreateAgreementInput>,
      status: 'draft' | 'agreed' | 'in-progress' | 'fulfilled',
    ) => {
      const created = await createAgreement(
        ctx.db,
        chain.chainId,
        agreementInput(chain, { title, ...overrides, status }),
        DIRECTOR_ACTOR,
      );
      return created.id;
    };
    const today = '2026-06-01';
    // review on 1 May: 31 days overdue
    const overdue = await add(
      'Convenant',
      { kind: 'covenant', level: 'strategic', reviewDate: '2026-05-01', endDate: '2029-12-31' },
      'in-progress',
    );
    // review on 31 July: 60 days ahead (May has 31 days, June 30, July 31 − 1) — still "soon"
    const soon = await add('Overdracht', { reviewDate: '2026-07-31', endDate: '2026-12-31' }, 'agreed');
    // review on 1 August: 61 days ahead — not yet
    await add('Later', { reviewDate: '2026-08-01', endDate: '2026-12-31' }, 'in-progress');
    // open-ended without review date: long-term
    const longTerm = await add('Gegevensdeling', { kind: 'data-sharing', endDate: null }, 'in-progress');
    // due on 30 May, not fulfilled: 2 days overdue
    const due = await add(
      'Rapportage',
      { dueDate: '2026-05-30', reviewDate: '2026-12-01', endDate: '2026-12-31' },
      'agreed',
    );
    // fulfilled agreements need no anchoring
    await add('Afgerond', { dueDate: '2026-01-01', reviewDate: '2026-01-01' }, 'fulfilled');

    const items = await listAgreementsNeedingAttention(ctx.db, chain.chainId, today);
    expect(items.map((item) => [item.agreementId, item.reasons])).toEqual([
      [overdue, [{ code: 'review-overdue', date: '2026-05-01', daysOverdue: 31 }]],
      [due, [{ code: 'due-date-passed', date: '2026-05-30', daysOverdue: 2 }]],
      [soon, [{ code: 'review-due-soon', date: '2026-07-31', daysUntil: 60 }]],
      [longTerm, [{ code: 'long-term-without-review', date: null }]],
    ]);
  });
});
