import { createInterventionInputSchema, type CreateInterventionInput } from '@ketenregie/core';
import { expect, it } from 'vitest';
import { evaluateInterventionInputSchema } from '../src/governance/schemas/intervention-api-schemas.ts';
import { DIRECTOR_ACTOR } from '../src/governance/services/governance-actor.ts';
import { createIndicator } from '../src/governance/services/indicator-service.ts';
import {
  createIntervention,
  deleteIntervention,
  evaluateIntervention,
  getIntervention,
  listInterventions,
  updateIntervention,
} from '../src/governance/services/intervention-service.ts';
import { addMeasurement } from '../src/governance/services/measurement-service.ts';
import {
  buildGovernanceChain,
  buildIndicatorInput,
  callToSurgery,
  insertTestEvents,
  type GovernanceTestChain,
} from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

function interventionInput(chain: GovernanceTestChain, overrides: Partial<CreateInterventionInput> = {}) {
  return createInterventionInputSchema.parse({
    title: '24/7 OK-team aanwezig',
    hypothesis: "Als het OK-team 's nachts in huis is, daalt de tijd van melding tot OK.",
    ownerPartnerId: chain.partner('ziekenhuis'),
    linkIds: [chain.link('ok')],
    startDate: '2026-03-01',
    status: 'running',
    ...overrides,
  });
}

function dayOf(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T08:00:00Z`) + offset * 86_400_000).toISOString();
}

describeEachDatabase('governance: interventions', (ctx) => {
  it('registers, changes and deletes interventions with optimistic concurrency and references checked', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const other = await buildGovernanceChain(ctx.db);
    const invalid = await domainError(() =>
      createIntervention(
        ctx.db,
        chain.chainId,
        interventionInput(chain, { linkIds: [other.link('ok')], ownerPartnerId: other.partner('ambulance') }),
        DIRECTOR_ACTOR,
      ),
    );
    expect(invalid.details.map((d) => d.path)).toEqual(['ownerPartnerId', 'linkIds.0']);

    const created = await createIntervention(ctx.db, chain.chainId, interventionInput(chain), DIRECTOR_ACTOR);
    expect(created).toMatchObject({ version: 1, status: 'running', linkIds: [chain.link('ok')], evaluations: [] });
    const { id: _id, chainId: _c, version: _v, evaluations: _e, ...fields } = created;
    const completed = await updateIntervention(
      ctx.db,
      chain.chainId,
      created.id,
      {
        ...fields,
        status: 'completed',
        endDate: '2026-06-30',
        version: 1,
      },
      DIRECTOR_ACTOR,
    );
    expect(completed).toMatchObject({ version: 2, status: 'completed', endDate: '2026-06-30' });
    expect(
      (
        await domainError(() =>
          updateIntervention(ctx.db, chain.chainId, created.id, { ...fields, version: 1 }, DIRECTOR_ACTOR),
        )
      ).code,
    ).toBe('version_conflict');
    expect((await domainError(() => getIntervention(ctx.db, other.chainId, created.id))).code).toBe('not_found');
    await deleteIntervention(ctx.db, chain.chainId, created.id, 2, DIRECTOR_ACTOR);
    expect(await listInterventions(ctx.db, chain.chainId)).toEqual([]);
  });

  it('compares comparable periods before and after the start on the flow data, as set up here', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const intervention = await createIntervention(ctx.db, chain.chainId, interventionInput(chain), DIRECTOR_ACTOR);
    // Evaluated as of 26 March: 25 whole days after the start on 1 March, so the periods are
    // [4 February, 1 March) and [1 March, 26 March). One case a day: before 40, 41, …, 64 minutes
    // (mean 52), after 20, 21, …, 44 minutes (mean 32).
    const events = [];
    for (let i = 0; i < 25; i++) {
      events.push(...callToSurgery(`voor-${i}`, dayOf('2026-02-04', i), 40 + i));
      events.push(...callToSurgery(`na-${i}`, dayOf('2026-03-01', i), 20 + i));
    }
    // outside both periods: not counted
    events.push(...callToSurgery('eerder', dayOf('2026-02-03', 0), 500));
    events.push(...callToSurgery('later', dayOf('2026-03-26', 0), 500));
    await insertTestEvents(ctx.db, chain.chainId, events);

    const duration = await evaluateIntervention(
      ctx.db,
      chain.chainId,
      intervention.id,
      evaluateInterventionInputSchema.parse({
        measure: { kind: 'flow-duration', fromLinkId: chain.link('melding'), toLinkId: chain.link('ok') },
        asOf: '2026-03-26',
      }),
      DIRECTOR_ACTOR,
      '2026-11-01',
    );
    expect(duration).toMatchObject({
      evaluatedOn: '2026-03-26',
      before: { from: '2026-02-04', until: '2026-03-01' },
      after: { from: '2026-03-01', until: '2026-03-26' },
      lengthDays: 25,
      createdBy: 'ketenregisseur',
      subject: { nl: 'de tijd van "Melding 112" tot "Operatie"' },
    });
    expect(duration.result).toMatchObject({
      kind: 'numeric',
      direction: 'lower-is-better',
      before: { count: 25, mean: 52, median: 52 },
      after: { count: 25, mean: 32, median: 32 },
      differenceOfMeans: -20,
      verdict: 'improved',
    });
    if (duration.result.kind === 'numeric') {
      expect(duration.result.meanInterval?.upper).toBeLessThan(0);
    }

    // within 45 minutes: 6 of 25 before (40…45), 25 of 25 after
    const norm = await evaluateIntervention(
      ctx.db,
      chain.chainId,
      intervention.id,
      evaluateInterventionInputSchema.parse({
        measure: { kind: 'flow-norm', fromLinkId: chain.link('melding'), toLinkId: chain.link('ok'), maxMinutes: 45 },
        asOf: '2026-03-26',
      }),
      DIRECTOR_ACTOR,
      '2026-11-01',
    );
    expect(norm.result).toMatchObject({
      kind: 'proportion',
      before: { successes: 6, total: 25, share: 0.24 },
      after: { successes: 25, total: 25, share: 1 },
      verdict: 'improved',
    });
    expect(norm.result.kind === 'proportion' ? norm.result.difference : null).toBeCloseTo(0.76, 12);

    const stored = await getIntervention(ctx.db, chain.chainId, intervention.id);
    expect(stored.evaluations.map((e) => e.id)).toEqual([duration.id, norm.id]);
    expect(stored.evaluations[0]).toEqual(duration);
  });

  it('says so honestly when there is too little to compare, or nothing yet', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const other = await buildGovernanceChain(ctx.db);
    const indicator = await createIndicator(ctx.db, chain.chainId, buildIndicatorInput(chain), DIRECTOR_ACTOR);
    await addMeasurement(
      ctx.db,
      chain.chainId,
      indicator.id,
      { period: '2026-02', value: 60, note: '' },
      DIRECTOR_ACTOR,
    );
    await addMeasurement(
      ctx.db,
      chain.chainId,
      indicator.id,
      { period: '2026-03', value: 70, note: '' },
      DIRECTOR_ACTOR,
    );
    const intervention = await createIntervention(
      ctx.db,
      chain.chainId,
      interventionInput(chain, { indicatorIds: [indicator.id] }),
      DIRECTOR_ACTOR,
    );

    const few = await evaluateIntervention(
      ctx.db,
      chain.chainId,
      intervention.id,
      evaluateInterventionInputSchema.parse({
        measure: { kind: 'indicator', indicatorId: indicator.id },
        asOf: '2026-05-01',
      }),
      DIRECTOR_ACTOR,
      '2026-11-01',
    );
    expect(few.result).toMatchObject({
      kind: 'numeric',
      before: { count: 1 },
      after: { count: 1 },
      verdict: 'insufficient-data',
    });
    expect(few.result.explanation.nl).toMatch(/^Te weinig waarnemingen/);

    const early = await domainError(() =>
      evaluateIntervention(
        ctx.db,
        chain.chainId,
        intervention.id,
        evaluateInterventionInputSchema.parse({ measure: { kind: 'indicator', indicatorId: indicator.id } }),
        DIRECTOR_ACTOR,
        '2026-03-01',
      ),
    );
    expect(early).toMatchObject({ code: 'conflict', details: [{ path: 'asOf', message: 'choose a later date' }] });

    const foreign = await domainError(() =>
      evaluateIntervention(
        ctx.db,
        chain.chainId,
        intervention.id,
        evaluateInterventionInputSchema.parse({
          measure: { kind: 'flow-duration', fromLinkId: other.link('melding'), toLinkId: chain.link('melding') },
        }),
        DIRECTOR_ACTOR,
        '2026-06-01',
      ),
    );
    expect(foreign.details.map((d) => d.path)).toEqual(['measure.fromLinkId']);
  });
});
