/**
 * The whole of one chain as the services see it while changing it, and the check that a change
 * keeps the chain's invariants: the prospective state is turned into the portable model, core's
 * `findChainModelProblems` runs on it, and every problem is mapped back to the name of the field
 * in the API request, so that a 400 tells the user which field to fix.
 */
import {
  DomainError,
  findChainModelProblems,
  notFound,
  toChainModel,
  type Chain,
  type ChainDetail,
  type ErrorDetail,
  type Link,
  type Partner,
  type TrajectoryStats,
} from '@ketenregie/core';
import type { Queryable } from '../db/database.ts';
import { lockChainByRef } from '../repositories/chain-repository.ts';
import { listLinks } from '../repositories/link-repository.ts';
import { listPartners } from '../repositories/partner-repository.ts';

/** A chain with its partners and its links (ordered by position). */
export interface ChainState {
  readonly chain: Chain;
  readonly partners: readonly Partner[];
  readonly links: readonly Link[];
}

/** Placeholder id of an entity that is being created and has no database id yet. */
export const NEW_ID = 'new';

/** Which entity a change is about, so that problems can be named by that entity's API fields. */
export type ChangeSubject =
  | { readonly kind: 'partner'; readonly partnerId: string }
  | { readonly kind: 'link'; readonly linkId: string }
  | { readonly kind: 'order'; readonly linkIds: readonly string[] }
  | { readonly kind: 'removal' };

const NO_TRAJECTORIES: TrajectoryStats = { imports: 0, cases: 0, events: 0, firstEventAt: null, lastEventAt: null };

/** Locks the chain (by id or slug) for the rest of the transaction and reads all of it; 404 when missing. */
export async function lockChainState(tx: Queryable, ref: string): Promise<ChainState> {
  const chain = await lockChainByRef(tx, ref);
  if (chain === null) {
    throw notFound('Chain');
  }
  const [partners, links] = [await listPartners(tx, chain.id), await listLinks(tx, chain.id)];
  return { chain, partners, links };
}

/** Lists the invariant problems of a prospective chain state, named by the fields of the change's request. */
export function findChangeProblems(state: ChainState, subject: ChangeSubject): ErrorDetail[] {
  const detail: ChainDetail = {
    chain: state.chain,
    partners: [...state.partners],
    links: [...state.links],
    trajectories: NO_TRAJECTORIES,
  };
  const ordered = [...state.links].sort((a, b) => a.position - b.position);
  return findChainModelProblems(toChainModel(detail)).map((problem) => mapProblem(problem, ordered, subject));
}

/** Throws `validation_failed` when the prospective state breaks an invariant. */
export function assertChangeSound(state: ChainState, subject: ChangeSubject, what: string): void {
  const problems = findChangeProblems(state, subject);
  if (problems.length > 0) {
    throw new DomainError('validation_failed', `${what} would break the rules of the chain model`, problems);
  }
}

function mapProblem(problem: ErrorDetail, links: readonly Link[], subject: ChangeSubject): ErrorDetail {
  const [collection, index, ...rest] = problem.path.split('.');
  const field = rest.join('.');
  if (collection === 'partners') {
    return subject.kind === 'partner' && field === 'key' ? { path: 'key', message: problem.message } : problem;
  }
  const link = links[Number(index)];
  if (collection !== 'links' || link === undefined) {
    return problem;
  }
  const aboutOther = { path: '', message: `link "${link.key}": ${problem.message}` };

  switch (subject.kind) {
    case 'link': {
      if (link.id === subject.linkId) {
        return { path: linkFieldPath(field), message: problem.message };
      }
      if (field === 'key') {
        return { path: 'key', message: problem.message };
      }
      const subjectLink = links.find((l) => l.id === subject.linkId);
      const activity = rest[0] === 'activities' ? link.activities[Number(rest[1])] : undefined;
      if (subjectLink !== undefined && activity !== undefined) {
        return {
          path: `activities.${subjectLink.activities.indexOf(activity)}`,
          message: `activity "${activity}" is already mapped to link "${link.key}"`,
        };
      }
      return aboutOther;
    }
    case 'order': {
      const at = subject.linkIds.indexOf(link.id);
      return at < 0 ? aboutOther : { path: `linkIds.${at}`, message: aboutOther.message };
    }
    case 'partner':
    case 'removal':
      return aboutOther;
  }
}

/** Field path of the portable model's link (`partnerKeys.0`) as named in the link API (`partnerIds.0`). */
function linkFieldPath(modelPath: string): string {
  if (modelPath.startsWith('partnerKeys')) {
    return modelPath.replace('partnerKeys', 'partnerIds');
  }
  if (modelPath === 'norm.fromLinkKey') {
    return 'norm.fromLinkId';
  }
  return modelPath;
}

/** Sorts partners by name as a Dutch reader expects, then by key. */
export function sortPartnersByName(partners: readonly Partner[]): Partner[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base' });
  return [...partners].sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
