/**
 * Who changes governance data, as the governance services see it: the name recorded in histories
 * and the partners of the chain on whose behalf the caller may contribute figures, answers and
 * agreement updates. The route layer builds it from the request; services never see the request.
 */
import { notFound } from '@ketenregie/core';
import { SYSTEM_ACTOR, type Actor } from '../../auth/actor.ts';

/** The caller of a governance change. */
export interface GovernanceActor {
  /** Recorded as "who" in histories: measurement revisions, status changes, versions. */
  readonly name: string;
  /**
   * The partners (ids) the caller speaks for: `all` for the chain director, who may contribute on
   * behalf of every partner; otherwise only these partners' own figures, answers and agreements.
   */
  readonly partnerIds: 'all' | readonly string[];
  /** True for a partner system calling with an API token: its measurements are recorded with source `api`. */
  readonly viaApiToken: boolean;
  /** Who the audit log records (user, token or system). */
  readonly audit: Actor;
}

/** The director of every chain: what the command line, the demo seeding and tests act as. */
export const DIRECTOR_ACTOR: GovernanceActor = {
  name: 'ketenregisseur',
  partnerIds: 'all',
  viaApiToken: false,
  audit: SYSTEM_ACTOR,
};

/** True when the actor may act for `partnerId` (null = something only the director owns). */
export function mayActFor(actor: GovernanceActor, partnerId: string | null): boolean {
  if (actor.partnerIds === 'all') {
    return true;
  }
  return partnerId !== null && actor.partnerIds.includes(partnerId);
}

/**
 * Refuses a contribution on behalf of a partner the actor does not speak for. The answer is
 * `not_found`, never "forbidden", so that a partner learns nothing about what others own.
 */
export function assertMayActFor(actor: GovernanceActor, partnerIds: readonly (string | null)[], what: string): void {
  if (!partnerIds.some((partnerId) => mayActFor(actor, partnerId))) {
    throw notFound(what);
  }
}
