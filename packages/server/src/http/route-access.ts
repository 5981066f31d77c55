/**
 * What a route requires of the caller. Every route declares one in its options
 * (`config: { access }`); the access hook enforces it and the authorisation matrix test reads it,
 * so a route without a declaration is refused at start-up and fails the test.
 */

/** Permissions on one chain. Which roles hold which permission is decided by the policy. */
export const CHAIN_PERMISSIONS = [
  /** See the chain model, dashboards and aggregate figures (every member of the chain). */
  'chain.read',
  /** Change the chain model: the chain, its partners and links (director). */
  'chain.manage',
  /** Aggregate flow figures; small cells are suppressed (every member). */
  'flow.read',
  /** Case-level trajectories and lists of violating cases (director, analyst). */
  'flow.cases',
  /** Upload, delete or withdraw event extracts (director, analyst; a partner for its own organisation). */
  'flow.import',
  /** Indicators, agreements, course-check results, business cases, interventions (every member). */
  'governance.read',
  /** Define indicators, agreements, course-check rounds and interventions (director). */
  'governance.manage',
  /** Submit the own organisation's figures, answers and agreement updates (director, partner; the service checks ownership). */
  'governance.contribute',
  /** Read and export the chain's audit log (director). */
  'audit.read',
] as const;

/** One of {@link CHAIN_PERMISSIONS}. */
export type ChainPermission = (typeof CHAIN_PERMISSIONS)[number];

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
