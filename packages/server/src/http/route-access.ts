/**
 * What a route requires of the caller. Every route declares one in its options
 * (`config: { access }`); the access hook enforces it and the authorisation matrix test reads it,
 * so a route without a declaration is refused at start-up and fails the test.
 *
 * The permissions and which role holds which live in core (`@ketenregie/core`, `access/`), the
 * single source of the policy; they are re-exported here for the route files.
 */
import type { ChainPermission } from '@ketenregie/core';

export { CHAIN_PERMISSIONS, ROLE_PERMISSIONS, type ChainPermission, type ChainRole } from '@ketenregie/core';

/**
 * The access rule of a route:
 * - `public`: anyone, signed in or not (health, OpenAPI description, sign-in);
 * - `signed-in`: any signed-in user; results are limited to what the user may see;
 * - `admin`: the installation administrator;
 * - `chain`: a member of the chain in `params.chainId` holding `permission`; for anyone else the
 *   chain does not exist (404, never 403).
 */
export type RouteAccess =
  | { readonly scope: 'public' }
  | { readonly scope: 'signed-in' }
  | { readonly scope: 'admin' }
  | { readonly scope: 'chain'; readonly permission: ChainPermission };

/** Route options carrying the access rule; fastify passes `config` through to the hooks. */
export interface RouteAccessConfig {
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access rule of the route; required, checked at start-up. */
    access?: RouteAccess;
  }
}
