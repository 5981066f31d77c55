/**
 * Who is calling, as the access hook resolved it, and what they may do on the chain of the
 * request. Route handlers hand these to services as an {@link Actor} and a {@link ChainAccess}.
 */
import type { ApiTokenPurpose, ChainPermission, ChainRole } from '@ketenregie/core';
import type { Actor } from './actor.ts';

/** A signed-in user. */
export interface UserCaller {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly isDemo: boolean;
  /** SHA-256 of the session id, to end this session. */
  readonly sessionHash: string;
  /** Absolute end of the session. */
  readonly sessionExpiresAt: string;
}

/** A partner system with an API token: one organisation, one chain, one purpose. */
export interface TokenCaller {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly chainId: string;
  readonly purpose: ApiTokenPurpose;
}

/** A resolved caller; `null` for an anonymous request. */
export type Caller = UserCaller | TokenCaller;

/** What the caller may do on the chain of a chain route. */
export interface ChainAccess {
  readonly chainId: string;
  readonly chainSlug: string;
  /** The caller's roles on the chain (none for an API token). */
  readonly roles: readonly ChainRole[];
  readonly permissions: readonly ChainPermission[];
  /**
   * The organisations the caller acts for on this chain: the organisations of the user's roles,
   * or the token's organisation. Ownership checks compare against these.
   */
  readonly organisationIds: readonly string[];
  /** The partner rows of the chain that stand for those organisations: what a partner "owns". */
  readonly partnerIds: readonly string[];
  /** Aggregates over fewer cases than this are withheld unless {@link ChainAccess.seesCases}. */
  readonly smallCellThreshold: number;
  /** Whether the caller may see case-level data (`flow.cases`). */
  readonly seesCases: boolean;
}

/** The actor for the audit log of a request by `caller` (anonymous when null). */
export function actorOfCaller(caller: Caller | null, ip: string | null, access: ChainAccess | null = null): Actor {
  if (caller === null) {
    return { kind: 'anonymous', ip };
  }
  if (caller.kind === 'token') {
    return { kind: 'token', tokenId: caller.tokenId, name: caller.name, organisationId: caller.organisationId, ip };
  }
  return {
    kind: 'user',
    userId: caller.userId,
    email: caller.email,
    organisationId: access?.organisationIds[0] ?? null,
    ip,
  };
}
