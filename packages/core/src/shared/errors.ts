/**
 * The one error model of Ketenregie. Every layer throws a `DomainError` with a code from this
 * closed union; the server maps each code to an HTTP status with a map the compiler checks for
 * completeness, the CLI prints the message and exits non-zero.
 */

/** Every condition the product reports as an error, each with one meaning. */
export const ERROR_CODES = [
  /** Input does not satisfy a schema or an invariant; `details` names each field. */
  'validation_failed',
  /** The request needs a signed-in caller (or an API token) and has none, or the credentials are wrong. */
  'unauthenticated',
  /** The caller is known and may see the resource, but may not do this to it. */
  'forbidden',
  /** The resource does not exist, or the caller may not know that it exists. */
  'not_found',
  /** The update carried a `version` that is no longer current: somebody else changed it first. */
  'version_conflict',
  /** The request is valid on its own but clashes with existing state (e.g. a slug already taken). */
  'conflict',
  /** The payload is too large to accept. */
  'payload_too_large',
  /** Too many attempts in a short time (sign-in); try again later. */
  'rate_limited',
  /** The database or another dependency is not available. */
  'unavailable',
  /** Anything unexpected; never carries internal details to the client. */
  'internal',
] as const;

/** A code from {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a problem was found: a field path and, for files, the file and line. */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `links.2.partnerKeys.0`; empty for the whole input. */
  readonly path: string;
  /** Human-readable explanation of what is wrong with that field. */
  readonly message: string;
  /** Name of the file the input came from, when it came from a file. */
  readonly file?: string;
  /** 1-based line (or record) number in that file. */
  readonly line?: number;
}

/** An expected failure with a code from the closed union, carrying where it happened. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** Type guard that also survives duplicated module instances (checks the shape, not the prototype). */
export function isDomainError(value: unknown): value is DomainError {
  return (
    value instanceof DomainError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'DomainError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Shorthand for a `not_found` error naming the kind of thing that was looked up. */
export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} not found`);
}

/** Shorthand for a `version_conflict` error. */
export function versionConflict(what: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'version_conflict',
    `${what} was changed by someone else (you edited version ${expected}, the current version is ${actual}); reload and apply your change again`,
    [{ path: 'version', message: `expected ${actual}, got ${expected}` }],
  );
}
