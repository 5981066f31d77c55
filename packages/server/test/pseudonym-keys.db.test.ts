import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadMasterKeyring, parseMasterKey, toMasterKey, type MasterKeyring } from '../src/auth/master-key.ts';
import { createChain } from '../src/services/chain-service.ts';
import {
  getChainPseudonymKey,
  getChainPseudonymKeyVersion,
  registerMasterKeyring,
  rewrapPseudonymKeys,
  rotateChainPseudonymKey,
} from '../src/services/pseudonym-key-service.ts';
import { buildChainInput } from './support/fixtures.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const ring = (): MasterKeyring => ({ current: toMasterKey(randomBytes(32)), previous: [] });

describeEachDatabase('pseudonymisation keys', (ctx) => {
  it('creates one key per chain on first use, stores it only encrypted, and returns the same key later', async () => {
    const keyring = ring();
    const { chain } = await createChain(ctx.db, buildChainInput());
    const first = await getChainPseudonymKey(ctx.db, chain.id, keyring);
    expect(first.version).toBe(1);
    expect(first.key).toHaveLength(32);
    expect((await getChainPseudonymKey(ctx.db, chain.id, keyring)).key.equals(first.key)).toBe(true);
    const stored = await ctx.db.query<{ wrapped_key: string }>('SELECT wrapped_key FROM chain_pseudonym_keys');
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]?.wrapped_key ?? '', 'base64').includes(first.key)).toBe(false);

    const { chain: other } = await createChain(ctx.db, buildChainInput());
    expect((await getChainPseudonymKey(ctx.db, other.id, keyring)).key.equals(first.key)).toBe(false);
    await expect(getChainPseudonymKey(ctx.db, chain.id, ring())).rejects.toThrow(
      /master key this server does not have/,
    );
  });

  it('uses the keyring registered for the database when none is passed', async () => {
    const keyring = ring();
    registerMasterKeyring(ctx.db, keyring);
    const { chain } = await createChain(ctx.db, buildChainInput());
    const key = await getChainPseudonymKey(ctx.db, chain.id);
    expect((await getChainPseudonymKey(ctx.db, chain.id, keyring)).key.equals(key.key)).toBe(true);
  });

  it('rotates a chain key (old versions stay readable) and re-wraps everything under a new master key', async () => {
    const old = ring();
    const { chain } = await createChain(ctx.db, buildChainInput());
    const v1 = await getChainPseudonymKey(ctx.db, chain.id, old);
    expect(await rotateChainPseudonymKey(ctx.db, { kind: 'system', label: 'test' }, chain.id, old)).toEqual({
      version: 2,
    });
    const v2 = await getChainPseudonymKey(ctx.db, chain.id, old);
    expect(v2.version).toBe(2);
    expect(v2.key.equals(v1.key)).toBe(false);
    expect((await getChainPseudonymKeyVersion(ctx.db, chain.id, 1, old)).key.equals(v1.key)).toBe(true);

    const next: MasterKeyring = { current: toMasterKey(randomBytes(32)), previous: [old.current] };
    expect(await rewrapPseudonymKeys(ctx.db, next)).toEqual({ rewrapped: 2, unknown: 0 });
    const alone: MasterKeyring = { current: next.current, previous: [] };
    expect((await getChainPseudonymKey(ctx.db, chain.id, alone)).key.equals(v2.key)).toBe(true);
    expect((await getChainPseudonymKeyVersion(ctx.db, chain.id, 1, alone)).key.equals(v1.key)).toBe(true);
    await expect(getChainPseudonymKey(ctx.db, chain.id, old)).rejects.toThrow(/master key/);
    const audit = await ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE chain_id = $1 AND action = 'pseudonym_key.rotate'`,
      [chain.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('deletes the keys with the chain', async () => {
    const keyring = ring();
    const { chain } = await createChain(ctx.db, buildChainInput());
    await getChainPseudonymKey(ctx.db, chain.id, keyring);
    await ctx.db.query('DELETE FROM chains WHERE id = $1', [chain.id]);
    expect(await ctx.db.query('SELECT 1 FROM chain_pseudonym_keys WHERE chain_id = $1', [chain.id])).toEqual([]);
  });
});

it('generates a master key into the data directory with owner-only permissions, and reuses it', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-key-'));
  try {
    const first = await loadMasterKeyring({ masterKey: null, previousMasterKeys: [], dataDir: dir });
    expect(first.source).toBe('generated');
    const file = path.join(dir, 'master.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadMasterKeyring({ masterKey: null, previousMasterKeys: [], dataDir: dir });
    expect(second.source).toBe('file');
    expect(second.keyring.current.key.equals(first.keyring.current.key)).toBe(true);
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(44);

    const configured = randomBytes(32);
    const fromEnv = await loadMasterKeyring({
      masterKey: configured.toString('hex'),
      previousMasterKeys: [first.keyring.current.key.toString('base64')],
      dataDir: dir,
    });
    expect(fromEnv.source).toBe('environment');
    expect(fromEnv.keyring.current.key.equals(configured)).toBe(true);
    expect(fromEnv.keyring.previous[0]?.id).toBe(first.keyring.current.id);
    expect(() => parseMasterKey('too short', 'KETENREGIE_MASTER_KEY')).toThrow(
      /KETENREGIE_MASTER_KEY must be 32 random bytes/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
