/** The rules for chains: listing, reading by id or slug, creating, updating and deleting with optimistic concurrency. */
import {
  DomainError,
  notFound,
  versionConflict,
  type Chain,
  type ChainDetail,
  type ChainSummary,
  type createChainInputSchema,
  type updateChainInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import {
  deleteChainRow,
  findChainByRef,
  insertChain,
  isSlugTaken,
  listChainSummaries,
  updateChainRow,
} from '../repositories/chain-repository.ts';
import { getTrajectoryStats } from '../repositories/event-repository.ts';
import { listLinks } from '../repositories/link-repository.ts';
import { listPartners } from '../repositories/partner-repository.ts';
import { lockChainState, sortPartnersByName } from './chain-state.ts';
import { runChange } from './run-change.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.ts';
import { recordAudit } from './audit-service.ts';
import { grantCreatorDirector } from '../auth/account-service.ts';

/** A validated request to create a chain (defaults applied). */
export type CreateChainData = z.output<typeof createChainInputSchema>;
/** A validated request to change a chain; absent fields stay as they are. */
export type UpdateChainData = z.output<typeof updateChainInputSchema>;

/**
 * The chains of the installation, most recently changed first: all of them, or with `visibleTo`
 * only those the user holds a role on.
 */
export async function listChains(db: Queryable, visibleTo: string | null = null): Promise<ChainSummary[]> {
  return listChainSummaries(db, visibleTo);
}

/** A chain (by id or slug) with its partners, links and trajectory totals; `not_found` when missing. */
export async function getChainDetail(db: Queryable, ref: string): Promise<ChainDetail> {
  const chain = await findChainByRef(db, ref);
  if (chain === null) {
    throw notFound('Chain');
  }
  return readChainDetail(db, chain);
}

/** Reads the rest of a chain's detail once the chain row is known. */
export async function readChainDetail(q: Queryable, chain: Chain): Promise<ChainDetail> {
  const partners = await listPartners(q, chain.id);
  const links = await listLinks(q, chain.id);
  const trajectories = await getTrajectoryStats(q, chain.id);
  return { chain, partners: sortPartnersByName(partners), links, trajectories };
}

/** Refuses a slug that another chain already uses. */
export async function assertSlugFree(
  q: Queryable,
  slug: string,
  exceptId: string | null,
  path = 'slug',
): Promise<void> {
  if (await isSlugTaken(q, slug, exceptId)) {
    throw new DomainError('conflict', `The slug "${slug}" is already used by another chain`, [
      { path, message: 'another chain already uses this slug' },
    ]);
  }
}

/** Creates an empty chain, with its creator (a user) as its director; `conflict` when the slug is taken. */
export async function createChain(
  db: Database,
  input: CreateChainData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<ChainDetail> {
  return runChange(db, async (tx) => {
    await assertSlugFree(tx, input.slug, null);
    const chain = await insertChain(tx, input);
    await recordAudit(tx, actor, {
      action: 'chain.create',
      targetType: 'chain',
      targetId: chain.id,
      chainId: chain.id,
      details: { slug: chain.slug, name: chain.name },
    });
    await grantCreatorDirector(tx, actor, chain.id);
    return readChainDetail(tx, chain);
  });
}

/** Changes the fields of a chain; `version_conflict` when `input.version` is not the current one. */
export async function updateChain(
  db: Database,
  ref: string,
  input: UpdateChainData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<ChainDetail> {
  return runChange(db, async (tx) => {
    const { chain } = await lockChainState(tx, ref);
    if (chain.version !== input.version) {
      throw versionConflict('Chain', input.version, chain.version);
    }
    const fields = {
      slug: input.slug ?? chain.slug,
      name: input.name ?? chain.name,
      description: input.description ?? chain.description,
      targetGroup: input.targetGroup ?? chain.targetGroup,
      societalGoal: input.societalGoal ?? chain.societalGoal,
    };
    if (fields.slug !== chain.slug) {
      await assertSlugFree(tx, fields.slug, chain.id);
    }
    const updated = await updateChainRow(tx, chain.id, input.version, fields);
    if (updated === null) {
      throw versionConflict('Chain', input.version, chain.version + 1);
    }
    await recordAudit(tx, actor, {
      action: 'chain.update',
      targetType: 'chain',
      targetId: chain.id,
      chainId: chain.id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return readChainDetail(tx, updated);
  });
}

/** Deletes a chain with everything in it (partners, links, trajectory data). */
export async function deleteChain(
  db: Database,
  ref: string,
  version: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  await runChange(db, async (tx) => {
    const { chain } = await lockChainState(tx, ref);
    if (chain.version !== version) {
      throw versionConflict('Chain', version, chain.version);
    }
    if (!(await deleteChainRow(tx, chain.id, version))) {
      throw versionConflict('Chain', version, chain.version + 1);
    }
    await recordAudit(tx, actor, {
      action: 'chain.delete',
      targetType: 'chain',
      targetId: chain.id,
      chainId: chain.id,
      details: { slug: chain.slug, name: chain.name },
    });
  });
}
