import { expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createChain, getChainDetail } from '../src/services/chain-service.ts';
import { createLink, deleteLink, reorderLinks, updateLink } from '../src/services/link-service.ts';
import { createPartner, deletePartner, updatePartner } from '../src/services/partner-service.ts';
import { insertEventImport } from '../src/repositories/event-repository.ts';
import { buildChainInput, buildLinkInput, buildPartnerInput } from './support/fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

/** A chain with two partners and the given number of links, named l1, l2, … */
async function chainWithLinks(db: Database, count: number) {
  const { chain } = await createChain(db, buildChainInput());
  const a = await createPartner(db, chain.id, buildPartnerInput({ key: 'a', name: 'Alfa' }));
  const b = await createPartner(db, chain.id, buildPartnerInput({ key: 'b', name: 'Bravo' }));
  const links = [];
  for (let i = 1; i <= count; i += 1) {
    links.push(await createLink(db, chain.id, buildLinkInput([a.id], { key: `l${i}`, name: `L${i}` })));
  }
  return { chain, a, b, links };
}

async function order(db: Database, chainId: string): Promise<string[]> {
  return (await getChainDetail(db, chainId)).links.map((l) => `${l.position}:${l.key}`);
}

describeEachDatabase('partner service', (ctx) => {
  it('creates, updates and deletes a partner with version checks', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(
      ctx.db,
      chain.slug,
      buildPartnerInput({ key: 'politie', roles: ['executor', 'funder'] }),
    );
    expect(partner).toMatchObject({ key: 'politie', chainId: chain.id, version: 1, roles: ['executor', 'funder'] });

    const updated = await updatePartner(ctx.db, chain.id, partner.id, { version: 1, commitment: 5, name: 'Politie' });
    expect(updated).toMatchObject({ version: 2, commitment: 5, name: 'Politie', key: 'politie' });
    const stale = await domainError(() => updatePartner(ctx.db, chain.id, partner.id, { version: 1, influence: 1 }));
    expect(stale.code).toBe('version_conflict');

    expect((await domainError(() => deletePartner(ctx.db, chain.id, partner.id, 1))).code).toBe('version_conflict');
    await deletePartner(ctx.db, chain.id, partner.id, 2);
    expect((await getChainDetail(ctx.db, chain.id)).partners).toEqual([]);
  });

  it('names the key field when another partner of the chain uses it', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    await createPartner(ctx.db, chain.id, buildPartnerInput({ key: 'ggd' }));
    const other = await createPartner(ctx.db, chain.id, buildPartnerInput({ key: 'zorg' }));
    const onCreate = await domainError(() => createPartner(ctx.db, chain.id, buildPartnerInput({ key: 'ggd' })));
    expect(onCreate.code).toBe('validation_failed');
    expect(onCreate.details).toEqual([{ path: 'key', message: 'partner key "ggd" is used twice' }]);
    const onUpdate = await domainError(() => updatePartner(ctx.db, chain.id, other.id, { version: 1, key: 'ggd' }));
    expect(onUpdate.details.map((d) => d.path)).toEqual(['key']);
  });

  it('allows the same partner key in another chain', async () => {
    const one = await createChain(ctx.db, buildChainInput());
    const two = await createChain(ctx.db, buildChainInput());
    await createPartner(ctx.db, one.chain.id, buildPartnerInput({ key: 'ggd' }));
    await expect(createPartner(ctx.db, two.chain.id, buildPartnerInput({ key: 'ggd' }))).resolves.toMatchObject({
      key: 'ggd',
    });
  });

  it('refuses to delete a partner that a link names or that has trajectory data', async () => {
    const { chain, a, b } = await chainWithLinks(ctx.db, 1);
    const used = await domainError(() => deletePartner(ctx.db, chain.id, a.id, 1));
    expect(used.code).toBe('conflict');
    expect(used.message).toContain('"L1"');
    await insertEventImport(ctx.db, {
      chainId: chain.id,
      partnerId: b.id,
      source: 'csv',
      fileName: 'b.csv',
      eventCount: 0,
      caseCount: 0,
    });
    expect((await domainError(() => deletePartner(ctx.db, chain.id, b.id, 1))).code).toBe('conflict');
  });

  it('answers not_found for unknown and malformed partner ids and for partners of another chain', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const other = await createChain(ctx.db, buildChainInput());
    const foreign = await createPartner(ctx.db, other.chain.id, buildPartnerInput());
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', foreign.id]) {
      expect((await domainError(() => updatePartner(ctx.db, chain.id, id, { version: 1 }))).code).toBe('not_found');
    }
  });
});

describeEachDatabase('link service', (ctx) => {
  it('appends links and inserts at a position, moving later links down', async () => {
    const { chain, a } = await chainWithLinks(ctx.db, 3);
    const inserted = await createLink(ctx.db, chain.id, buildLinkInput([a.id], { key: 'nieuw', position: 2 }));
    expect(inserted.position).toBe(2);
    expect(await order(ctx.db, chain.id)).toEqual(['1:l1', '2:nieuw', '3:l2', '4:l3']);
    await createLink(ctx.db, chain.id, buildLinkInput([a.id], { key: 'eerst', position: 1 }));
    expect(await order(ctx.db, chain.id)).toEqual(['1:eerst', '2:l1', '3:nieuw', '4:l2', '5:l3']);
    const beyond = await domainError(() => createLink(ctx.db, chain.id, buildLinkInput([a.id], { position: 7 })));
    expect(beyond.details).toEqual([{ path: 'position', message: 'must be between 1 and 6' }]);
  });

  it('keeps the order of responsible partners and stores norms', async () => {
    const { chain, a, b, links } = await chainWithLinks(ctx.db, 1);
    const link = await createLink(
      ctx.db,
      chain.id,
      buildLinkInput([b.id, a.id], {
        activities: ['Triage', 'Opname'],
        norm: { maxMinutes: 60, fromLinkId: links[0]!.id, description: 'Gouden uur' },
      }),
    );
    expect(link.partnerIds).toEqual([b.id, a.id]);
    expect(link.activities).toEqual(['Triage', 'Opname']);
    expect(link.norm).toEqual({ maxMinutes: 60, fromLinkId: links[0]!.id, description: 'Gouden uur' });
    const updated = await updateLink(ctx.db, chain.id, link.id, { version: 1, partnerIds: [a.id], norm: null });
    expect(updated).toMatchObject({ version: 2, partnerIds: [a.id], norm: null, activities: ['Triage', 'Opname'] });
  });

  it('answers 400 naming partnerIds.N for a partner of another chain', async () => {
    const { chain, a } = await chainWithLinks(ctx.db, 0);
    const other = await createChain(ctx.db, buildChainInput());
    const foreign = await createPartner(ctx.db, other.chain.id, buildPartnerInput());
    const error = await domainError(() => createLink(ctx.db, chain.id, buildLinkInput([a.id, foreign.id])));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      { path: 'partnerIds.1', message: `no partner with id "${foreign.id}" in this chain` },
    ]);
    expect(await ctx.db.query('SELECT * FROM links')).toEqual([]);
  });

  it('names the field of every broken invariant of a link', async () => {
    const { chain, a, links } = await chainWithLinks(ctx.db, 2);
    await updateLink(ctx.db, chain.id, links[0]!.id, { version: 1, activities: ['Melding'] });

    const duplicateKey = await domainError(() => createLink(ctx.db, chain.id, buildLinkInput([a.id], { key: 'l1' })));
    expect(duplicateKey.details).toEqual([{ path: 'key', message: 'link key "l1" is used twice' }]);

    const activity = await domainError(() =>
      updateLink(ctx.db, chain.id, links[1]!.id, { version: 1, activities: ['Rit', 'Melding'] }),
    );
    expect(activity.details).toEqual([
      { path: 'activities.1', message: 'activity "Melding" is already mapped to link "l1"' },
    ]);

    const earlierActivity = await domainError(() =>
      createLink(ctx.db, chain.id, buildLinkInput([a.id], { position: 1, activities: ['Melding'] })),
    );
    expect(earlierActivity.details).toEqual([
      { path: 'activities.0', message: 'activity "Melding" is already mapped to link "l1"' },
    ]);

    const laterNorm = await domainError(() =>
      updateLink(ctx.db, chain.id, links[0]!.id, {
        version: 2,
        norm: { maxMinutes: 5, fromLinkId: links[1]!.id, description: '' },
      }),
    );
    expect(laterNorm.details.map((d) => d.path)).toEqual(['norm.fromLinkId']);

    const firstWithoutFrom = await domainError(() =>
      updateLink(ctx.db, chain.id, links[0]!.id, {
        version: 2,
        norm: { maxMinutes: 5, fromLinkId: null, description: '' },
      }),
    );
    expect(firstWithoutFrom.details.map((d) => d.path)).toEqual(['norm.fromLinkId']);

    const unknownFrom = await domainError(() =>
      createLink(
        ctx.db,
        chain.id,
        buildLinkInput([a.id], { norm: { maxMinutes: 5, fromLinkId: 'nope', description: '' } }),
      ),
    );
    expect(unknownFrom.details).toEqual([{ path: 'norm.fromLinkId', message: 'no link with id "nope" in this chain' }]);
  });

  it('refuses a stale link update', async () => {
    const { chain, links } = await chainWithLinks(ctx.db, 1);
    await updateLink(ctx.db, chain.id, links[0]!.id, { version: 1, name: 'Eerste' });
    const stale = await domainError(() => updateLink(ctx.db, chain.id, links[0]!.id, { version: 1, name: 'Tweede' }));
    expect(stale.code).toBe('version_conflict');
  });

  it('closes the gap when a link is deleted', async () => {
    const { chain, links } = await chainWithLinks(ctx.db, 4);
    await deleteLink(ctx.db, chain.id, links[1]!.id, 1);
    expect(await order(ctx.db, chain.id)).toEqual(['1:l1', '2:l3', '3:l4']);
    await deleteLink(ctx.db, chain.id, links[0]!.id, 1);
    expect(await order(ctx.db, chain.id)).toEqual(['1:l3', '2:l4']);
    expect((await domainError(() => deleteLink(ctx.db, chain.id, links[3]!.id, 9))).code).toBe('version_conflict');
    expect((await domainError(() => deleteLink(ctx.db, chain.id, links[1]!.id, 1))).code).toBe('not_found');
  });

  it('refuses to delete a link that another link measures its norm from', async () => {
    const { chain, a, links } = await chainWithLinks(ctx.db, 2);
    await createLink(
      ctx.db,
      chain.id,
      buildLinkInput([a.id], { key: 'ok', norm: { maxMinutes: 60, fromLinkId: links[0]!.id, description: '' } }),
    );
    const error = await domainError(() => deleteLink(ctx.db, chain.id, links[0]!.id, 1));
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual([{ path: '', message: 'the norm of link "ok" is measured from this link' }]);

    await updateLink(ctx.db, chain.id, links[1]!.id, {
      version: 1,
      norm: { maxMinutes: 10, fromLinkId: null, description: '' },
    });
    const wouldBeFirst = await domainError(() => deleteLink(ctx.db, chain.id, links[0]!.id, 1));
    expect(wouldBeFirst.code).toBe('conflict');
  });

  it('reorders links when given a permutation of the current ids', async () => {
    const { chain, links } = await chainWithLinks(ctx.db, 3);
    const [l1, l2, l3] = links.map((l) => l.id);
    const result = await reorderLinks(ctx.db, chain.id, { linkIds: [l3!, l1!, l2!] });
    expect(result.map((l) => `${l.position}:${l.key}`)).toEqual(['1:l3', '2:l1', '3:l2']);
    expect(await order(ctx.db, chain.id)).toEqual(['1:l3', '2:l1', '3:l2']);
  });

  it('refuses an order that is not exactly the current links', async () => {
    const { chain, links } = await chainWithLinks(ctx.db, 3);
    const [l1, l2, l3] = links.map((l) => l.id);
    for (const linkIds of [
      [l1!, l2!],
      [l1!, l2!, l3!, l3!],
      [l1!, l2!, '00000000-0000-4000-8000-000000000000'],
      [l1!, l1!, l2!],
    ]) {
      expect((await domainError(() => reorderLinks(ctx.db, chain.id, { linkIds }))).code).toBe('conflict');
    }
    expect(await order(ctx.db, chain.id)).toEqual(['1:l1', '2:l2', '3:l3']);
  });

  it('refuses an order that puts a norm before the link it is measured from, naming linkIds.N', async () => {
    const { chain, a, links } = await chainWithLinks(ctx.db, 2);
    const ok = await createLink(
      ctx.db,
      chain.id,
      buildLinkInput([a.id], { key: 'ok', norm: { maxMinutes: 60, fromLinkId: links[0]!.id, description: '' } }),
    );
    const error = await domainError(() =>
      reorderLinks(ctx.db, chain.id, { linkIds: [ok.id, links[0]!.id, links[1]!.id] }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.path)).toEqual(['linkIds.0']);
  });
});
