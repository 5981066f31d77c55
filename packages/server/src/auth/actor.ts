/**
 * Who does something, as the services and the audit log see it: a signed-in user, a partner
 * system's API token, the server itself (start-up, command line) or an anonymous caller (a failed
 * sign-in). Services take an `Actor` instead of the HTTP request.
 */

/** A signed-in user. */
export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  /** E-mail address, recorded with each audit entry so the log reads without joins. */
  readonly email: string;
  /** The organisation the user acts for in this action, when it is known (chain routes). */
  readonly organisationId: string | null;
  readonly ip: string | null;
}

/** A partner system calling with an API token. */
export interface TokenActor {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly ip: string | null;
}

/** The server itself or the command line. */
export interface SystemActor {
  readonly kind: 'system';
  /** What acted, e.g. `start-up` or `cli`. */
  readonly label: string;
}

/** A caller that is not signed in, e.g. a failed sign-in. */
export interface AnonymousActor {
  readonly kind: 'anonymous';
  readonly ip: string | null;
}

/** One of the four kinds of actor. */
export type Actor = UserActor | TokenActor | SystemActor | AnonymousActor;

/** The actor of changes made outside any request: the command line, tests, start-up. */
export const SYSTEM_ACTOR: SystemActor = { kind: 'system', label: 'system' };
