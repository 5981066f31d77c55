/**
 * The rules for the primary process: links are numbered 1..n without gaps. Adding a link at a
 * position moves the later ones down, deleting one closes the gap, and a new order must list
 * every current link exactly once. A link's `version` counts changes to its own fields; its
 * position belongs to the order of the chain and does not change the version.
 */
import {
  DomainError,
  isUuid,
  notFound,
  versionConflict,
  type ErrorDetail,
  type Link,
  type createLinkInputSchema,
  type reorderLinksInputSchema,
  type updateLinkInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.ts';
import { touchChain } from '../repositories/chain-repository.ts';
import {
  deleteLinkRow,
  findLink,
  insertLink,
  listLinks,
  replaceLinkPartners,
  setLinkPositions,
  shiftLinkPositions,
  updateLinkRow,
  type LinkFields,
} from '../repositories/link-repository.ts';
import { NEW_ID, assertChangeSound, findChangeProblems, lockChainState, type ChainState } from './chain-state.ts';
import { runChange } from './run-change.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.ts';
import { recordAudit } from './audit-service.ts';

/** A validated request to add a link (defaults applied). */
export type CreateLinkData = z.output<typeof createLinkInputSchema>;
/** A validated request to change a link; absent fields stay as they are. */
export type UpdateLinkData = z.output<typeof updateLinkInputSchema>;
/** A validated new order of the links. */
export type ReorderLinksData = z.output<typeof reorderLinksInputSchema>;

/** Adds a link at the end of the primary process, or at `position` moving the later links down. */
export async function createLink(
  db: Database,
  chainRef: string,
  input: CreateLinkData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Link> {
  return runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const count = state.links.length;
    const position = input.position ?? count + 1;
    if (position > count + 1) {
      throw new DomainError('validation_failed', 'The position is beyond the end of the primary process', [
        { path: 'position', message: `must be between 1 and ${count + 1}` },
      ]);
    }
    const partnerIds = input.partnerIds.map((id) => id.toLowerCase());
    const norm = input.norm === null ? null : { ...input.norm, fromLinkId: normaliseId(input.norm.fromLinkId) };
    assertIdsKnown(state, partnerIds, norm?.fromLinkId ?? null, null);

    const candidate: Link = {
      id: NEW_ID,
      chainId: state.chain.id,
      key: input.key,
      position,
      name: input.name,
      description: input.description,
      partnerIds,
      activities: input.activities,
      norm,
      version: 1,
    };
    const shifted = state.links.map((l) => (l.position >= position ? { ...l, position: l.position + 1 } : l));
    assertChangeSound({ ...state, links: [...shifted, candidate] }, { kind: 'link', linkId: NEW_ID }, 'The new link');

    await shiftLinkPositions(tx, state.chain.id, position, 1);
    const id = await insertLink(tx, state.chain.id, position, candidate);
    await replaceLinkPartners(tx, state.chain.id, id, partnerIds);
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'link.create',
      targetType: 'link',
      targetId: id,
      chainId: state.chain.id,
      details: { key: input.key, position },
    });
    return readLink(tx, state.chain.id, id);
  });
}

/** Changes a link's fields; `version_conflict` when `input.version` is not the current one. */
export async function updateLink(
  db: Database,
  chainRef: string,
  linkId: string,
  input: UpdateLinkData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Link> {
  return runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const current = getLink(state, linkId);
    if (current.version !== input.version) {
      throw versionConflict('Link', input.version, current.version);
    }
    const partnerIds = input.partnerIds?.map((id) => id.toLowerCase()) ?? current.partnerIds;
    const norm =
      input.norm === undefined
        ? current.norm
        : input.norm === null
          ? null
          : { ...input.norm, fromLinkId: normaliseId(input.norm.fromLinkId) };
    assertIdsKnown(state, partnerIds, norm?.fromLinkId ?? null, current.id);

    const next: Link = {
      ...current,
      key: input.key ?? current.key,
      name: input.name ?? current.name,
      description: input.description ?? current.description,
      partnerIds,
      activities: input.activities ?? current.activities,
      norm,
    };
    assertChangeSound(
      { ...state, links: state.links.map((l) => (l.id === current.id ? next : l)) },
      { kind: 'link', linkId: current.id },
      'The change of the link',
    );
    const fields: LinkFields = next;
    if (!(await updateLinkRow(tx, current.id, input.version, fields))) {
      throw versionConflict('Link', input.version, current.version + 1);
    }
    if (input.partnerIds !== undefined) {
      await replaceLinkPartners(tx, state.chain.id, current.id, partnerIds);
    }
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'link.update',
      targetType: 'link',
      targetId: current.id,
      chainId: state.chain.id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return readLink(tx, state.chain.id, current.id);
  });
}

/** Removes a link and moves the later links up; `conflict` when another link's norm depends on it. */
export async function deleteLink(
  db: Database,
  chainRef: string,
  linkId: string,
  version: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  await runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const current = getLink(state, linkId);
    if (current.version !== version) {
      throw versionConflict('Link', version, current.version);
    }
    const dependants = state.links.filter((l) => l.norm?.fromLinkId === current.id);
    if (dependants.length > 0) {
      throw new DomainError(
        'conflict',
        `The norm of ${dependants.map((l) => `"${l.name}"`).join(', ')} is measured from link "${current.name}"; change that norm first`,
        dependants.map((l) => ({ path: '', message: `the norm of link "${l.key}" is measured from this link` })),
      );
    }
    const remaining = state.links
      .filter((l) => l.id !== current.id)
      .map((l) => (l.position > current.position ? { ...l, position: l.position - 1 } : l));
    const problems = findChangeProblems({ ...state, links: remaining }, { kind: 'removal' });
    if (problems.length > 0) {
      throw new DomainError(
        'conflict',
        `Deleting link "${current.name}" would break the rules of the chain model`,
        problems,
      );
    }
    if (!(await deleteLinkRow(tx, current.id, version))) {
      throw versionConflict('Link', version, current.version + 1);
    }
    await shiftLinkPositions(tx, state.chain.id, current.position + 1, -1);
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'link.delete',
      targetType: 'link',
      targetId: current.id,
      chainId: state.chain.id,
      details: { key: current.key },
    });
  });
}

/** Puts the links in a new order; `conflict` unless `linkIds` lists every current link exactly once. */
export async function reorderLinks(
  db: Database,
  chainRef: string,
  input: ReorderLinksData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Link[]> {
  return runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const linkIds = input.linkIds.map((id) => id.toLowerCase());
    const current = new Set(state.links.map((l) => l.id));
    const given = new Set(linkIds);
    const problems: ErrorDetail[] = [];
    linkIds.forEach((id, i) => {
      if (!current.has(id)) {
        problems.push({ path: `linkIds.${i}`, message: `"${id}" is not a link of this chain` });
      } else if (linkIds.indexOf(id) !== i) {
        problems.push({ path: `linkIds.${i}`, message: `"${id}" is listed twice` });
      }
    });
    for (const link of state.links) {
      if (!given.has(link.id)) {
        problems.push({ path: 'linkIds', message: `link "${link.key}" (${link.id}) is missing` });
      }
    }
    if (problems.length > 0) {
      throw new DomainError(
        'conflict',
        'The new order must list every current link of the chain exactly once; reload and try again',
        problems,
      );
    }
    const position = new Map(linkIds.map((id, i) => [id, i + 1]));
    const reordered = state.links.map((l) => ({ ...l, position: position.get(l.id) ?? l.position }));
    assertChangeSound({ ...state, links: reordered }, { kind: 'order', linkIds }, 'The new order');
    await setLinkPositions(tx, state.chain.id, linkIds);
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'link.reorder',
      targetType: 'chain',
      targetId: state.chain.id,
      chainId: state.chain.id,
    });
    return listLinks(tx, state.chain.id);
  });
}

/** The link of the chain with this id; `not_found` for unknown and malformed ids. */
function getLink(state: ChainState, linkId: string): Link {
  const link = isUuid(linkId) ? state.links.find((l) => l.id === linkId.toLowerCase()) : undefined;
  if (link === undefined) {
    throw notFound('Link');
  }
  return link;
}

function normaliseId(id: string | null): string | null {
  return id === null ? null : id.toLowerCase();
}

/** Ids in a link request must name partners and links of this same chain. */
function assertIdsKnown(
  state: ChainState,
  partnerIds: readonly string[],
  fromLinkId: string | null,
  selfId: string | null,
): void {
  const partners = new Set(state.partners.map((p) => p.id));
  const problems: ErrorDetail[] = [];
  partnerIds.forEach((id, i) => {
    if (!partners.has(id)) {
      problems.push({ path: `partnerIds.${i}`, message: `no partner with id "${id}" in this chain` });
    }
  });
  if (fromLinkId !== null && !state.links.some((l) => l.id === fromLinkId && l.id !== selfId)) {
    problems.push({
      path: 'norm.fromLinkId',
      message:
        fromLinkId === selfId
          ? 'a norm is measured from an earlier link, not from the link itself'
          : `no link with id "${fromLinkId}" in this chain`,
    });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'validation_failed',
      'The link names partners or links that are not part of this chain',
      problems,
    );
  }
}

async function readLink(tx: Queryable, chainId: string, id: string): Promise<Link> {
  const link = await findLink(tx, chainId, id);
  if (link === null) {
    throw notFound('Link');
  }
  return link;
}
