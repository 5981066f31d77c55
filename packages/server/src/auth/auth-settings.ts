/** The settings of sign-in and sessions, derived from the configuration. */

/** When loopback requests are signed in automatically as the local demo user. */
export type DemoLoginMode = 'auto' | 'on' | 'off';

/** What the access layer needs to know about the installation. */
export interface AuthSettings {
  /**
   * `auto` (default when the server listens on a loopback address): loopback requests are signed in
   * as the demo user until an administrator has set a password; `on`: always for loopback
   * requests; `off`: never.
   */
  readonly demoLogin: DemoLoginMode;
  /** The session ends after this long without a request. */
  readonly sessionIdleSeconds: number;
  /** The session ends this long after sign-in, however active. */
  readonly sessionMaxSeconds: number;
  /** Base URL people reach the app at, for links in invitations and the set-up link; null: derived from the request. */
  readonly publicUrl: string | null;
}

/** Defaults: no demo sign-in, 2 hours idle, 12 hours at most. */
export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  demoLogin: 'off',
  sessionIdleSeconds: 2 * 60 * 60,
  sessionMaxSeconds: 12 * 60 * 60,
  publicUrl: null,
};

/** How many failed sign-ins are allowed within the window before further attempts are refused. */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 30,
} as const;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;
/** How long the administrator set-up link printed at start-up stays valid. */
export const SETUP_TTL_SECONDS = 24 * 60 * 60;
