import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEntriesToCsv, recordCaseLevelRead } from '../src/services/audit-service.ts';
import { createChain } from '../src/services/chain-service.ts';
import { buildChainMember, buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildChainInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

interface Entry {
  action: string;
  actorLabel: string;
  actorType: string;
  targetType: string;
  chainId: string | null;
  details: Record<string, unknown>;
}

describeEachDatabase('audit log', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  it('records every change with who, from which organisation and on which chain; directors read it', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true, email: 'beheer@example.org' });
    const asAdmin = injectAs(app, await signIn(ctx.db, admin.id));
    const created = await asAdmin({ method: 'POST', url: '/api/v1/chains', payload: buildChainInput() });
    const chainId = created.json<{ chain: { id: string } }>().chain.id;
    await asAdmin({ method: 'PATCH', url: `/api/v1/chains/${chainId}`, payload: { version: 1, name: 'Nieuw' } });
    await asAdmin({ method: 'POST', url: `/api/v1/chains/${chainId}/partners`, payload: buildPartnerInput() });
    await asAdmin({ method: 'PUT', url: `/api/v1/chains/${chainId}/privacy`, payload: { smallCellThreshold: 10 } });
    // A change that fails leaves no trace.
    const refused = await asAdmin({
      method: 'PATCH',
      url: `/api/v1/chains/${chainId}`,
      payload: { version: 1, name: 'Oud' },
    });
    expect(refused.statusCode).toBe(409);

    const response = await asAdmin(`/api/v1/chains/${chainId}/audit`);
    expect(response.statusCode).toBe(200);
    const entries = response.json<Entry[]>();
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'chain.create',
      'member.grant',
      'chain.update',
      'partner.create',
      'privacy.update',
      'audit.read',
    ]);
    expect(entries.every((e) => e.chainId === chainId && e.actorLabel === 'beheer@example.org')).toBe(true);
    expect(entries.find((e) => e.action === 'chain.update')?.details).toEqual({ fields: ['name'] });
    expect(entries.find((e) => e.action === 'chain.update')).toMatchObject({ actorType: 'user' });
  });

  it('lets only the chain’s directors read it, and hides other chains', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const { chain: other } = await createChain(ctx.db, buildChainInput());
    for (const role of ['partner', 'viewer', 'analyst'] as const) {
      const user = await buildUser(ctx.db);
      if (role === 'partner') {
        const partner = await ctx.db.query<{ id: string }>(
          `INSERT INTO partners (chain_id, key, name, sector, roles, interest_level, influence, commitment)
           VALUES ($1, 'p', 'P', 'other', '{executor}', 3, 3, 3) RETURNING id`,
          [chain.id],
        );
        await buildChainMember(ctx.db, { chainId: chain.id, user, role, partnerId: partner[0]?.id ?? '' });
      } else {
        await buildChainMember(ctx.db, { chainId: chain.id, user, role });
      }
      expect((await injectAs(app, await signIn(ctx.db, user.id))(`/api/v1/chains/${chain.id}/audit`)).statusCode).toBe(
        403,
      );
    }
    const director = await buildUser(ctx.db);
    await buildChainMember(ctx.db, { chainId: chain.id, user: director, role: 'director' });
    const asDirector = injectAs(app, await signIn(ctx.db, director.id));
    expect((await asDirector(`/api/v1/chains/${chain.id}/audit`)).statusCode).toBe(200);
    expect((await asDirector(`/api/v1/chains/${other.id}/audit`)).statusCode).toBe(404);
  });

  it('exports CSV that a spreadsheet cannot execute', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    const director = await buildUser(ctx.db, { email: 'regie@example.org' });
    await buildChainMember(ctx.db, { chainId: chain.id, user: director, role: 'director' });
    await recordCaseLevelRead(ctx.db, { kind: 'system', label: '=HYPERLINK("http://evil")' }, chain.id, 'violations', {
      count: 3,
    });
    const response = await injectAs(
      app,
      await signIn(ctx.db, director.id),
    )(`/api/v1/chains/${chain.id}/audit?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="audit-${chain.slug}.csv"`);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,actorType,actor,organisation,action,targetType,targetId,details');
    expect(lines.find((l) => l.includes('flow.cases.read'))).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(auditEntriesToCsv([])).toBe(
      'id,occurredAt,actorType,actor,organisation,action,targetType,targetId,details\r\n',
    );
  });

  it('cannot be changed, deleted or emptied, not even with SQL', async () => {
    const { chain } = await createChain(ctx.db, buildChainInput());
    await expect(ctx.db.query('UPDATE audit_log SET action = $1 WHERE chain_id = $2', ['x', chain.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.db.query('DELETE FROM audit_log WHERE chain_id = $1', [chain.id])).rejects.toThrow(/append-only/);
    await expect(ctx.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // Deleting the chain keeps its history.
    const { deleteChain } = await import('../src/services/chain-service.ts');
    await deleteChain(ctx.db, chain.id, 1);
    const rows = await ctx.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE chain_id = $1 ORDER BY id',
      [chain.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['chain.create', 'chain.delete']);
  });

  it('records sign-ins, failed sign-ins and the administrator’s view of the whole log', async () => {
    const admin = await buildUser(ctx.db, { isAdmin: true, password: 'a long enough passphrase' });
    await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: admin.email, password: 'wrong one' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: admin.email, password: 'a long enough passphrase' },
    });
    const asAdmin = injectAs(app, await signIn(ctx.db, admin.id));
    const log = (await asAdmin('/api/v1/admin/audit?limit=50')).json<Entry[]>();
    expect(log.map((e) => e.action).slice(0, 3)).toEqual(['audit.read', 'session.sign_in', 'session.sign_in_failed']);
  });
});
