/**
 * What the access hook leaves on each request for the route handlers: the caller and, on chain
 * routes, what the caller may do on that chain. Handlers read them through these helpers and pass
 * plain values (an `Actor`, a `ChainAccess`) to the services, never the request itself.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ketenregie/core';
import type { Actor } from '../auth/actor.ts';
import { actorOfCaller, type Caller, type ChainAccess, type UserCaller } from '../auth/caller.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user or API token behind the request; null when anonymous. */
    caller: Caller | null;
    /** On chain routes: what the caller may do on the chain in `params.chainId`. */
    chainAccess: ChainAccess | null;
  }
}

/** The actor to record in the audit log for this request. */
export function actorOf(request: FastifyRequest): Actor {
  return actorOfCaller(request.caller, request.ip, request.chainAccess);
}

/** The signed-in user; `unauthenticated` otherwise (routes with `signed-in` or `admin` access always have one). */
export function requireUser(request: FastifyRequest): UserCaller {
  const caller = request.caller;
  if (caller === null || caller.kind !== 'user') {
    throw new DomainError('unauthenticated', 'Sign in first');
  }
  return caller;
}

/** The caller's access to the chain of a chain route; the access hook always sets it there. */
export function requireChainAccess(request: FastifyRequest): ChainAccess {
  const access = request.chainAccess;
  if (access === null) {
    throw new Error(`route ${request.routeOptions.url ?? ''} reads chain access but does not declare chain access`);
  }
  return access;
}
