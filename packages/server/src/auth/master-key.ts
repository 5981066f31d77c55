/**
 * The installation's master key, which encrypts the per-chain pseudonymisation keys. It comes from
 * `KETENREGIE_MASTER_KEY` (32 bytes, base64 or hex); keys being rotated out are listed in
 * `KETENREGIE_MASTER_KEY_PREVIOUS`. On a machine without it (a developer's), a key is generated
 * once into `<dataDir>/master.key` with owner-only permissions and a warning is logged: whoever
 * has that file and a copy of the database can recover the pseudonymisation keys.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '@ketenregie/core';

/** Bytes of a master key and of a chain key (AES-256 / HMAC-SHA-256). */
export const KEY_BYTES = 32;
/** File in the data directory that holds a generated master key. */
export const MASTER_KEY_FILE = 'master.key';

/** One master key and its fingerprint, which is stored next to everything it wraps. */
export interface MasterKey {
  /** First 16 hex digits of SHA-256 over the key: identifies it without revealing it. */
  readonly id: string;
  readonly key: Buffer;
}

/** The current master key and older ones still accepted for unwrapping. */
export interface MasterKeyring {
  readonly current: MasterKey;
  readonly previous: readonly MasterKey[];
}

/** Decodes a configured key (base64 or hex of 32 bytes); `validation_failed` naming `variable` otherwise. */
export function parseMasterKey(value: string, variable: string): MasterKey {
  const text = value.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(text);
  const base64 = /^[A-Za-z0-9+/]{43}=?$/.test(text);
  if (!hex && !base64) {
    throw new DomainError('validation_failed', `${variable} must be 32 random bytes, base64 or hex encoded`, [
      { path: variable, message: `${variable} must be 32 random bytes, base64 (44 characters) or hex (64 characters)` },
    ]);
  }
  const bytes = Buffer.from(text, hex ? 'hex' : 'base64');
  return toMasterKey(bytes);
}

/** Wraps raw key bytes with their fingerprint. */
export function toMasterKey(bytes: Buffer): MasterKey {
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 16), key: bytes };
}

/** Where the master key came from, for the start-up log. */
export interface LoadedKeyring {
  readonly keyring: MasterKeyring;
  /** `environment`, `file` (an existing generated key) or `generated` (created just now). */
  readonly source: 'environment' | 'file' | 'generated';
  /** Set when the key file can be read by others than its owner. */
  readonly insecureFile: boolean;
}

/** Loads the keyring from configuration, or from (creating) the key file in the data directory. */
export async function loadMasterKeyring(options: {
  readonly masterKey: string | null;
  readonly previousMasterKeys: readonly string[];
  readonly dataDir: string;
}): Promise<LoadedKeyring> {
  const previous = options.previousMasterKeys.map((value, i) =>
    parseMasterKey(value, `KETENREGIE_MASTER_KEY_PREVIOUS[${i}]`),
  );
  if (options.masterKey !== null) {
    return {
      keyring: { current: parseMasterKey(options.masterKey, 'KETENREGIE_MASTER_KEY'), previous },
      source: 'environment',
      insecureFile: false,
    };
  }
  const file = path.join(options.dataDir, MASTER_KEY_FILE);
  try {
    const text = await readFile(file, 'utf8');
    const mode = (await stat(file)).mode & 0o777;
    return {
      keyring: { current: parseMasterKey(text, file), previous },
      source: 'file',
      insecureFile: (mode & 0o077) !== 0,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  await mkdir(options.dataDir, { recursive: true });
  const bytes = randomBytes(KEY_BYTES);
  try {
    await writeFile(file, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return loadMasterKeyring(options);
    }
    throw error;
  }
  return { keyring: { current: toMasterKey(bytes), previous }, source: 'generated', insecureFile: false };
}

/** Additional authenticated data binding a wrapped key to its chain and version, so rows cannot be swapped. */
function associatedData(chainId: string, version: number): Buffer {
  return Buffer.from(`ketenregie/pseudonym-key/${chainId}/${version}`, 'utf8');
}

/** Encrypts a chain key with AES-256-GCM: base64 of iv (12) | tag (16) | ciphertext (32). */
export function wrapKey(master: MasterKey, key: Buffer, chainId: string, version: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(associatedData(chainId, version));
  const encrypted = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64');
}

/** Decrypts a wrapped chain key; throws when the master key, chain or version do not match. */
export function unwrapKey(master: MasterKey, wrapped: string, chainId: string, version: number): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', master.key, bytes.subarray(0, 12));
  decipher.setAAD(associatedData(chainId, version));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}
