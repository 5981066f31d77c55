/**
 * What each role sees of the trajectory totals on the chain page: case-level roles always the
 * numbers; partners and viewers nothing when the chain holds fewer cases than its threshold.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertEventImport, insertEvents } from '../src/repositories/event-repository.ts';
import { createChain } from '../src/services/chain-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildChainMember, buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildChainInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('small-cell suppression on the chain page', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  async function chainWithCases(cases: number) {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(ctx.db, chain.id, buildPartnerInput());
    const importId = await insertEventImport(ctx.db, {
      chainId: chain.id,
      partnerId: null,
      source: 'csv',
      fileName: 'x.csv',
      eventCount: cases * 2,
      caseCount: cases,
    });
    await insertEvents(
      ctx.db,
      chain.id,
      importId,
      Array.from({ length: cases * 2 }, (_, i) => ({
        caseId: `c${Math.floor(i / 2)}`,
        activity: i % 2 === 0 ? 'start' : 'end',
        timestamp: Date.UTC(2026, 0, 1) + i * 60_000,
        startTimestamp: null,
        partnerId: null,
        resource: null,
      })),
    );
    const inject: Record<string, ReturnType<typeof injectAs>> = {};
    for (const role of ['director', 'partner', 'viewer', 'analyst'] as const) {
      const user = await buildUser(ctx.db);
      await buildChainMember(ctx.db, {
        chainId: chain.id,
        user,
        role,
        ...(role === 'partner' ? { partnerId: partner.id } : {}),
      });
      inject[role] = injectAs(app, await signIn(ctx.db, user.id));
    }
    return { chain, inject };
  }

  it('withholds the totals of fewer than 5 cases from partners and viewers only', async () => {
    const { chain, inject } = await chainWithCases(3);
    for (const role of ['partner', 'viewer']) {
      const response = await inject[role]!(`/api/v1/chains/${chain.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ trajectories: unknown }>().trajectories).toEqual({
        imports: 1,
        cases: null,
        events: null,
        firstEventAt: null,
        lastEventAt: null,
        suppressed: true,
      });
    }
    for (const role of ['director', 'analyst']) {
      const stats = (await inject[role]!(`/api/v1/chains/${chain.id}`)).json<{
        trajectories: { cases: number; suppressed: boolean };
      }>();
      expect(stats.trajectories).toMatchObject({ cases: 3, events: 6, suppressed: false });
    }
  });

  it('shows the totals once the chain reaches its threshold, which the director can change', async () => {
    const { chain, inject } = await chainWithCases(6);
    const viewerSees = async () =>
      (await inject.viewer!(`/api/v1/chains/${chain.id}`)).json<{ trajectories: { cases: number | null } }>()
        .trajectories.cases;
    expect(await viewerSees()).toBe(6);
    expect((await inject.viewer!(`/api/v1/chains/${chain.id}/privacy`)).json()).toEqual({ smallCellThreshold: 5 });
    expect(
      (
        await inject.viewer!({
          method: 'PUT',
          url: `/api/v1/chains/${chain.id}/privacy`,
          payload: { smallCellThreshold: 10 },
        })
      ).statusCode,
    ).toBe(403);
    const changed = await inject.director!({
      method: 'PUT',
      url: `/api/v1/chains/${chain.id}/privacy`,
      payload: { smallCellThreshold: 10 },
    });
    expect(changed.json()).toEqual({ smallCellThreshold: 10 });
    expect(await viewerSees()).toBeNull();
    const invalid = await inject.director!({
      method: 'PUT',
      url: `/api/v1/chains/${chain.id}/privacy`,
      payload: { smallCellThreshold: 0 },
    });
    expect(invalid.statusCode).toBe(400);
  });
});
