import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SIGN_IN_LIMITED_MESSAGE, SIGN_IN_REFUSED_MESSAGE } from '../src/auth/sign-in-service.ts';
import { createChain } from '../src/services/chain-service.ts';
import { buildChainMember, buildUser, signIn } from './support/accounts.ts';
import { buildChainInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const PASSWORD = 'correct horse battery staple';

/** The `name=value` part of each Set-Cookie header. */
function cookiesOf(header: string | string[] | number | undefined): string[] {
  const list = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  return list.map((c) => c.split(';')[0] ?? '');
}

describeEachDatabase('sign-in and sessions', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  const signInRequest = (email: string, password: string, ip = '10.1.1.1') =>
    app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

  it('signs in with e-mail and password, sets an HttpOnly SameSite cookie, and tells who is signed in', async () => {
    const user = await buildUser(ctx.db, { email: 'Regisseur@Example.org'.toLowerCase(), password: PASSWORD });
    const { chain } = await createChain(ctx.db, buildChainInput());
    await buildChainMember(ctx.db, { chainId: chain.id, user, role: 'director' });

    const response = await signInRequest('  REGISSEUR@example.org ', PASSWORD);
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^kr_session=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly$/);
    expect(setCookie).not.toContain('Secure');
    const body = response.json<{ user: { email: string }; chains: { chainId: string; roles: string[] }[] }>();
    expect(body.user.email).toBe('regisseur@example.org');
    expect(body.chains).toEqual([expect.objectContaining({ chainId: chain.id, roles: ['director'] })]);

    const cookie = cookiesOf(response.headers['set-cookie'])[0] ?? '';
    const session = await app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.json<{ chains: { permissions: string[] }[] }>().chains[0]?.permissions).toContain('audit.read');

    const stored = await ctx.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions WHERE user_id = $1', [
      user.id,
    ]);
    expect(stored).toHaveLength(1);
    expect(cookie).not.toContain(stored[0]?.id_hash ?? 'x');
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    await buildUser(ctx.db, { email: 'bestaat@example.org', password: PASSWORD });
    const wrong = await signInRequest('bestaat@example.org', 'not the password at all');
    const unknown = await signInRequest('bestaat-niet@example.org', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ error: { code: 'unauthenticated', message: SIGN_IN_REFUSED_MESSAGE, details: [] } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('limits failed attempts per account with the same message whether or not the account exists', async () => {
    await buildUser(ctx.db, { email: 'doelwit@example.org', password: PASSWORD });
    for (let i = 0; i < 5; i += 1) {
      expect((await signInRequest('doelwit@example.org', `wrong password ${i}`, `10.2.0.${i}`)).statusCode).toBe(401);
      expect((await signInRequest('niemand@example.org', `wrong password ${i}`, `10.3.0.${i}`)).statusCode).toBe(401);
    }
    // The right password no longer helps while the account is limited, from any address.
    const existing = await signInRequest('doelwit@example.org', PASSWORD, '10.9.9.9');
    const missing = await signInRequest('niemand@example.org', PASSWORD, '10.9.9.8');
    expect(existing.statusCode).toBe(429);
    expect(missing.statusCode).toBe(429);
    expect(existing.body).toBe(missing.body);
    expect(existing.json()).toEqual({ error: { code: 'rate_limited', message: SIGN_IN_LIMITED_MESSAGE, details: [] } });
    expect(existing.headers['retry-after']).toBe('900');
    // Another account from an unrelated address is unaffected.
    await buildUser(ctx.db, { email: 'ander@example.org', password: PASSWORD });
    expect((await signInRequest('ander@example.org', PASSWORD, '10.8.8.8')).statusCode).toBe(200);
  });

  it('limits failed attempts per client address across accounts', async () => {
    for (let i = 0; i < 30; i += 1) {
      await signInRequest(`gok-${i}@example.org`, 'guessing passwords', '10.4.4.4');
    }
    await buildUser(ctx.db, { email: 'echt@example.org', password: PASSWORD });
    expect((await signInRequest('echt@example.org', PASSWORD, '10.4.4.4')).statusCode).toBe(429);
    expect((await signInRequest('echt@example.org', PASSWORD, '10.4.4.5')).statusCode).toBe(200);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const user = await buildUser(ctx.db);
    const cookie = await signIn(ctx.db, user.id);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(cookiesOf(out.headers['set-cookie'])).toContain('kr_session=');
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
  });

  it('ends sessions after the idle timeout, at their absolute end, and when the user is disabled', async () => {
    const user = await buildUser(ctx.db);
    const idle = await signIn(ctx.db, user.id);
    const old = await signIn(ctx.db, user.id);
    const live = await signIn(ctx.db, user.id);
    const hash = (cookie: string) => cookie.split('=')[1] ?? '';
    const { createHash } = await import('node:crypto');
    const sha = (secret: string) => createHash('sha256').update(secret).digest('hex');
    await ctx.db.query(`UPDATE sessions SET last_seen_at = now() - interval '3 hours' WHERE id_hash = $1`, [
      sha(hash(idle)),
    ]);
    await ctx.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1`, [
      sha(hash(old)),
    ]);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: idle } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: old } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: live } })).statusCode).toBe(200);
    await ctx.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: live } })).statusCode).toBe(401);
  });

  it('refuses cross-site state changes that carry the session cookie', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true });
    const cookie = await signIn(ctx.db, admin.id);
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/chains',
        headers: { cookie, ...headers },
        payload: buildChainInput(),
      });
    const crossSite = await post({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    expect((await post({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await post({ origin: 'null' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode).toBe(201);
    expect((await post({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    // Sign-in itself is protected too (login CSRF), reads are not affected.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { email: 'x@example.org', password: 'y' },
    });
    expect(login.statusCode).toBe(403);
    expect(
      (await app.inject({ url: '/api/v1/chains', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).statusCode,
    ).toBe(200);
  });

  it('marks the cookie Secure with the __Host- prefix and sends HSTS only behind HTTPS', async () => {
    const proxied = await createTestApp(ctx.db, { config: { trustProxy: true } });
    try {
      await buildUser(ctx.db, { email: 'https@example.org', password: PASSWORD });
      const secure = await proxied.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'https@example.org', password: PASSWORD },
      });
      expect(secure.statusCode).toBe(200);
      expect(String(secure.headers['set-cookie'])).toMatch(
        /^__Host-kr_session=[^;]+; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly; Secure$/,
      );
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
      const plain = await proxied.inject('/api/health');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // Without trusted proxies a forwarded scheme is ignored.
      expect(
        (await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers[
          'strict-transport-security'
        ],
      ).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });
});
