import type { DomainError } from '@ketenregie/core';
import { expect, it } from 'vitest';
import { createChain, deleteChain, getChainDetail, listChains, updateChain } from '../src/services/chain-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { insertEventImport, insertEvents } from '../src/repositories/event-repository.ts';
import { buildChainInput, buildPartnerInput } from './support/fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('chain service', (ctx) => {
  it('creates a chain at version 1 and finds it by id and by slug', async () => {
    const created = await createChain(ctx.db, buildChainInput({ slug: 'spoed' }));
    expect(created.chain).toMatchObject({ slug: 'spoed', version: 1, description: '' });
    expect(created.chain.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.chain.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(created.partners).toEqual([]);
    expect(created.links).toEqual([]);
    expect(created.trajectories).toEqual({ imports: 0, cases: 0, events: 0, firstEventAt: null, lastEventAt: null });

    expect((await getChainDetail(ctx.db, created.chain.id)).chain).toEqual(created.chain);
    expect((await getChainDetail(ctx.db, 'spoed')).chain).toEqual(created.chain);
    expect((await getChainDetail(ctx.db, created.chain.id.toUpperCase())).chain.id).toBe(created.chain.id);
  });

  it('answers not_found for unknown and malformed references', async () => {
    expect((await domainError(() => getChainDetail(ctx.db, 'nope'))).code).toBe('not_found');
    expect((await domainError(() => getChainDetail(ctx.db, '00000000-0000-4000-8000-000000000000'))).code).toBe(
      'not_found',
    );
    expect((await domainError(() => getChainDetail(ctx.db, "x' OR 1=1 --"))).code).toBe('not_found');
  });

  it('refuses a slug that is taken, on create and on update', async () => {
    await createChain(ctx.db, buildChainInput({ slug: 'bezet' }));
    const other = await createChain(ctx.db, buildChainInput({ slug: 'vrij' }));
    const onCreate = await domainError(() => createChain(ctx.db, buildChainInput({ slug: 'bezet' })));
    expect(onCreate.code).toBe('conflict');
    expect(onCreate.details).toEqual([{ path: 'slug', message: 'another chain already uses this slug' }]);
    const onUpdate = await domainError(() => updateChain(ctx.db, other.chain.id, { version: 1, slug: 'bezet' }));
    expect(onUpdate.code).toBe('conflict');
  });

  it('updates with the current version and refuses the second update from the same version', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const first = await updateChain(ctx.db, chain.id, { version: 1, name: 'Nieuwe naam' });
    expect(first.chain).toMatchObject({ name: 'Nieuwe naam', version: 2, slug: chain.slug });
    const second = await domainError(() => updateChain(ctx.db, chain.id, { version: 1, targetGroup: 'Anders' }));
    expect(second.code).toBe('version_conflict');
    expect(second.details).toEqual([{ path: 'version', message: 'expected 2, got 1' }]);
    expect((await getChainDetail(ctx.db, chain.id)).chain.targetGroup).toBe(chain.targetGroup);
  });

  it('serialises concurrent updates of one chain: exactly one wins', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const results = await Promise.allSettled([
      updateChain(ctx.db, chain.id, { version: 1, name: 'A' }),
      updateChain(ctx.db, chain.id, { version: 1, name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as DomainError).code).toBe('version_conflict');
  });

  it('deletes a chain with its partners and trajectories, only at the current version', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(ctx.db, chain.id, buildPartnerInput());
    const importId = await insertEventImport(ctx.db, {
      chainId: chain.id,
      partnerId: partner.id,
      source: 'csv',
      fileName: 'x.csv',
      eventCount: 1,
      caseCount: 1,
    });
    await insertEvents(ctx.db, chain.id, importId, [
      { caseId: 'c1', activity: 'a', timestamp: 0, startTimestamp: null, partnerId: partner.id, resource: null },
    ]);
    expect((await domainError(() => deleteChain(ctx.db, chain.id, 2))).code).toBe('version_conflict');
    await deleteChain(ctx.db, chain.slug, 1);
    expect((await domainError(() => getChainDetail(ctx.db, chain.id))).code).toBe('not_found');
    expect(await ctx.db.query('SELECT * FROM events')).toEqual([]);
    expect(await ctx.db.query('SELECT * FROM partners')).toEqual([]);
  });

  it('lists chains with counts, most recently changed first', async () => {
    const older = await createChain(ctx.db, buildChainInput({ slug: 'ouder' }));
    await createChain(ctx.db, buildChainInput({ slug: 'nieuwer' }));
    await createPartner(ctx.db, older.chain.id, buildPartnerInput());
    const list = await listChains(ctx.db);
    expect(list.map((c) => [c.slug, c.partnerCount, c.linkCount])).toEqual([
      ['ouder', 1, 0],
      ['nieuwer', 0, 0],
    ]);
  });

  it('reports trajectory totals: imports, distinct cases, events, first and last event', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const at = (iso: string) => Date.parse(iso);
    for (const [file, events] of [
      [
        'a.csv',
        [
          ['c1', '2026-01-01T10:00:00.000Z'],
          ['c2', '2026-01-02T11:30:00.250Z'],
        ],
      ],
      ['b.csv', [['c1', '2025-12-31T23:59:59.000Z']]],
    ] as const) {
      const importId = await insertEventImport(ctx.db, {
        chainId: chain.id,
        partnerId: null,
        source: 'csv',
        fileName: file,
        eventCount: events.length,
        caseCount: events.length,
      });
      await insertEvents(
        ctx.db,
        chain.id,
        importId,
        events.map(([caseId, ts]) => ({
          caseId,
          activity: 'x',
          timestamp: at(ts),
          startTimestamp: null,
          partnerId: null,
          resource: null,
        })),
      );
    }
    expect((await getChainDetail(ctx.db, chain.id)).trajectories).toEqual({
      imports: 2,
      cases: 2,
      events: 3,
      firstEventAt: '2025-12-31T23:59:59.000Z',
      lastEventAt: '2026-01-02T11:30:00.250Z',
    });
  });
});
