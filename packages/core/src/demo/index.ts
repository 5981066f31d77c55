/** The demo: chain templates, their trajectory profiles and the synthetic trajectory generator. */
export * from './amsterdam-time.ts';
export * from './chain-template.ts';
export * from './generate-trajectories.ts';
export * from './trajectory-profile.ts';
