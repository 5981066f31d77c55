import { chainModelSchema } from '@ketenregie/core';
import { expect, it } from 'vitest';
import { exportChainModel, importChainModel } from '../src/services/chain-model-service.ts';
import { getChainDetail } from '../src/services/chain-service.ts';
import { createLink, reorderLinks } from '../src/services/link-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildLinkInput, buildModel, buildPartnerInput } from './support/fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('portable chain model', (ctx) => {
  it('imports a model into partners, ordered links, partner order and norms', async () => {
    const detail = await importChainModel(ctx.db, buildModel());
    expect(detail.chain).toMatchObject({ slug: 'acute-zorg', version: 1 });
    expect(detail.partners.map((p) => p.key)).toEqual(['ambulance', 'meldkamer', 'ziekenhuis']);
    expect(detail.links.map((l) => `${l.position}:${l.key}`)).toEqual(['1:melding', '2:rit', '3:seh', '4:ok']);
    const id = new Map(detail.partners.map((p) => [p.key, p.id]));
    expect(detail.links[1]?.partnerIds).toEqual([id.get('ambulance'), id.get('meldkamer')]);
    expect(detail.links[3]?.norm).toEqual({
      maxMinutes: 60,
      fromLinkId: detail.links[0]?.id,
      description: 'Gouden uur',
    });
  });

  it('exports → imports into a fresh database → exports the same bytes', async () => {
    const stored = await importChainModel(ctx.db, buildModel());
    // Change it through the services so the export reflects real edits, not just the imported file.
    const extra = await createPartner(
      ctx.db,
      stored.chain.id,
      buildPartnerInput({ key: 'aaa-gemeente', name: 'Gemeente' }),
    );
    await createLink(
      ctx.db,
      stored.chain.id,
      buildLinkInput([extra.id], { key: 'nazorg', name: 'Nazorg', position: 2 }),
    );
    const [l1, l2, ...rest] = (await getChainDetail(ctx.db, stored.chain.id)).links.map((l) => l.id);
    await reorderLinks(ctx.db, stored.chain.id, { linkIds: [l1!, ...rest, l2!] });

    const first = JSON.stringify(await exportChainModel(ctx.db, stored.chain.slug), null, 2);
    const fresh = await ctx.openFresh();
    await importChainModel(fresh, chainModelSchema.parse(JSON.parse(first)));
    const second = JSON.stringify(await exportChainModel(fresh, 'acute-zorg'), null, 2);
    expect(second).toBe(first);
    expect(chainModelSchema.parse(JSON.parse(first)).links.map((l) => l.key)).toEqual([
      'melding',
      'rit',
      'seh',
      'ok',
      'nazorg',
    ]);
  });

  it('stores nothing when the model breaks an invariant, naming the path in the model', async () => {
    const model = buildModel();
    model.links[2]!.partnerKeys = ['ziekenhuis', 'ghost'];
    const error = await domainError(() => importChainModel(ctx.db, model));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      { path: 'links.2.partnerKeys.1', message: 'no partner with key "ghost" in this chain' },
    ]);
    expect(await ctx.db.query('SELECT * FROM chains')).toEqual([]);
  });

  it('refuses a model whose slug is taken, and accepts it under another slug', async () => {
    await importChainModel(ctx.db, buildModel());
    const error = await domainError(() => importChainModel(ctx.db, buildModel()));
    expect(error.code).toBe('conflict');
    expect(error.details[0]?.path).toBe('chain.slug');
    const copy = await importChainModel(ctx.db, buildModel(), { slug: 'acute-zorg-2', name: 'Kopie' });
    expect(copy.chain).toMatchObject({ slug: 'acute-zorg-2', name: 'Kopie' });
  });

  it('rolls the whole import back when a statement fails halfway', async () => {
    // A trigger makes the insert of the last link fail, after the chain, partners and three links are in.
    await ctx.db.exec(
      `CREATE OR REPLACE FUNCTION fail_on_ok() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.key = 'ok' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
       CREATE TRIGGER fail_on_ok BEFORE INSERT ON links FOR EACH ROW EXECUTE FUNCTION fail_on_ok();`,
    );
    try {
      await expect(importChainModel(ctx.db, buildModel())).rejects.toThrow('boom');
      expect(await ctx.db.query('SELECT * FROM chains')).toEqual([]);
      expect(await ctx.db.query('SELECT * FROM partners')).toEqual([]);
    } finally {
      await ctx.db.exec('DROP TRIGGER fail_on_ok ON links; DROP FUNCTION fail_on_ok();');
    }
  });
});
