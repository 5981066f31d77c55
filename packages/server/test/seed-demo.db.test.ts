import { expect, it } from 'vitest';
import { findAppState } from '../src/repositories/app-state-repository.ts';
import { createChain, deleteChain, getChainDetail, listChains } from '../src/services/chain-service.ts';
import { DEMO_TEMPLATE_KEY, FIRST_START_KEY, prepareFirstStart, seedDemo } from '../src/services/seed-demo.ts';
import { buildChainInput } from './support/fixtures.ts';
import { shippedTemplates } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('demo seeding', (ctx) => {
  it('creates the emergency-care chain with thousands of patients as one demo import, once', async () => {
    const templates = await shippedTemplates();
    const first = await seedDemo(ctx.db, { templates });
    expect(first.created).toBe(true);
    console.info(`[ketenregie] demo seeding on ${ctx.kind}: ${first.eventCount} events in ${first.durationMs} ms`);

    const detail = await getChainDetail(ctx.db, first.chainId);
    expect(detail.chain.slug).toBe(templates.get(DEMO_TEMPLATE_KEY).model.chain.slug);
    expect(detail.trajectories.imports).toBe(1);
    expect(detail.trajectories.cases).toBeGreaterThanOrEqual(5000);
    expect(detail.trajectories.events).toBe(first.eventCount);
    expect(detail.trajectories.events).toBeGreaterThan(20_000);

    const [demoImport] = await ctx.db.query<{ source: string; event_count: number; case_count: number }>(
      'SELECT source, event_count, case_count FROM event_imports WHERE chain_id = $1',
      [first.chainId],
    );
    expect(demoImport).toEqual({
      source: 'demo',
      event_count: first.eventCount,
      case_count: detail.trajectories.cases,
    });
    const [unattributed] = await ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE chain_id = $1 AND partner_id IS NULL',
      [first.chainId],
    );
    expect(unattributed?.n).toBe(0);

    const slugs = (await listChains(ctx.db)).map((c) => c.slug).sort();
    const youth = templates.get('youth-protection').model.chain.slug;
    expect(slugs).toEqual([detail.chain.slug, youth].sort());

    const second = await seedDemo(ctx.db, { templates });
    expect(second).toMatchObject({ chainId: first.chainId, created: false, eventCount: 0 });
    expect((await getChainDetail(ctx.db, first.chainId)).trajectories.events).toBe(first.eventCount);
    expect(await listChains(ctx.db)).toHaveLength(2);
  });

  it('seeds on the first start only, and never brings a deleted demo back', async () => {
    const templates = await shippedTemplates();
    const first = await prepareFirstStart(ctx.db, { seedDemo: true, templates, patients: 50 });
    expect(first.firstStart).toBe(true);
    expect(first.demo?.created).toBe(true);
    expect(await findAppState(ctx.db, FIRST_START_KEY)).toMatchObject({ demoSeeded: true });

    for (const chain of await listChains(ctx.db)) {
      const { chain: current } = await getChainDetail(ctx.db, chain.id);
      await deleteChain(ctx.db, current.id, current.version);
    }
    const later = await prepareFirstStart(ctx.db, { seedDemo: true, templates, patients: 50 });
    expect(later).toEqual({ firstStart: false, demo: null });
    expect(await listChains(ctx.db)).toEqual([]);
  });

  it('does not seed into an installation that already has chains, but records the first start', async () => {
    const templates = await shippedTemplates();
    await createChain(ctx.db, buildChainInput({ slug: 'eigen-keten' }));
    const result = await prepareFirstStart(ctx.db, { seedDemo: true, templates });
    expect(result).toEqual({ firstStart: true, demo: null });
    expect((await listChains(ctx.db)).map((c) => c.slug)).toEqual(['eigen-keten']);
    expect(await findAppState(ctx.db, FIRST_START_KEY)).toMatchObject({ demoSeeded: false });
  });

  it('leaves no marker when the demo is disabled, so enabling it later still seeds', async () => {
    const templates = await shippedTemplates();
    expect(await prepareFirstStart(ctx.db, { seedDemo: false, templates })).toEqual({ firstStart: false, demo: null });
    expect(await findAppState(ctx.db, FIRST_START_KEY)).toBeNull();
    const enabled = await prepareFirstStart(ctx.db, { seedDemo: true, templates, patients: 20 });
    expect(enabled.demo?.created).toBe(true);
  });
});
