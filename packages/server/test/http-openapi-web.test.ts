import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase, type PgliteDatabase } from '../src/db/open-pglite.ts';
import { createFakeWebDist, createTestApp } from './support/test-app.ts';

/** Every operation of the contract in docs/architecture.md. */
const CONTRACT = [
  'GET /api/health',
  'GET /api/v1/chains',
  'POST /api/v1/chains',
  'GET /api/v1/chains/{chainId}',
  'PATCH /api/v1/chains/{chainId}',
  'DELETE /api/v1/chains/{chainId}',
  'POST /api/v1/chains/{chainId}/partners',
  'PATCH /api/v1/chains/{chainId}/partners/{partnerId}',
  'DELETE /api/v1/chains/{chainId}/partners/{partnerId}',
  'POST /api/v1/chains/{chainId}/links',
  'PATCH /api/v1/chains/{chainId}/links/{linkId}',
  'DELETE /api/v1/chains/{chainId}/links/{linkId}',
  'PUT /api/v1/chains/{chainId}/links/order',
  'GET /api/v1/chains/{chainId}/model',
  'POST /api/v1/chain-models',
  'GET /api/v1/templates',
  'POST /api/v1/templates/{key}/chains',
  'POST /api/v1/session',
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'GET /api/v1/invitations/{token}',
  'POST /api/v1/invitations/{token}/accept',
  'GET /api/v1/chains/{chainId}/members',
  'DELETE /api/v1/chains/{chainId}/members/{memberId}',
  'GET /api/v1/chains/{chainId}/invitations',
  'POST /api/v1/chains/{chainId}/invitations',
  'DELETE /api/v1/chains/{chainId}/invitations/{invitationId}',
  'GET /api/v1/chains/{chainId}/tokens',
  'POST /api/v1/chains/{chainId}/tokens',
  'DELETE /api/v1/chains/{chainId}/tokens/{tokenId}',
  'GET /api/v1/chains/{chainId}/privacy',
  'PUT /api/v1/chains/{chainId}/privacy',
  'GET /api/v1/chains/{chainId}/audit',
  'GET /api/v1/organisations',
  'POST /api/v1/organisations',
  'GET /api/v1/admin/users',
  'PATCH /api/v1/admin/users/{userId}',
  'POST /api/v1/admin/invitations',
  'POST /api/v1/admin/chains/{chainId}/members',
  'GET /api/v1/admin/audit',
];

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

// The app itself never touches the database in these tests; an unmigrated in-memory PGlite is enough.
let db: PgliteDatabase;
beforeAll(async () => {
  db = await openPgliteDatabase({ dataDir: null });
});
afterAll(async () => {
  await db.close();
});

describe('OpenAPI description', () => {
  let app: FastifyInstance;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: object } };
  beforeAll(async () => {
    app = await createTestApp(db);
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is OpenAPI 3.1 and lists every route of the contract', () => {
    expect(doc.openapi).toBe('3.1.0');
    const listed = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Routes of other parts (governance, flow analysis) come on top; the access matrix test covers every route listed.
    expect(listed).toEqual(expect.arrayContaining(CONTRACT));
  });

  it('describes the input and the output of every operation', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        expect(success.length, where).toBe(1);
        const [status, response] = success[0]!;
        if (status !== '204') {
          expect(response.content?.['application/json']?.schema, where).toBeDefined();
        }
        if (['post', 'patch', 'put'].includes(method)) {
          expect(operation.requestBody?.content['application/json']?.schema, where).toBeDefined();
        }
      }
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ChainDetail', 'ErrorResponse']));
  });
});

describe('web app serving', () => {
  let webDist: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    webDist = await createFakeWebDist();
    app = await createTestApp(db, { webDist });
  });
  afterAll(async () => {
    await app.close();
    await rm(webDist, { recursive: true, force: true });
  });

  it('serves index.html at / and for the routes of the single-page app', async () => {
    for (const url of ['/', '/chains/acute-zorg/partners', '/nl/keten?tab=2']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime and 404s missing files', async () => {
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject('/assets/gone-123.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('not_found');
  });

  it('never answers an API path with the web app', async () => {
    const response = await app.inject('/api/v2/anything');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('sends security headers with a CSP that allows only the app’s own scripts', async () => {
    const response = await app.inject('/');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('web app not built', () => {
  it('answers page requests with a 503 page that says how to build it', async () => {
    const app = await createTestApp(db);
    try {
      const response = await app.inject('/chains');
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('npm run build:web');
      expect((await app.inject('/api/nope')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
