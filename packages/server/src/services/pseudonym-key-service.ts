/**
 * Per-chain pseudonymisation keys: 32 random bytes per chain, used by the importers to replace
 * client identifiers with keyed one-way pseudonyms (HMAC-SHA-256), so trajectories can be linked
 * across partners without revealing who the client is. Keys are stored only wrapped with the
 * master key; a chain's key can be rotated (new imports use the new version, earlier versions stay
 * readable) and the master key can be rotated (every key is re-wrapped under the new one).
 */
import { randomBytes } from 'node:crypto';
import { DomainError } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { KEY_BYTES, unwrapKey, wrapKey, type MasterKeyring } from '../auth/master-key.ts';
import {
  findCurrentWrappedKey,
  findLatestKeyVersion,
  findWrappedKey,
  insertWrappedKey,
  listKeysWrappedByOtherMaster,
  retireWrappedKeys,
  updateWrappedKey,
  type WrappedKeyRow,
} from '../repositories/pseudonym-key-repository.ts';
import { recordAudit } from './audit-service.ts';

/** A chain's key in the clear, for the duration of one import. Never log or store it. */
export interface ChainPseudonymKey {
  readonly chainId: string;
  readonly version: number;
  readonly key: Buffer;
}

const keyrings = new WeakMap<Queryable, MasterKeyring>();

/** Makes `keyring` the master keys used with this database (the server does this at start-up). */
export function registerMasterKeyring(db: Queryable, keyring: MasterKeyring): void {
  keyrings.set(db, keyring);
}

function keyringFor(db: Queryable, keyring: MasterKeyring | undefined): MasterKeyring {
  const found = keyring ?? keyrings.get(db);
  if (found === undefined) {
    throw new DomainError('unavailable', 'No master key is configured for pseudonymisation keys');
  }
  return found;
}

function unwrap(keyring: MasterKeyring, row: WrappedKeyRow): Buffer {
  const master = [keyring.current, ...keyring.previous].find((k) => k.id === row.masterKeyId);
  if (master === undefined) {
    throw new DomainError(
      'unavailable',
      'The pseudonymisation key of this chain is encrypted with a master key this server does not have; set KETENREGIE_MASTER_KEY (or KETENREGIE_MASTER_KEY_PREVIOUS) to that key',
    );
  }
  return unwrapKey(master, row.wrappedKey, row.chainId, row.version);
}

async function insertNewVersion(tx: Queryable, keyring: MasterKeyring, chainId: string): Promise<ChainPseudonymKey> {
  const version = (await findLatestKeyVersion(tx, chainId)) + 1;
  const key = randomBytes(KEY_BYTES);
  await insertWrappedKey(tx, {
    chainId,
    version,
    wrappedKey: wrapKey(keyring.current, key, chainId, version),
    masterKeyId: keyring.current.id,
  });
  return { chainId, version, key };
}

/** The current key of a chain, created on first use. */
export async function getChainPseudonymKey(
  db: Database,
  chainId: string,
  keyring?: MasterKeyring,
): Promise<ChainPseudonymKey> {
  const ring = keyringFor(db, keyring);
  return db.transaction(async (tx) => {
    const current = await findCurrentWrappedKey(tx, chainId, true);
    if (current !== null) {
      return { chainId, version: current.version, key: unwrap(ring, current) };
    }
    return insertNewVersion(tx, ring, chainId);
  });
}

/** One earlier version of a chain's key (to read data pseudonymised before a rotation). */
export async function getChainPseudonymKeyVersion(
  db: Database,
  chainId: string,
  version: number,
  keyring?: MasterKeyring,
): Promise<ChainPseudonymKey> {
  const row = await findWrappedKey(db, chainId, version);
  if (row === null) {
    throw new DomainError('not_found', `Pseudonymisation key version ${version} not found`);
  }
  return { chainId, version, key: unwrap(keyringFor(db, keyring), row) };
}

/** Retires the chain's current key and creates the next version, recording it in the audit log. */
export async function rotateChainPseudonymKey(
  db: Database,
  actor: Actor,
  chainId: string,
  keyring?: MasterKeyring,
): Promise<{ readonly version: number }> {
  const ring = keyringFor(db, keyring);
  return db.transaction(async (tx) => {
    await findCurrentWrappedKey(tx, chainId, true);
    await retireWrappedKeys(tx, chainId);
    const { version } = await insertNewVersion(tx, ring, chainId);
    await recordAudit(tx, actor, {
      action: 'pseudonym_key.rotate',
      targetType: 'chain',
      targetId: chainId,
      chainId,
      details: { version },
    });
    return { version };
  });
}

/**
 * Re-wraps every key that a previous master key wraps under the current one, in one transaction.
 * Run at start-up after `KETENREGIE_MASTER_KEY` changed (with the old key in
 * `KETENREGIE_MASTER_KEY_PREVIOUS`); afterwards the old master key can be dropped. Keys wrapped
 * by a master key the server does not have are left alone and counted in `unknown`.
 */
export async function rewrapPseudonymKeys(
  db: Database,
  keyring?: MasterKeyring,
): Promise<{ readonly rewrapped: number; readonly unknown: number }> {
  const ring = keyringFor(db, keyring);
  const known = new Set(ring.previous.map((k) => k.id));
  return db.transaction(async (tx) => {
    const stale = await listKeysWrappedByOtherMaster(tx, ring.current.id);
    let rewrapped = 0;
    for (const row of stale.filter((r) => known.has(r.masterKeyId))) {
      const key = unwrap(ring, row);
      await updateWrappedKey(tx, {
        chainId: row.chainId,
        version: row.version,
        wrappedKey: wrapKey(ring.current, key, row.chainId, row.version),
        masterKeyId: ring.current.id,
      });
      rewrapped += 1;
    }
    return { rewrapped, unknown: stale.length - rewrapped };
  });
}
