/**
 * The chain a governance request is about, and the checks every governance service shares: ids in
 * a request must name partners, links or indicators of that same chain (400 naming the field),
 * ids in a path must exist in that chain (404, also for malformed ids), and every change works on
 * a locked chain so that changes to one chain are serialised.
 */
import { DomainError, isUuid, notFound, type Chain, type ErrorDetail, type Link, type Partner } from '@ketenregie/core';
import type { Queryable } from '../../db/database.ts';
import { findChainByRef } from '../../repositories/chain-repository.ts';
import { listLinks } from '../../repositories/link-repository.ts';
import { listPartners } from '../../repositories/partner-repository.ts';
import { lockChainState } from '../../services/chain-state.ts';

/** A chain with its partners and links (links in the order of the primary process). */
export interface GovernanceChain {
  readonly chain: Chain;
  readonly partners: readonly Partner[];
  readonly links: readonly Link[];
}

/** Reads the chain (by id or slug); `not_found` when missing. */
export async function readChain(q: Queryable, ref: string): Promise<Chain> {
  const chain = await findChainByRef(q, ref);
  if (chain === null) {
    throw notFound('Chain');
  }
  return chain;
}

/** Reads the chain (by id or slug) with its partners and links; `not_found` when missing. */
export async function readGovernanceChain(q: Queryable, ref: string): Promise<GovernanceChain> {
  const chain = await readChain(q, ref);
  const partners = await listPartners(q, chain.id);
  const links = await listLinks(q, chain.id);
  return { chain, partners, links };
}

/** Locks the chain for the rest of the transaction and reads it; `not_found` when missing. */
export async function lockGovernanceChain(tx: Queryable, ref: string): Promise<GovernanceChain> {
  return lockChainState(tx, ref);
}

/** Throws `not_found` for an id in a URL path that cannot be an id (so it cannot exist). */
export function assertIdShape(id: string, what: string): void {
  if (!isUuid(id)) {
    throw notFound(what);
  }
}

/**
 * Problems for ids that are not among `known`, each at `path.index` (or `path` for a single id),
 * e.g. `linkIds.1: no link with id "…" in this chain`.
 */
export function findUnknownIds(
  ids: readonly (string | null)[],
  known: ReadonlySet<string>,
  path: string,
  what: string,
  single = false,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  ids.forEach((id, index) => {
    if (id !== null && !known.has(id)) {
      problems.push({ path: single ? path : `${path}.${index}`, message: `no ${what} with id "${id}" in this chain` });
    }
  });
  return problems;
}

/** The ids of the chain's partners. */
export function partnerIdsOf(state: GovernanceChain): Set<string> {
  return new Set(state.partners.map((partner) => partner.id));
}

/** The ids of the chain's links. */
export function linkIdsOf(state: GovernanceChain): Set<string> {
  return new Set(state.links.map((link) => link.id));
}

/** Throws `validation_failed` with the problems when there are any. */
export function throwIfProblems(problems: readonly ErrorDetail[], message: string): void {
  if (problems.length > 0) {
    throw new DomainError('validation_failed', message, problems);
  }
}
