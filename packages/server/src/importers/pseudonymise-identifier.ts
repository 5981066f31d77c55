/**
 * Pseudonymisation of client identifiers: a keyed one-way function (HMAC-SHA-256 with the chain's
 * secret key) over a normalised identifier, so the same client gets the same pseudonym at every
 * partner — trajectories link across organisations — while nobody without the key can compute the
 * pseudonym of a known identifier. The server (on import) and `ketenregie pseudonymise` (at the
 * partner's own site) both use this module, so they give identical pseudonyms.
 *
 * The function, so that anyone can reimplement it (see docs/pseudonymisation.md):
 *
 *   pseudonym = base32(HMAC-SHA-256(key, UTF-8(normalise(identifier))))[0..26)
 *
 * with the RFC 4648 alphabet `A–Z 2–7`, upper case, no padding: 26 characters carry the first 130
 * bits of the MAC. {@link normaliseIdentifier} defines `normalise`.
 */
import { createHmac } from 'node:crypto';
import { DomainError } from '@ketenregie/core/errors';

/** Characters of a pseudonym: 26 base32 characters = 130 bits. */
export const PSEUDONYM_LENGTH = 26;

/** Bytes of a chain's pseudonymisation key. */
export const PSEUDONYM_KEY_BYTES = 32;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PSEUDONYM_PATTERN = /^[A-Z2-7]{26}$/;
/** White space, full stops and hyphens (ASCII and the Unicode hyphens and dashes U+2010–U+2015). */
const SEPARATORS = /[\s.\u002d\u2010-\u2015]/gu;
const BSN_LIKE = /^\d{8,9}$/;

/**
 * The canonical form of an identifier, so that the ways partners write the same number give the
 * same pseudonym:
 * 1. Unicode NFC normalisation;
 * 2. every white-space character, full stop and hyphen removed (this includes trimming), so
 *    `123.456.782`, `123 456 782` and `123-456-782` are one identifier;
 * 3. an identifier of 8 or 9 digits (a BSN, whose leading zero is often lost in spreadsheets) is
 *    left-padded with zeros to 9 digits: `12345678` becomes `012345678`.
 * Letters keep their case: `ab12` and `AB12` are different identifiers.
 */
export function normaliseIdentifier(value: string): string {
  const compact = value.normalize('NFC').replace(SEPARATORS, '');
  return BSN_LIKE.test(compact) ? compact.padStart(9, '0') : compact;
}

/** The first {@link PSEUDONYM_LENGTH} base32 characters of `bytes` (which must hold at least 17 bytes). */
function base32Prefix(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  let index = 0;
  while (out.length < PSEUDONYM_LENGTH) {
    if (bits < 5) {
      buffer = ((buffer << 8) | bytes[index]!) & 0xffff;
      index++;
      bits += 8;
    }
    out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31]!;
    bits -= 5;
  }
  return out;
}

/** The pseudonym of one identifier under `key`; see the module comment. */
export function pseudonymiseIdentifier(key: Uint8Array, identifier: string): string {
  return base32Prefix(createHmac('sha256', key).update(normaliseIdentifier(identifier), 'utf8').digest());
}

/** Whether `value` has the form of a pseudonym (26 characters `A–Z`, `2–7`). */
export function isPseudonym(value: string): boolean {
  return PSEUDONYM_PATTERN.test(value);
}

/** A function from identifier to pseudonym that remembers up to `cacheSize` recent identifiers. */
export type Pseudonymiser = (identifier: string) => string;

/**
 * A pseudonymiser for one key. Extracts repeat an identifier on every row of its case, so a cache
 * saves most MAC computations; it is cleared when full rather than evicting one by one.
 */
export function createPseudonymiser(key: Uint8Array, cacheSize = 1 << 16): Pseudonymiser {
  if (key.length !== PSEUDONYM_KEY_BYTES) {
    throw new RangeError(`a pseudonymisation key has ${PSEUDONYM_KEY_BYTES} bytes, not ${key.length}`);
  }
  const cache = new Map<string, string>();
  return (identifier) => {
    let pseudonym = cache.get(identifier);
    if (pseudonym === undefined) {
      pseudonym = pseudonymiseIdentifier(key, identifier);
      if (cache.size >= cacheSize) cache.clear();
      cache.set(identifier, pseudonym);
    }
    return pseudonym;
  };
}

/** A chain's key as a key file carries it. */
export interface PseudonymKeyFile {
  readonly key: Uint8Array;
  /** The key's version at the chain, when the file says it. */
  readonly version: number | null;
  /** The chain's slug, when the file says it. */
  readonly chain: string | null;
}

/** The `format` of a key file written by {@link formatPseudonymKeyFile}. */
export const PSEUDONYM_KEY_FILE_FORMAT = 'ketenregie/pseudonym-key';

/** The JSON text of a key file (keep it secret: it is the key itself). */
export function formatPseudonymKeyFile(file: {
  readonly chain: string;
  readonly version: number;
  readonly key: Uint8Array;
}): string {
  return `${JSON.stringify(
    {
      format: PSEUDONYM_KEY_FILE_FORMAT,
      chain: file.chain,
      version: file.version,
      key: Buffer.from(file.key).toString('base64'),
    },
    null,
    2,
  )}\n`;
}

function decodeKey(text: string): Uint8Array | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  return null;
}

/**
 * Reads a key file: the JSON written by {@link formatPseudonymKeyFile}, or just the 32 key bytes
 * as base64 or hex on one line. The message of an error never contains the key.
 */
export function parsePseudonymKeyFile(text: string, fileName: string): PseudonymKeyFile {
  const fail = (message: string): never => {
    throw new DomainError('validation_failed', `${fileName} is not a pseudonymisation key file: ${message}`, [
      { file: fileName, path: 'key', message },
    ]);
  };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      return fail('it is not valid JSON');
    }
    const record = data as { format?: unknown; key?: unknown; version?: unknown; chain?: unknown };
    if (record.format !== PSEUDONYM_KEY_FILE_FORMAT) fail(`expected "format": "${PSEUDONYM_KEY_FILE_FORMAT}"`);
    const key = typeof record.key === 'string' ? decodeKey(record.key) : null;
    if (key === null) return fail('"key" must be 32 bytes, base64 or hex encoded');
    const version = record.version;
    if (version !== undefined && !(typeof version === 'number' && Number.isInteger(version) && version >= 1)) {
      fail('"version" must be a whole number from 1');
    }
    return {
      key,
      version: typeof version === 'number' ? version : null,
      chain: typeof record.chain === 'string' ? record.chain : null,
    };
  }
  const key = decodeKey(trimmed);
  if (key === null) return fail('expected 32 bytes, base64 (44 characters) or hex (64 characters)');
  return { key, version: null, chain: null };
}
