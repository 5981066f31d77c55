import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChainDetail, Link, Partner } from '@ketenregie/core';
import { SERVER_VERSION } from '../src/app.ts';
import { buildSignedInAdmin } from './support/accounts.ts';
import { buildChainInput, buildModel, buildPartnerInput } from './support/fixtures.ts';
import { createBrokenDatabase, createTestApp, type LogEntry } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describeEachDatabase('HTTP API', (ctx) => {
  let app: FastifyInstance;
  let inject: (options: string | InjectOptions) => Promise<LightMyRequestResponse>;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });
  // Everything below acts as a signed-in administrator, who becomes director of the chains they create.
  beforeEach(async () => {
    ({ inject } = await buildSignedInAdmin(ctx.db, app));
  });

  async function createChainViaApi(overrides = {}): Promise<ChainDetail> {
    const response = await inject({ method: 'POST', url: '/api/v1/chains', payload: buildChainInput(overrides) });
    expect(response.statusCode).toBe(201);
    return response.json<ChainDetail>();
  }

  it('reports health with the database kind and version', async () => {
    const response = await inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: { kind: ctx.kind, ok: true }, version: SERVER_VERSION });
  });

  it('creates, reads, lists, updates and deletes a chain', async () => {
    const created = await createChainViaApi({ slug: 'api-keten' });
    expect(created.chain).toMatchObject({ slug: 'api-keten', version: 1 });
    expect((await inject('/api/v1/chains/api-keten')).json<ChainDetail>().chain.id).toBe(created.chain.id);
    expect((await inject('/api/v1/chains')).json()).toHaveLength(1);

    const patched = await inject({
      method: 'PATCH',
      url: `/api/v1/chains/${created.chain.id}`,
      payload: { version: 1, name: 'Andere naam' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<ChainDetail>().chain).toMatchObject({ name: 'Andere naam', version: 2 });

    const deleted = await inject({ method: 'DELETE', url: `/api/v1/chains/${created.chain.id}?version=2` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await inject(`/api/v1/chains/${created.chain.id}`)).statusCode).toBe(404);
  });

  it('answers 400 naming the missing field', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/chains',
      payload: { slug: 'zonder-naam', targetGroup: 'x', societalGoal: 'y' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The body is not valid',
        details: [{ path: 'name', message: 'Invalid input: expected string, received undefined' }],
      },
    });
  });

  it('answers 400 with the nested path of the field, without a leading slash', async () => {
    const model = buildModel();
    (model.partners[0] as { name: string }).name = ' ';
    const response = await inject({ method: 'POST', url: '/api/v1/chain-models', payload: model });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The body is not valid',
        details: [{ path: 'partners.0.name', message: 'Too small: expected string to have >=1 characters' }],
      },
    });
  });

  it('answers 400 naming partnerIds.0 when a link names a partner of another chain', async () => {
    const mine = await createChainViaApi();
    const other = await createChainViaApi();
    const foreign = (
      await inject({
        method: 'POST',
        url: `/api/v1/chains/${other.chain.id}/partners`,
        payload: buildPartnerInput(),
      })
    ).json<Partner>();
    const response = await inject({
      method: 'POST',
      url: `/api/v1/chains/${mine.chain.id}/links`,
      payload: { key: 'schakel', name: 'Schakel', partnerIds: [foreign.id] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The link names partners or links that are not part of this chain',
        details: [{ path: 'partnerIds.0', message: `no partner with id "${foreign.id}" in this chain` }],
      },
    });
  });

  it('answers 400 naming version when a delete has no ?version', async () => {
    const { chain } = await createChainViaApi();
    const response = await inject({ method: 'DELETE', url: `/api/v1/chains/${chain.id}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The query string is not valid',
        details: [{ path: 'version', message: 'the version you are deleting is required, e.g. ?version=3' }],
      },
    });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/chains',
      headers: { 'content-type': 'application/json' },
      payload: '{"slug": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('answers 404 for unknown chains, malformed ids and unknown API paths', async () => {
    const { chain } = await createChainViaApi();
    const notFoundChain = { error: { code: 'not_found', message: 'Chain not found', details: [] } };
    expect((await inject('/api/v1/chains/no-such-chain')).json()).toEqual(notFoundChain);
    const unknownUuid = await inject('/api/v1/chains/00000000-0000-4000-8000-000000000000');
    expect(unknownUuid.statusCode).toBe(404);

    const malformedPartner = await inject({
      method: 'PATCH',
      url: `/api/v1/chains/${chain.id}/partners/not-a-uuid`,
      payload: { version: 1 },
    });
    expect(malformedPartner.statusCode).toBe(404);
    expect(malformedPartner.json()).toEqual({
      error: { code: 'not_found', message: 'Partner not found', details: [] },
    });

    const malformedLink = await inject({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/links/xyz?version=1` });
    expect(malformedLink.json()).toEqual({ error: { code: 'not_found', message: 'Link not found', details: [] } });

    const unknownPath = await inject('/api/v1/nothing-here?x=1');
    expect(unknownPath.statusCode).toBe(404);
    expect(unknownPath.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/v1/nothing-here', details: [] },
    });
    expect((await inject({ method: 'POST', url: '/elsewhere' })).statusCode).toBe(404);
  });

  it('answers 409 version_conflict to the second update from the same version', async () => {
    const { chain } = await createChainViaApi();
    const update = (name: string) =>
      inject({ method: 'PATCH', url: `/api/v1/chains/${chain.id}`, payload: { version: 1, name } });
    expect((await update('Eerste')).statusCode).toBe(200);
    const second = await update('Tweede');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({
      error: {
        code: 'version_conflict',
        message:
          'Chain was changed by someone else (you edited version 1, the current version is 2); reload and apply your change again',
        details: [{ path: 'version', message: 'expected 2, got 1' }],
      },
    });
  });

  it('answers 409 conflict when the slug is taken', async () => {
    await createChainViaApi({ slug: 'bezet' });
    const response = await inject({
      method: 'POST',
      url: '/api/v1/chains',
      payload: buildChainInput({ slug: 'bezet' }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: 'conflict',
        message: 'The slug "bezet" is already used by another chain',
        details: [{ path: 'slug', message: 'another chain already uses this slug' }],
      },
    });
  });

  it('answers 409 when deleting a partner that a link names, and 204 once it is free', async () => {
    const { chain } = await createChainViaApi();
    const partner = (
      await inject({ method: 'POST', url: `/api/v1/chains/${chain.slug}/partners`, payload: buildPartnerInput() })
    ).json<Partner>();
    const link = (
      await inject({
        method: 'POST',
        url: `/api/v1/chains/${chain.slug}/links`,
        payload: { key: 'melding', name: 'Melding', partnerIds: [partner.id] },
      })
    ).json<Link>();
    const refused = await inject({
      method: 'DELETE',
      url: `/api/v1/chains/${chain.id}/partners/${partner.id}?version=1`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('conflict');
    expect(
      (await inject({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/links/${link.id}?version=1` })).statusCode,
    ).toBe(204);
    expect(
      (await inject({ method: 'DELETE', url: `/api/v1/chains/${chain.id}/partners/${partner.id}?version=1` }))
        .statusCode,
    ).toBe(204);
  });

  it('reorders links and refuses an order that is not a permutation', async () => {
    const detail = (
      await inject({ method: 'POST', url: '/api/v1/chain-models', payload: buildModel() })
    ).json<ChainDetail>();
    const ids = detail.links.map((l) => l.id);
    const reordered = await inject({
      method: 'PUT',
      url: `/api/v1/chains/${detail.chain.id}/links/order`,
      payload: { linkIds: [ids[0], ids[2], ids[1], ids[3]] },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json<Link[]>().map((l) => l.key)).toEqual(['melding', 'seh', 'rit', 'ok']);
    const refused = await inject({
      method: 'PUT',
      url: `/api/v1/chains/${detail.chain.id}/links/order`,
      payload: { linkIds: ids.slice(1) },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('exports the portable model and imports it again', async () => {
    const detail = (
      await inject({ method: 'POST', url: '/api/v1/chain-models', payload: buildModel() })
    ).json<ChainDetail>();
    const exported = await inject(`/api/v1/chains/${detail.chain.slug}/model`);
    expect(exported.statusCode).toBe(200);
    const model = exported.json<{ chain: { slug: string } }>();
    expect(model).toEqual(buildModel());
    model.chain.slug = 'tweede';
    expect((await inject({ method: 'POST', url: '/api/v1/chain-models', payload: model })).statusCode).toBe(201);
  });

  it('lists the templates and creates a chain from one', async () => {
    const list = await inject('/api/v1/templates');
    expect(list.statusCode).toBe(200);
    const templates = list.json<{ key: string; partners: number; links: number }[]>();
    expect(templates.map((t) => t.key)).toEqual(expect.arrayContaining(['emergency-care', 'youth-protection']));
    const care = templates.find((t) => t.key === 'emergency-care');
    expect(care?.partners).toBeGreaterThan(0);
    expect(care?.links).toBeGreaterThan(0);

    const created = await inject({ method: 'POST', url: '/api/v1/templates/youth-protection/chains', payload: {} });
    expect(created.statusCode).toBe(201);
    const again = await inject({ method: 'POST', url: '/api/v1/templates/youth-protection/chains', payload: {} });
    expect(again.statusCode).toBe(409);
    const renamed = await inject({
      method: 'POST',
      url: '/api/v1/templates/youth-protection/chains',
      payload: { slug: 'jeugd-noord', name: 'Jeugdbescherming Noord' },
    });
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json<ChainDetail>().chain).toMatchObject({ slug: 'jeugd-noord', name: 'Jeugdbescherming Noord' });
    const unknown = await inject({ method: 'POST', url: '/api/v1/templates/nope/chains', payload: {} });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/chains',
      payload: { ...buildChainInput(), description: 'x'.repeat(1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than the server accepts', details: [] },
    });
  });
});

describe('HTTP API when the database fails', () => {
  const logs: LogEntry[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(createBrokenDatabase('postgres', 'connection to 10.0.0.7 lost; password=hunter2'), {
      logs,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 500 internal without stack or internal message, and logs the error', async () => {
    // A session cookie makes the server ask the (broken) database who the caller is.
    const response = await app.inject({
      url: '/api/v1/chains',
      headers: { cookie: `kr_session=${'a'.repeat(43)}` },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on the server; the error has been logged',
        details: [],
      },
    });
    expect(response.body).not.toMatch(/hunter2|10\.0\.0\.7|stack|at /);
    const logged = logs.find((entry) => entry.level === 'error');
    expect(
      JSON.stringify(logged?.args[0], (_key, value: unknown) => (value instanceof Error ? value.message : value)),
    ).toContain('hunter2');
  });

  it('reports 503 on the health check', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      status: 'unavailable',
      database: { kind: 'postgres', ok: false },
      version: SERVER_VERSION,
    });
  });
});
