/**
 * Who may do what on a chain: the four chain roles, the permissions a route can require, and the
 * policy that maps one to the other. This is the single source of the rule; the server's access
 * hook and the authorisation matrix test both read it.
 */

/** Roles a user can hold on one chain (see DESIGN.md, "Who uses it"). */
export const CHAIN_ROLES = [
  /** Chain director (ketenregisseur): everything on the chains they direct. */
  'director',
  /** Partner contact (ketenpartner): edits what their organisation owns, reads aggregates. */
  'partner',
  /** Commissioner or board member: reads dashboards and reports, edits nothing. */
  'viewer',
  /** Analyst: imports and analyses flow data, including case-level trajectories. */
  'analyst',
] as const;

/** One of {@link CHAIN_ROLES}. */
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** Permissions on one chain. Which roles hold which permission is decided by {@link ROLE_PERMISSIONS}. */
export const CHAIN_PERMISSIONS = [
  /** See the chain model, dashboards and aggregate figures (every member of the chain). */
  'chain.read',
  /** Change the chain model: the chain, its partners and links, members, tokens, privacy settings (director). */
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
 * The policy: the permissions each role holds on the chain it was granted for. Partners and
 * viewers never see case-level data (`flow.cases`); only directors read the audit log.
 * Ownership (a partner changing only its own organisation's figures and imports) is not a
 * permission but a check in the service that owns the resource.
 */
export const ROLE_PERMISSIONS: Readonly<Record<ChainRole, readonly ChainPermission[]>> = {
  director: CHAIN_PERMISSIONS,
  partner: ['chain.read', 'flow.read', 'flow.import', 'governance.read', 'governance.contribute'],
  viewer: ['chain.read', 'flow.read', 'governance.read'],
  analyst: ['chain.read', 'flow.read', 'flow.cases', 'flow.import', 'governance.read'],
};

/** Purposes an API token can be issued for: a partner system pushes one kind of data to one chain. */
export const API_TOKEN_PURPOSES = [
  /** Indicator measurements of the token's organisation. */
  'measurements',
  /** Event extracts (trajectory data) of the token's organisation. */
  'events',
] as const;

/** One of {@link API_TOKEN_PURPOSES}. */
export type ApiTokenPurpose = (typeof API_TOKEN_PURPOSES)[number];

/** The one permission an API token of each purpose carries on its chain. */
export const TOKEN_PURPOSE_PERMISSION: Readonly<Record<ApiTokenPurpose, ChainPermission>> = {
  measurements: 'governance.contribute',
  events: 'flow.import',
};

/** Every permission the given roles hold together, in the order of {@link CHAIN_PERMISSIONS}. */
export function computeChainPermissions(roles: readonly ChainRole[]): ChainPermission[] {
  const held = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return CHAIN_PERMISSIONS.filter((permission) => held.has(permission));
}

/** Whether any of the roles holds the permission. */
export function rolesAllow(roles: readonly ChainRole[], permission: ChainPermission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Type guard for a role name read from storage or input. */
export function isChainRole(value: unknown): value is ChainRole {
  return typeof value === 'string' && (CHAIN_ROLES as readonly string[]).includes(value);
}
