/**
 * Password hashing with argon2id (`@node-rs/argon2`), at the parameters OWASP recommends as the
 * minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane (about 50–80 ms here). The parameters
 * live in the PHC string of each hash, so raising them later only affects new hashes; `needsRehash`
 * tells when a stored hash is weaker than today's parameters.
 */
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '@ketenregie/core';

/** The argon2id parameters of new hashes; see docs/decisions/0010-authentication-and-sessions.md. */
export const ARGON2_PARAMETERS = {
  /** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

/** Shortest and longest password accepted (characters). Long passphrases are welcome; the cap bounds hashing work. */
export const PASSWORD_LENGTH = { min: 12, max: 256 } as const;

let dummyHash: Promise<string> | null = null;

/** Hashes a new password after checking its length; `validation_failed` on `password` otherwise. */
export async function hashPassword(password: string): Promise<string> {
  assertPasswordAcceptable(password);
  return hash(password, ARGON2_PARAMETERS);
}

/** Refuses a password that is too short or too long, naming the field `password`. */
export function assertPasswordAcceptable(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw new DomainError('validation_failed', 'The password does not meet the requirements', [
      {
        path: 'password',
        message: `must be between ${PASSWORD_LENGTH.min} and ${PASSWORD_LENGTH.max} characters long`,
      },
    ]);
  }
}

/**
 * Whether `password` matches `storedHash`. With `storedHash` null (no such user, or no password
 * set) a dummy hash is verified instead, so the answer takes as long whether or not the account
 * exists; the result is then always false.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const bounded = password.length > PASSWORD_LENGTH.max * 4 ? password.slice(0, PASSWORD_LENGTH.max * 4) : password;
  if (storedHash === null) {
    dummyHash ??= hash('not the password of anybody', ARGON2_PARAMETERS);
    await verify(await dummyHash, bounded).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, bounded);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with weaker parameters than {@link ARGON2_PARAMETERS}. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (match === null) {
    return true;
  }
  const [, m, t, p] = match.map(Number);
  return (
    (m ?? 0) < ARGON2_PARAMETERS.memoryCost ||
    (t ?? 0) < ARGON2_PARAMETERS.timeCost ||
    (p ?? 0) !== ARGON2_PARAMETERS.parallelism
  );
}
