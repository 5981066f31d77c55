/**
 * The portable chain model (no database ids) in and out: `export` turns a stored chain into the
 * model, `import` stores a model as a new chain in one transaction. Export → import into a fresh
 * database → export gives the same bytes.
 */
import { assertChainModelSound, toChainModel, type ChainDetail, type ChainModel } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import { insertChain } from '../repositories/chain-repository.ts';
import { insertLink, replaceLinkPartners } from '../repositories/link-repository.ts';
import { insertPartner } from '../repositories/partner-repository.ts';
import { assertSlugFree, getChainDetail, readChainDetail } from './chain-service.ts';
import { runChange } from './run-change.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.ts';
import { recordAudit } from './audit-service.ts';
import { grantCreatorDirector } from '../auth/account-service.ts';

/** Fields that replace the model's own when a model is stored, e.g. to create a second chain from a template. */
export interface ChainModelOverrides {
  readonly slug?: string | undefined;
  readonly name?: string | undefined;
}

/** The portable model of a stored chain (by id or slug); `not_found` when missing. */
export async function exportChainModel(db: Queryable, chainRef: string): Promise<ChainModel> {
  return toChainModel(await getChainDetail(db, chainRef));
}

/**
 * Stores a model as a new chain with its partners and links, all in one transaction, with its
 * creator (a user) as director. `validation_failed` (paths into the model) when it breaks an
 * invariant; `conflict` when the slug is taken.
 */
export async function importChainModel(
  db: Database,
  model: ChainModel,
  overrides: ChainModelOverrides = {},
  actor: Actor = SYSTEM_ACTOR,
): Promise<ChainDetail> {
  assertChainModelSound(model);
  return runChange(db, async (tx) => {
    const detail = await insertChainModel(tx, model, overrides);
    await recordAudit(tx, actor, {
      action: 'chain.import',
      targetType: 'chain',
      targetId: detail.chain.id,
      chainId: detail.chain.id,
      details: { slug: detail.chain.slug, partners: detail.partners.length, links: detail.links.length },
    });
    await grantCreatorDirector(tx, actor, detail.chain.id);
    return detail;
  });
}

/** Stores a sound model inside a running transaction and returns the new chain's detail. */
export async function insertChainModel(
  tx: Queryable,
  model: ChainModel,
  overrides: ChainModelOverrides = {},
): Promise<ChainDetail> {
  const slug = overrides.slug ?? model.chain.slug;
  await assertSlugFree(tx, slug, null, overrides.slug === undefined ? 'chain.slug' : 'slug');
  const chain = await insertChain(tx, { ...model.chain, slug, name: overrides.name ?? model.chain.name });

  const partnerIds = new Map<string, string>();
  for (const partner of model.partners) {
    const stored = await insertPartner(tx, chain.id, partner);
    partnerIds.set(partner.key, stored.id);
  }
  const linkIds = new Map<string, string>();
  for (const [index, link] of model.links.entries()) {
    const norm =
      link.norm === null
        ? null
        : {
            maxMinutes: link.norm.maxMinutes,
            fromLinkId: link.norm.fromLinkKey === null ? null : idOf(linkIds, link.norm.fromLinkKey),
            description: link.norm.description,
          };
    const id = await insertLink(tx, chain.id, index + 1, { ...link, norm });
    linkIds.set(link.key, id);
    await replaceLinkPartners(
      tx,
      chain.id,
      id,
      link.partnerKeys.map((key) => idOf(partnerIds, key)),
    );
  }
  return readChainDetail(tx, chain);
}

/** Looks up an id the import just created; the invariants guarantee it exists. */
function idOf(ids: ReadonlyMap<string, string>, key: string): string {
  const id = ids.get(key);
  if (id === undefined) {
    throw new Error(`chain model refers to "${key}" before it is defined`);
  }
  return id;
}
