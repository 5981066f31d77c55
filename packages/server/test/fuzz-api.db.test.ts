/**
 * Fuzzing the JSON API with fast-check: every operation of the OpenAPI description that takes a
 * body gets hostile input — random JSON, deep nesting, huge strings, invalid UTF-8 bytes,
 * prototype-pollution keys — from a caller who may use it (an administrator who directs the
 * chain). Each answer must be a clean 4xx in the one error shape (or a success), never a 5xx; a
 * refused request must leave every table as it was; and the server must stay healthy.
 *
 * `KETENREGIE_FUZZ_RUNS` sets the number of cases per property (default 300; the closing note of
 * issue 5 reports a run with 100,000).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createChain } from '../src/services/chain-service.ts';
import { createLink } from '../src/services/link-service.ts';
import { createPartner } from '../src/services/partner-service.ts';
import { buildChainMember, buildUser, signIn } from './support/accounts.ts';
import { buildChainInput, buildLinkInput, buildPartnerInput } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

const RUNS = Number(process.env.KETENREGIE_FUZZ_RUNS ?? 300);

/** Tables whose rows a refused request must not change (the audit log and sign-in counters may grow by design). */
const SKIPPED_TABLES = new Set(['audit_log', 'login_failures', 'sessions', 'schema_migrations', 'app_state']);

interface Target {
  readonly operationId: string;
  readonly method: 'POST' | 'PUT' | 'PATCH';
  readonly url: string;
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
const hugeString = fc.integer({ min: 10_000, max: 1_300_000 }).map((n) => 'é'.repeat(Math.floor(n / 2)));

/** A JSON text that is hostile in one of several ways. */
const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      { version: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), name: fc.string(), slug: fc.string() },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.tuple(hostileKey, fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => `{"${key}": ${JSON.stringify(value)}}`),
  fc.tuple(hostileKey, hostileKey).map(([a, b]) => `{"name": "x", "${a}": {"${b}": {"polluted": true}}}`),
  fc.integer({ min: 100, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 100, max: 100_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  hugeString.map((s) => JSON.stringify({ name: s, slug: 'x', targetGroup: s, societalGoal: s, description: s })),
  fc.string({ maxLength: 200 }),
);

/** Raw bytes, often not UTF-8, sent as JSON. */
const hostileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc
    .tuple(fc.string({ maxLength: 50 }), fc.uint8Array({ minLength: 1, maxLength: 20 }))
    .map(([text, bytes]) =>
      Buffer.concat([Buffer.from(`{"name":"${text.replace(/["\\]/g, '')}`), Buffer.from(bytes), Buffer.from('"}')]),
    ),
  fc.constant(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  fc.constant(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
);

describeEachDatabase('fuzzing the JSON API', (ctx) => {
  let app: FastifyInstance;
  let targets: Target[] = [];
  let cookie = '';
  let fingerprintSql = '';

  beforeAll(async () => {
    app = await createTestApp(ctx.db, { logs: false });
    const tables = await ctx.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    fingerprintSql = `SELECT ${tables
      .filter((t) => !SKIPPED_TABLES.has(t.name))
      .map((t) => `(SELECT count(*) FROM "${t.name}")::text`)
      .join(` || ',' || `)} AS f`;
  });

  afterAll(async () => {
    await app.close();
  });

  async function prepare(): Promise<void> {
    const user = await buildUser(ctx.db, { isAdmin: true });
    const { chain } = await createChain(ctx.db, buildChainInput());
    const partner = await createPartner(ctx.db, chain.id, buildPartnerInput());
    const link = await createLink(ctx.db, chain.id, buildLinkInput([partner.id]));
    await buildChainMember(ctx.db, { chainId: chain.id, user, role: 'director' });
    cookie = await signIn(ctx.db, user.id);
    const doc = (await app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
    }>();
    targets = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody !== undefined)
        .map(([method, op]) => ({
          operationId: op.operationId,
          method: method.toUpperCase() as Target['method'],
          url: path.replace(/\{(\w+)\}/g, (_m, name: string) =>
            name === 'chainId'
              ? chain.id
              : name === 'partnerId'
                ? partner.id
                : name === 'linkId'
                  ? link.id
                  : name === 'key'
                    ? 'no-such-template'
                    : randomUUID(),
          ),
        })),
    );
  }

  async function fingerprint(): Promise<string> {
    const [row] = await ctx.db.query<{ f: string }>(fingerprintSql);
    return row?.f ?? '';
  }

  async function check(target: Target, payload: string | Buffer): Promise<void> {
    const before = await fingerprint();
    const response = await app.inject({
      method: target.method,
      url: target.url,
      headers: { cookie, 'content-type': 'application/json' },
      payload,
    });
    const where = `${target.operationId} ${String(payload).slice(0, 120)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
    expect(response.statusCode, where).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const body = response.json<{ error: { code: string; message: string; details: unknown[] } }>();
      expect(typeof body.error.code, where).toBe('string');
      expect(Array.isArray(body.error.details), where).toBe(true);
      expect(response.body, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      expect(await fingerprint(), `nothing written: ${where}`).toBe(before);
    }
    expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
  }

  it(`answers ${RUNS} hostile JSON bodies with clean 4xx, writing nothing`, async () => {
    await prepare();
    expect(targets.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: targets.length - 1 }), hostileJson, async (index, payload) => {
        await check(targets[index] as Target, payload);
      }),
      { numRuns: RUNS },
    );
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    console.info(
      `[ketenregie] fuzzed ${RUNS} hostile JSON bodies over ${targets.length} operations on ${ctx.kind}; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    );
  }, 3_600_000);

  it(`answers ${RUNS} bodies of invalid UTF-8 bytes with clean 4xx, writing nothing`, async () => {
    await prepare();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: targets.length - 1 }), hostileBytes, async (index, payload) => {
        await check(targets[index] as Target, payload);
      }),
      { numRuns: RUNS },
    );
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    console.info(
      `[ketenregie] fuzzed ${RUNS} byte bodies over ${targets.length} operations on ${ctx.kind}; heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    );
  }, 3_600_000);

  it(`answers ${RUNS} hostile credentials (cookies, bearer tokens, origins) with 401/403/404, never more`, async () => {
    await prepare();
    const header = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 60 }).map((s) => `kr_session=${s}`),
      fc.constantFrom(`kr_session=${'a'.repeat(43)}`, '__Host-kr_session=x; kr_session=y', 'kr_session=;;;='),
    );
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 100 }).map((s) => `Bearer ${s}`),
      fc.constantFrom(`Bearer krt_${'z'.repeat(43)}`, 'Bearer', 'Basic dXNlcjpwYXNz', 'bearer  krt_'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: targets.length - 1 }),
        header,
        authorization,
        fc.option(fc.constantFrom('cross-site', 'same-site', 'none', 'same-origin', '')),
        async (index, cookieHeader, auth, site) => {
          const target = targets[index] as Target;
          const headers: Record<string, string> = { cookie: cookieHeader.replace(/[\r\n]/g, '') };
          if (auth !== undefined) {
            headers.authorization = auth.replace(/[\r\n]/g, '');
          }
          if (site !== null) {
            headers['sec-fetch-site'] = site;
          }
          const response = await app.inject({ method: target.method, url: target.url, headers, payload: {} });
          const where = `${target.operationId} ${JSON.stringify(headers)} → ${response.statusCode} ${response.body.slice(0, 160)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (!['signIn', 'acceptInvitation'].includes(target.operationId)) {
            expect([400, 401, 403, 404], where).toContain(response.statusCode);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  }, 3_600_000);
});
