/**
 * Reading and writing the few cookies the server uses, without a dependency: the session cookie
 * and the marker that turns the automatic demo sign-in off after signing out.
 */

/** Name of the session cookie over plain HTTP (localhost). */
export const SESSION_COOKIE = 'kr_session';
/**
 * Name of the session cookie over HTTPS. The `__Host-` prefix makes the browser refuse it unless it
 * is Secure, has `Path=/` and no `Domain`, so a sibling sub-domain cannot plant or overwrite it.
 */
export const SECURE_SESSION_COOKIE = '__Host-kr_session';
/** Set when someone signs out on a machine with demo sign-in, so the browser is not signed in again at once. */
export const DEMO_OFF_COOKIE = 'kr_demo_off';

/** Attributes of a cookie to set. */
export interface CookieOptions {
  /** Lifetime in seconds; 0 deletes the cookie; absent makes it a browser-session cookie. */
  readonly maxAgeSeconds?: number;
  readonly secure: boolean;
  readonly httpOnly: boolean;
}

/** Parses a `Cookie` header into name → value; the first occurrence of a name wins, malformed pairs are skipped. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined || header.length > 8192) {
    return cookies;
  }
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      continue;
    }
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (!cookies.has(name) && /^[A-Za-z0-9_.~+/=-]*$/.test(value)) {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** A `Set-Cookie` header value: always `Path=/` and `SameSite=Lax`. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/', 'SameSite=Lax'];
  if (options.maxAgeSeconds !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  }
  if (options.httpOnly) {
    parts.push('HttpOnly');
  }
  if (options.secure) {
    parts.push('Secure');
  }
  return parts.join('; ');
}
