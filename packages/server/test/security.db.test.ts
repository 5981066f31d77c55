import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccessControl } from '../src/http/access-control.ts';
import { handleError } from '../src/http/error-handler.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/auth/auth-settings.ts';
import { openPgliteDatabase, type PgliteDatabase } from '../src/db/open-pglite.ts';
import { buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildChainInput } from './support/fixtures.ts';
import { createBrokenDatabase, createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describe('start-up check of access rules', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openPgliteDatabase({ dataDir: null });
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses to start when a route declares no access rule, naming the route', async () => {
    const app = Fastify();
    registerAccessControl(app, { db, settings: DEFAULT_AUTH_SETTINGS });
    app.get('/api/v1/forgotten', () => 'oops');
    app.get('/api/v1/declared', { config: { access: { scope: 'public' } } }, () => 'fine');
    await expect(app.ready()).rejects.toThrow(
      'every route must declare config.access; missing on: GET /api/v1/forgotten',
    );
  });

  it('refuses a chain rule on a route without :chainId', () => {
    const app = Fastify();
    registerAccessControl(app, { db, settings: DEFAULT_AUTH_SETTINGS });
    expect(() =>
      app.get('/api/v1/things', { config: { access: { scope: 'chain', permission: 'chain.read' } } }, () => 'x'),
    ).toThrow(/declares chain access but has no :chainId/);
  });

  it('answers a route-level upload limit with 413 in the error shape', async () => {
    const app = Fastify();
    app.setErrorHandler(handleError);
    registerAccessControl(app, { db, settings: DEFAULT_AUTH_SETTINGS });
    app.post('/api/v1/upload', { bodyLimit: 10, config: { access: { scope: 'public' } } }, () => 'stored');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/upload',
      payload: { much: 'more than ten bytes' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than the server accepts', details: [] },
    });
  });
});

describeEachDatabase('security of the HTTP layer', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends a CSP without inline scripts, forbids framing, and no HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/api/v1/chains', '/somewhere']) {
      const response = await app.inject(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('answers 413 in the error shape for a body over 1 MiB, also before signing in', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true });
    const as = injectAs(app, await signIn(ctx.db, admin.id));
    const big = { ...buildChainInput(), description: 'x'.repeat(1024 * 1024) };
    const signedIn = await as({ method: 'POST', url: '/api/v1/chains', payload: big });
    expect(signedIn.statusCode).toBe(413);
    expect(signedIn.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than the server accepts', details: [] },
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(login.statusCode).toBe(413);
    expect((await app.inject({ method: 'POST', url: '/api/v1/chains', payload: big })).statusCode).toBe(401);
  });

  it('refuses prototype-pollution keys in JSON bodies', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true });
    const as = injectAs(app, await signIn(ctx.db, admin.id));
    for (const payload of ['{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"admin": true}}}']) {
      const response = await as({
        method: 'POST',
        url: '/api/v1/chains',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });

  it('never shows a stack trace or internal message', async () => {
    const broken = await createTestApp(createBrokenDatabase(ctx.kind, 'relation "x" at /srv/app/src/secret.ts:12'));
    try {
      const response = await broken.inject({
        url: '/api/v1/chains',
        headers: { cookie: `kr_session=${'b'.repeat(43)}` },
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toMatch(/secret|\.ts|at |stack/);
      expect(response.json()).toEqual({
        error: {
          code: 'internal',
          message: 'Something went wrong on the server; the error has been logged',
          details: [],
        },
      });
    } finally {
      await broken.close();
    }
  });

  it('answers unknown and malformed credentials alike, without revealing anything', async () => {
    const unknownCookie = await app.inject({
      url: '/api/v1/chains',
      headers: { cookie: `kr_session=${'c'.repeat(43)}` },
    });
    const garbageCookie = await app.inject({ url: '/api/v1/chains', headers: { cookie: 'kr_session=<script>' } });
    const none = await app.inject('/api/v1/chains');
    expect([unknownCookie.statusCode, garbageCookie.statusCode, none.statusCode]).toEqual([401, 401, 401]);
    expect(unknownCookie.body).toBe(none.body);
    const token = await app.inject({
      url: '/api/v1/chains/x',
      headers: { authorization: `Bearer krt_${'d'.repeat(43)}` },
    });
    expect(token.statusCode).toBe(401);
  });
});
