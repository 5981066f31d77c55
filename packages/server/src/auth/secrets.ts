/**
 * Random secrets and their stored form. Session ids, invitation links, set-up links and API
 * tokens are 256 random bits; the database keeps only their SHA-256, so a copy of it lets nobody
 * in. SHA-256 (not a slow hash) is right here: the secrets are random, not guessable passwords.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bytes of randomness in every secret: 256 bits. */
export const SECRET_BYTES = 32;

/** A new random secret, base64url-encoded (43 characters), optionally with a recognisable prefix. */
export function createSecret(prefix = ''): string {
  return `${prefix}${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

/** The stored form of a secret: SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time that depends only on their length. */
export function equalsInConstantTime(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether a string can be a secret made by {@link createSecret} with this prefix (cheap sanity check before hashing). */
export function looksLikeSecret(value: string, prefix = ''): boolean {
  return (
    value.length === prefix.length + 43 &&
    value.startsWith(prefix) &&
    /^[A-Za-z0-9_-]+$/.test(value.slice(prefix.length))
  );
}
