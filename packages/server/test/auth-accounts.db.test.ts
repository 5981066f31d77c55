import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoUser, makeDemoUserDirector } from '../src/auth/demo-user-service.ts';
import { prepareAdministratorSetup } from '../src/auth/setup-service.ts';
import { createChain } from '../src/services/chain-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildChainMember, buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildChainInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const PASSWORD = 'a long enough passphrase';

describeEachDatabase('invitations, API tokens and the first start', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  async function chainWithDirector() {
    const director = await buildUser(ctx.db);
    const { chain } = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(ctx.db, chain.id, buildPartnerInput({ name: 'GGD Oost' }));
    await buildChainMember(ctx.db, { chainId: chain.id, user: director, role: 'director' });
    return { chain, partner, director, as: injectAs(app, await signIn(ctx.db, director.id)) };
  }

  it('invites a partner contact by a single-use link that creates the account and grants the role', async () => {
    const { chain, partner, as } = await chainWithDirector();
    const created = await as({
      method: 'POST',
      url: `/api/v1/chains/${chain.id}/invitations`,
      payload: { email: 'Contact@GGD.example', role: 'partner', partnerId: partner.id },
    });
    expect(created.statusCode).toBe(201);
    const { url, invitation } = created.json<{
      url: string;
      invitation: { email: string; organisationName: string };
    }>();
    expect(invitation).toMatchObject({ email: 'contact@ggd.example', organisationName: 'GGD Oost' });
    const token = url.split('/invitations/')[1] ?? '';
    expect(url).toBe(`http://localhost:80/invitations/${token}`);
    expect(JSON.stringify(await ctx.db.query('SELECT * FROM invitations'))).not.toContain(token);

    const preview = await app.inject(`/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email: 'contact@ggd.example', role: 'partner', accountExists: false });

    const accept = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/accept`,
        payload: { displayName: 'Contactpersoon GGD', password: PASSWORD },
      });
    const accepted = await accept();
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: 'contact@ggd.example', isAdmin: false },
      chains: [{ chainId: chain.id, roles: ['partner'], partnerIds: [partner.id] }],
    });
    expect(String(accepted.headers['set-cookie'])).toMatch(/^kr_session=/);

    const again = await accept();
    expect(again.statusCode).toBe(404);
    expect((await app.inject(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'contact@ggd.example', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses expired and revoked invitations, and a short password for a new account', async () => {
    const { chain, as } = await chainWithDirector();
    const organisation = (await as({ url: '/api/v1/organisations' })).json<{ id: string }[]>()[0];
    const invite = async () =>
      (
        await as({
          method: 'POST',
          url: `/api/v1/chains/${chain.id}/invitations`,
          payload: { email: 'viewer@example.org', role: 'viewer', organisationId: organisation?.id },
        })
      ).json<{ url: string; invitation: { id: string } }>();
    const short = await invite();
    const weak = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${short.url.split('/invitations/')[1]}/accept`,
      payload: { displayName: 'Bestuurder', password: 'kort' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path).toBe('password');

    await ctx.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      short.invitation.id,
    ]);
    expect((await app.inject(short.url.replace('http://localhost:80', '/api/v1'))).statusCode).toBe(404);

    const revoked = await invite();
    expect((await as({ url: `/api/v1/chains/${chain.id}/invitations` })).json()).toHaveLength(1);
    expect(
      (await as({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/invitations/${revoked.invitation.id}` }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject(`/api/v1/invitations/${revoked.url.split('/invitations/')[1]}`)).statusCode).toBe(404);
  });

  it('lets a token act only on its own chain and purpose, and stops it when revoked', async () => {
    const { chain, partner, as } = await chainWithDirector();
    const other = await chainWithDirector();
    const created = await as({
      method: 'POST',
      url: `/api/v1/chains/${chain.id}/tokens`,
      payload: { name: 'Bronsysteem GGD', partnerId: partner.id, purpose: 'events' },
    });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json<{ token: string; apiToken: { id: string; prefix: string } }>();
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect((await as({ url: `/api/v1/chains/${chain.id}/tokens` })).body).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: `/api/v1/chains/${chain.id}`, headers: bearer })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/chains/${other.chain.id}`, headers: bearer })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/chains', headers: bearer })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/session', headers: bearer })).statusCode).toBe(403);

    expect((await as({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/tokens/${apiToken.id}` })).statusCode).toBe(
      204,
    );
    const revoked = await app.inject({ url: `/api/v1/chains/${chain.id}`, headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/chains', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('keeps the last director of a chain', async () => {
    const { chain, as } = await chainWithDirector();
    const members = (await as({ url: `/api/v1/chains/${chain.id}/members` })).json<{ id: string; role: string }[]>();
    expect(members.map((m) => m.role)).toEqual(['director']);
    const refused = await as({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/members/${members[0]?.id}` });
    expect(refused.statusCode).toBe(409);
  });

  it('lets an administrator invite a director, who then sees only that chain', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true });
    const asAdmin = injectAs(app, await signIn(ctx.db, admin.id));
    const organisation = await asAdmin({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name: 'Veiligheidsregio' },
    });
    expect(organisation.statusCode).toBe(201);
    const created = await asAdmin({
      method: 'POST',
      url: '/api/v1/chains',
      payload: buildChainInput({ slug: 'nieuwe-keten' }),
    });
    expect(created.statusCode).toBe(201);
    await createChain(ctx.db, buildChainInput({ slug: 'andere-keten' }));
    const invitation = await asAdmin({
      method: 'POST',
      url: '/api/v1/admin/invitations',
      payload: {
        email: 'regisseur@vr.example',
        organisationId: organisation.json<{ id: string }>().id,
        chain: { chainId: 'nieuwe-keten', role: 'director' },
      },
    });
    expect(invitation.statusCode).toBe(201);
    const url = invitation.json<{ url: string }>().url;
    const accepted = await app.inject({
      method: 'POST',
      url: url.replace('http://localhost:80/invitations/', '/api/v1/invitations/') + '/accept',
      payload: { displayName: 'Regisseur', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    const cookie = String(accepted.headers['set-cookie']).split(';')[0] ?? '';
    const chains = (await app.inject({ url: '/api/v1/chains', headers: { cookie } })).json<{ slug: string }[]>();
    expect(chains.map((c) => c.slug)).toEqual(['nieuwe-keten']);
    expect((await app.inject({ url: '/api/v1/chains/andere-keten', headers: { cookie } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/admin/users', headers: { cookie } })).statusCode).toBe(403);
  });

  it('sets up the first administrator through the one-time link printed at start-up', async () => {
    const token = await prepareAdministratorSetup(ctx.db);
    expect(token).not.toBeNull();
    const page = await app.inject(`/setup/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<form method="post">');
    expect((await app.inject('/setup/not-the-token')).statusCode).toBe(404);

    const form = new URLSearchParams({
      email: 'beheer@gemeente.example',
      displayName: 'Beheerder',
      organisationName: 'Gemeente',
      password: PASSWORD,
    });
    const done = await app.inject({
      method: 'POST',
      url: `/setup/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
      payload: form.toString(),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    const cookie = String(done.headers['set-cookie']).split(';')[0] ?? '';
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).json()).toMatchObject({
      user: { email: 'beheer@gemeente.example', isAdmin: true },
    });
    expect((await app.inject(`/setup/${token}`)).statusCode).toBe(404);
    expect(await prepareAdministratorSetup(ctx.db)).toBeNull();
  });

  it('signs loopback browsers in as the demo director until an administrator has a password', async () => {
    const demoApp = await createTestApp(ctx.db, { config: { demoLogin: 'auto' } });
    try {
      const { chain } = await createChain(ctx.db, buildChainInput());
      await ensureDemoUser(ctx.db);
      await makeDemoUserDirector(ctx.db, [chain.id]);

      const first = await demoApp.inject('/api/v1/session');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        user: { isDemo: true, isAdmin: true },
        chains: [{ chainId: chain.id, roles: ['director'] }],
      });
      const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
      expect(cookie).toMatch(/^kr_session=/);
      expect(
        (await demoApp.inject({ url: '/api/v1/session', headers: { cookie } })).headers['set-cookie'],
      ).toBeUndefined();

      // Not via a proxy, not for another host name (DNS rebinding), not from another machine, not for public routes.
      expect(
        (await demoApp.inject({ url: '/api/v1/session', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode,
      ).toBe(401);
      expect(
        (await demoApp.inject({ url: '/api/v1/session', headers: { host: 'evil.example:3000' } })).statusCode,
      ).toBe(401);
      expect((await demoApp.inject({ url: '/api/v1/session', remoteAddress: '192.168.1.20' })).statusCode).toBe(401);
      expect((await demoApp.inject('/api/health')).headers['set-cookie']).toBeUndefined();

      // After signing out this browser stays signed out.
      const out = await demoApp.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
      const off = String(out.headers['set-cookie']).match(/kr_demo_off=1/)?.[0] ?? '';
      expect(off).toBe('kr_demo_off=1');
      expect((await demoApp.inject({ url: '/api/v1/session', headers: { cookie: off } })).statusCode).toBe(401);

      // Once an administrator can sign in with a password, the automatic sign-in stops.
      await buildUser(ctx.db, { isAdmin: true, password: PASSWORD });
      expect((await demoApp.inject('/api/v1/session')).statusCode).toBe(401);
      // The demo user itself can never sign in with a password.
      const demoLogin = await demoApp.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'demo-ketenregisseur@ketenregie.invalid', password: PASSWORD },
      });
      expect(demoLogin.statusCode).toBe(401);
    } finally {
      await demoApp.close();
    }
  });
});
