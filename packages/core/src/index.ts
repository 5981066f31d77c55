/**
 * @ketenregie/core — the pure domain of Ketenregie: plain data in, plain data out.
 * No I/O, no framework, no database.
 */
export * from './shared/errors.ts';
export * from './shared/ids.ts';
export * from './shared/seeded-random.ts';
export * from './chain/chain-schemas.ts';
export * from './chain/chain-model.ts';
export * from './demo/index.ts';
export * from './flow/index.ts';
export * from './governance/index.ts';
export * from './access/index.ts';
