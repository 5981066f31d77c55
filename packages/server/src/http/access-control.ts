/**
 * The access layer, in three parts:
 *
 * 1. At start-up every route must declare `config: { access }` (see `route-access.ts`); a route
 *    without one makes `ready()` fail, naming the route. The declaration is also written into the
 *    OpenAPI description (`x-access`, `security`), where the authorisation matrix test reads it.
 * 2. On every request the caller is resolved: an `Authorization: Bearer` API token, else the
 *    session cookie, else — only on the developer's own machine — the automatic demo sign-in.
 * 3. The route's rule is enforced before the body is even parsed: 401 without a caller, 403 for a
 *    caller who may see the resource but not do this, and 404 on chain routes for callers without
 *    any role on the chain, exactly as if the chain did not exist.
 *
 * State-changing requests that carry ambient credentials (cookies) must come from the app's own
 * origin (fetch metadata, else `Origin`); see docs/decisions/0010-authentication-and-sessions.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import { DomainError, notFound } from '@ketenregie/core';
import type { Database } from '../db/database.ts';
import { resolveApiToken } from '../auth/api-token-service.ts';
import type { AuthSettings } from '../auth/auth-settings.ts';
import type { UserCaller } from '../auth/caller.ts';
import { resolveChainAccess } from '../auth/chain-access-service.ts';
import {
  DEMO_OFF_COOKIE,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  parseCookies,
  serializeCookie,
} from '../auth/cookies.ts';
import { findSession, startSession, type NewSession } from '../auth/session-service.ts';
import { findDemoUser, hasUsableAdministrator } from '../repositories/user-repository.ts';
import type { RouteAccess } from './route-access.ts';
import './request-context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'forwarded', 'x-real-ip'];

/** Routes registered without an access rule, for the start-up check. */
interface PendingRoute {
  readonly options: RouteOptions;
}

/** Whether the request reached the server over HTTPS (directly or, with trusted proxies, per `X-Forwarded-Proto`). */
export function isSecureRequest(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The name of the session cookie for this request's scheme. */
export function sessionCookieName(request: FastifyRequest): string {
  return isSecureRequest(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Adds a `Set-Cookie` header without dropping ones set before. */
export function appendSetCookie(reply: FastifyReply, value: string): void {
  const current = reply.getHeader('set-cookie');
  const list = current === undefined ? [] : Array.isArray(current) ? current.map(String) : [String(current)];
  void reply.header('set-cookie', [...list, value]);
}

/** Sets the session cookie of a new session on the reply. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  appendSetCookie(
    reply,
    serializeCookie(sessionCookieName(request), session.secret, {
      secure: isSecureRequest(request),
      httpOnly: true,
      maxAgeSeconds: Math.floor((session.expiresAt.getTime() - Date.now()) / 1000),
    }),
  );
}

/** Removes the session cookie and, with `demoOff`, stops the automatic demo sign-in for this browser. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, demoOff: boolean): void {
  const secure = isSecureRequest(request);
  appendSetCookie(reply, serializeCookie(sessionCookieName(request), '', { secure, httpOnly: true, maxAgeSeconds: 0 }));
  if (demoOff) {
    appendSetCookie(
      reply,
      serializeCookie(DEMO_OFF_COOKIE, '1', { secure, httpOnly: true, maxAgeSeconds: 30 * 24 * 3600 }),
    );
  }
}

/** The session cookie's value on this request, if any. */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(sessionCookieName(request));
}

/** Whether an address is a loopback address (IPv4 127/8, IPv6 ::1, IPv4-mapped 127/8). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) {
    return false;
  }
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** Whether a `Host` header names this machine (so a DNS-rebinding page on another name never qualifies). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) {
    return false;
  }
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : (host.split(':')[0] ?? '');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

/**
 * Cross-site request forgery check for state-changing requests with ambient credentials: browsers
 * send `Sec-Fetch-Site`, which must be `same-origin` (or `none`, typed by the user); older
 * browsers send `Origin`, which must be this server's own origin or the configured public URL. A
 * request with neither header does not come from a browser page and carries no ambient credential
 * an attacker could borrow.
 */
export function isCrossSiteRequest(request: FastifyRequest, publicUrl: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site !== 'same-origin' && site !== 'none';
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return false;
  }
  const allowed = [`${request.protocol}://${request.host}`];
  if (publicUrl !== null) {
    allowed.push(new URL(publicUrl).origin);
  }
  return !allowed.includes(origin);
}

/** Registers the start-up check, the caller resolution and the enforcement on `app`. */
export function registerAccessControl(
  app: FastifyInstance,
  options: { readonly db: Database; readonly settings: AuthSettings },
): void {
  const { db, settings } = options;
  const pending: PendingRoute[] = [];
  app.decorateRequest('caller', null);
  app.decorateRequest('chainAccess', null);

  app.addHook('onRoute', (route) => {
    pending.push({ options: route });
    const access = route.config?.access;
    if (access !== undefined) {
      if (access.scope === 'chain' && !route.url.includes(':chainId')) {
        throw new Error(
          `route ${String(route.method)} ${route.url} declares chain access but has no :chainId parameter`,
        );
      }
      const annotated: FastifySchema & Record<string, unknown> = {
        ...route.schema,
        'x-access': access,
        ...(access.scope === 'public'
          ? {}
          : { security: [{ session: [] }, ...(access.scope === 'chain' ? [{ bearer: [] }] : [])] }),
      };
      route.schema = annotated;
    }
  });
  app.addHook('onReady', (done) => {
    const missing = pending.filter((p) => p.options.config?.access === undefined);
    done(
      missing.length === 0
        ? undefined
        : new Error(
            `every route must declare config.access; missing on: ${missing.map((p) => `${String(p.options.method)} ${p.options.url}`).join(', ')}`,
          ),
    );
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      // Only fastify's not-found handling has no rule; every registered route was checked at start-up.
      return;
    }
    const bearer = readBearer(request);
    if (!SAFE_METHODS.has(request.method) && bearer === undefined && isCrossSiteRequest(request, settings.publicUrl)) {
      throw new DomainError('forbidden', 'Cross-site requests are not accepted; use the app itself');
    }
    if (bearer !== undefined) {
      request.caller = await resolveApiToken(db, bearer);
      if (request.caller === null) {
        throw new DomainError('unauthenticated', 'The API token is unknown or revoked');
      }
    } else {
      request.caller = await resolveSessionCaller(request);
      if (request.caller === null && access.scope !== 'public') {
        request.caller = await signInDemoUser(request, reply);
      }
    }
    await enforce(request, access);
  });

  function readBearer(request: FastifyRequest): string | undefined {
    const header = request.headers.authorization;
    if (header === undefined) {
      return undefined;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) {
      throw new DomainError('unauthenticated', 'Use an Authorization header of the form "Bearer <token>"');
    }
    return match[1];
  }

  async function resolveSessionCaller(request: FastifyRequest): Promise<UserCaller | null> {
    const secret = readSessionCookie(request);
    if (secret === undefined) {
      return null;
    }
    const session = await findSession(db, secret, settings);
    return session === null
      ? null
      : {
          kind: 'user',
          userId: session.userId,
          email: session.email,
          displayName: session.displayName,
          isAdmin: session.isAdmin,
          isDemo: session.isDemo,
          sessionHash: session.idHash,
          sessionExpiresAt: session.expiresAt,
        };
  }

  async function signInDemoUser(request: FastifyRequest, reply: FastifyReply): Promise<UserCaller | null> {
    if (settings.demoLogin === 'off' || !isDemoEligible(request)) {
      return null;
    }
    if (settings.demoLogin === 'auto' && (await hasUsableAdministrator(db))) {
      return null;
    }
    const user = await findDemoUser(db);
    if (user === null || user.disabled) {
      return null;
    }
    const session = await startSession(db, user.id, settings, { demo: true });
    setSessionCookie(request, reply, session);
    return {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      isAdmin: user.isAdmin,
      isDemo: true,
      sessionHash: session.idHash,
      sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }

  async function enforce(request: FastifyRequest, access: RouteAccess): Promise<void> {
    const caller = request.caller;
    switch (access.scope) {
      case 'public':
        return;
      case 'signed-in':
      case 'admin': {
        if (caller === null) {
          throw new DomainError('unauthenticated', 'Sign in first');
        }
        if (caller.kind === 'token') {
          throw new DomainError('forbidden', 'API tokens are only accepted on the routes of their chain and purpose');
        }
        if (access.scope === 'admin' && !caller.isAdmin) {
          throw new DomainError('forbidden', 'Only an installation administrator may do this');
        }
        return;
      }
      case 'chain': {
        if (caller === null) {
          throw new DomainError('unauthenticated', 'Sign in first');
        }
        const chainRef = (request.params as { chainId?: unknown }).chainId;
        const chainAccess = typeof chainRef === 'string' ? await resolveChainAccess(db, caller, chainRef) : null;
        if (chainAccess === null) {
          throw notFound('Chain');
        }
        if (!chainAccess.permissions.includes(access.permission)) {
          throw new DomainError('forbidden', `Your role on this chain does not allow this (${access.permission})`);
        }
        request.chainAccess = chainAccess;
        return;
      }
    }
  }
}

/** Loopback client, loopback `Host`, no proxy in between, and no sign-out marker. */
function isDemoEligible(request: FastifyRequest): boolean {
  if (!isLoopbackAddress(request.socket.remoteAddress) || !isLoopbackHost(request.headers.host)) {
    return false;
  }
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) {
    return false;
  }
  return !parseCookies(request.headers.cookie).has(DEMO_OFF_COOKIE);
}
