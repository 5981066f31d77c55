/** Access policy (roles → permissions, API token purposes) and small-cell suppression, as pure data and functions. */
export * from './chain-roles.ts';
export * from './small-cells.ts';
export * from './visible-chain-detail.ts';
