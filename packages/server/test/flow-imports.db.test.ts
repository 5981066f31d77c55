import type { ChainDetail } from '@ketenregie/core';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorResponse } from '../src/http/error-response.ts';
import type { flowSummarySchema } from '../src/flow/schemas/analysis-schemas.ts';
import type { CreatedFlowImport } from '../src/flow/schemas/import-schemas.ts';
import { isPseudonym, pseudonymiseIdentifier } from '../src/importers/pseudonymise-identifier.ts';
import { createTestApp, type LogEntry } from './support/test-app.ts';
import type { injectAs } from './support/accounts.ts';
import { buildFlowChain, buildMember, chainKey, partnerId, upload, useTestMasterKey } from './support/flow-fixtures.ts';
import { describeEachDatabase } from './support/test-databases.ts';

type Summary = z.output<typeof flowSummarySchema>;

/** A log argument as pino's standard serialisers write it: requests by method and URL, errors by message. */
function asPinoWouldLog(arg: unknown): unknown {
  if (typeof arg !== 'object' || arg === null) return arg;
  return Object.fromEntries(
    Object.entries(arg).map(([key, value]: [string, unknown]) => {
      if (key === 'req' && typeof value === 'object' && value !== null) {
        const { method, url } = value as { method?: unknown; url?: unknown };
        return [key, { method, url }];
      }
      if (key === 'res' && typeof value === 'object' && value !== null) {
        return [key, { statusCode: (value as { statusCode?: unknown }).statusCode }];
      }
      if (value instanceof Error)
        return [key, { message: value.message, details: (value as { details?: unknown }).details }];
      return [key, value];
    }),
  );
}

/** The dispatch centre's extract: BSNs written three ways, a Dutch date format, ; as delimiter. */
const MELDKAMER_CSV = `bsn;handeling;tijdstip
123.456.782;Call received;01-03-2025 10:00
123456782;Dispatch;01-03-2025 10:02
12345678;Call received;01-03-2025 23:10
012 345 678;Dispatch;01-03-2025 23:12
999999990;Call received;02-03-2025 08:00
`;

/** The hospital's extract of the same patients, comma-separated with ISO times. */
const ZIEKENHUIS_CSV = `case_id,activity,timestamp
123456782,Triage,2025-03-01T10:40:00+01:00
123456782,Surgery start,2025-03-01T10:55:00+01:00
012345678,Triage,2025-03-01T23:50:00+01:00
012345678,Surgery start,2025-03-02T00:40:00+01:00
`;

const MELDKAMER_MAPPING = {
  caseColumn: 'bsn',
  activityColumn: 'handeling',
  timestampColumn: 'tijdstip',
  delimiter: 'semicolon',
};

describeEachDatabase('flow imports', (ctx) => {
  let app: FastifyInstance;
  const logs: LogEntry[] = [];
  let chain: ChainDetail;
  let director: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    app = await createTestApp(ctx.db, { logs });
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    useTestMasterKey(ctx.db);
    chain = await buildFlowChain(ctx.db);
    director = await buildMember(ctx.db, app, chain, 'director');
  });

  const importMeldkamer = (body = MELDKAMER_CSV, extra: Record<string, string> = {}) =>
    upload(director, chain.chain.id, body, {
      partnerId: partnerId(chain, 'meldkamer'),
      fileName: 'meldkamer-maart.csv',
      ...MELDKAMER_MAPPING,
      ...extra,
    });

  it('stores only pseudonyms: the same for every way of writing a BSN, never the BSN itself', async () => {
    const response = await importMeldkamer();
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      partner: { key: 'meldkamer' },
      source: 'csv',
      fileName: 'meldkamer-maart.csv',
      eventCount: 5,
      caseCount: 3,
      duplicatesSkipped: 0,
      keyVersion: 1,
    });
    const rows = await ctx.db.query<{ case_id: string }>('SELECT DISTINCT case_id FROM events ORDER BY case_id');
    const key = await chainKey(ctx.db, chain.chain.id);
    expect(rows.map((r) => r.case_id)).toEqual(
      ['123456782', '012345678', '999999990'].map((bsn) => pseudonymiseIdentifier(key, bsn)).sort(),
    );
    expect(rows.every((r) => isPseudonym(r.case_id))).toBe(true);
    const everything = JSON.stringify([
      await ctx.db.query('SELECT * FROM events'),
      await ctx.db.query('SELECT * FROM event_imports'),
      await ctx.db.query('SELECT * FROM audit_log'),
      logs.map((entry) => entry.args.map(asPinoWouldLog)),
    ]);
    for (const bsn of ['123456782', '123.456.782', '12345678', '012345678', '999999990']) {
      expect(everything).not.toContain(bsn);
    }
  });

  it('links the extracts of several partners by pseudonym into one log', async () => {
    expect((await importMeldkamer()).statusCode).toBe(201);
    const hospital = await upload(director, chain.chain.id, ZIEKENHUIS_CSV, {
      partnerId: partnerId(chain, 'ziekenhuis'),
      fileName: 'seh.csv',
    });
    expect(hospital.statusCode).toBe(201);
    const cases = await ctx.db.query<{ case_id: string; partners: number; events: number }>(
      `SELECT case_id, count(DISTINCT partner_id)::int AS partners, count(*)::int AS events
         FROM events GROUP BY case_id ORDER BY events DESC`,
    );
    expect(cases.map((c) => [c.partners, c.events])).toEqual([
      [2, 4],
      [2, 4],
      [1, 1],
    ]);
    const summary = await director(`/api/v1/chains/${chain.chain.id}/flow/summary`);
    expect(summary.json()).toMatchObject({ cases: 3, events: 9, imports: 2 });
  });

  it('refuses the same file twice with a clear message, and skips events stored already', async () => {
    expect((await importMeldkamer()).statusCode).toBe(201);
    const again = await importMeldkamer();
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorResponse>().error.message).toMatch(/imported before for Meldkamer Ambulancezorg/);
    const overlapping = await importMeldkamer(`${MELDKAMER_CSV}555555555;Call received;03-03-2025 09:00\n`, {
      fileName: 'meldkamer-maart-v2.csv',
    });
    expect(overlapping.statusCode).toBe(201);
    expect(overlapping.json()).toMatchObject({ eventCount: 1, caseCount: 1, duplicatesSkipped: 5 });
    expect(await ctx.db.query('SELECT count(*)::int AS n FROM events')).toEqual([{ n: 6 }]);
  });

  it('re-importing any split of the same events never doubles them', async () => {
    const lines = MELDKAMER_CSV.trim().split('\n').slice(1);
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(lines, { minLength: 1 }),
        fc.subarray(lines, { minLength: 1 }),
        async (first, second) => {
          await ctx.db.exec('DELETE FROM event_imports');
          const header = 'bsn;handeling;tijdstip\n';
          const a = await importMeldkamer(header + first.join('\n'), { fileName: 'a.csv' });
          const b = await importMeldkamer(header + second.join('\n') + '\n\n', { fileName: 'b.csv' });
          expect(a.statusCode).toBe(201);
          expect(b.statusCode).toBe(201);
          const distinct = new Set([...first, ...second]).size;
          expect(await ctx.db.query('SELECT count(*)::int AS n FROM events')).toEqual([{ n: distinct }]);
          expect(b.json<CreatedFlowImport>().duplicatesSkipped).toBe(
            second.filter((line) => first.includes(line)).length,
          );
        },
      ),
      { numRuns: 6 },
    );
  });

  it('rejects a bad file whole, naming file, line and field of the first 20 problems, without identifiers', async () => {
    const bad = ['bsn;handeling;tijdstip', '123456782;Call received;01-03-2025 10:00'];
    for (let i = 0; i < 30; i++) bad.push(`12345678${i % 10};Dispatch;gisteren`);
    const response = await importMeldkamer(bad.join('\n'));
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorResponse>();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toHaveLength(20);
    expect(error.details[0]).toMatchObject({ file: 'meldkamer-maart.csv', line: 3, path: 'tijdstip' });
    expect(JSON.stringify(error)).not.toMatch(/12345678\d/);
    expect(await ctx.db.query('SELECT count(*)::int AS n FROM event_imports')).toEqual([{ n: 0 }]);
  });

  it('remembers the mapping per partner and uses it for the next upload', async () => {
    expect((await importMeldkamer()).statusCode).toBe(201);
    const remembered = await director(
      `/api/v1/chains/${chain.chain.id}/import-mappings/${partnerId(chain, 'meldkamer')}`,
    );
    expect(remembered.json()).toMatchObject({
      remembered: true,
      mapping: { caseColumn: 'bsn', activityColumn: 'handeling', timestampColumn: 'tijdstip', delimiter: ';' },
    });
    const next = await upload(
      director,
      chain.chain.id,
      'bsn;handeling;tijdstip\n111222333;Call received;04-03-2025 10:00\n',
      {
        partnerId: 'meldkamer',
        fileName: 'april.csv',
      },
    );
    expect(next.statusCode).toBe(201);
    const fresh = await director(`/api/v1/chains/${chain.chain.id}/import-mappings/ziekenhuis`);
    expect(fresh.json()).toMatchObject({ remembered: false, mapping: { caseColumn: 'case_id' } });
  });

  it('lists the history and deletes an import with all its events', async () => {
    const created = (await importMeldkamer()).json<CreatedFlowImport>();
    const list = await director(`/api/v1/chains/${chain.chain.id}/imports`);
    const history = list.json<CreatedFlowImport[]>();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      id: created.id,
      eventCount: 5,
      createdBy: expect.stringContaining('@') as string,
    });
    const before = (await director(`/api/v1/chains/${chain.chain.id}/flow/summary`)).json<Summary>();
    const deleted = await director({ method: 'DELETE', url: `/api/v1/chains/${chain.chain.id}/imports/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(await ctx.db.query('SELECT count(*)::int AS n FROM events')).toEqual([{ n: 0 }]);
    const after = (await director(`/api/v1/chains/${chain.chain.id}/flow/summary`)).json<Summary>();
    expect(after.datasetVersion).toBeGreaterThan(before.datasetVersion);
    expect(after.events).toBe(0);
    expect(
      (await director({ method: 'DELETE', url: `/api/v1/chains/${chain.chain.id}/imports/${created.id}` })).statusCode,
    ).toBe(404);
  });

  it('lets a partner import and delete only for its own organisation', async () => {
    const partner = await buildMember(ctx.db, app, chain, 'partner', 'ziekenhuis');
    const foreign = await upload(partner, chain.chain.id, MELDKAMER_CSV, {
      partnerId: partnerId(chain, 'meldkamer'),
      ...MELDKAMER_MAPPING,
    });
    expect(foreign.statusCode).toBe(403);
    const own = await upload(partner, chain.chain.id, ZIEKENHUIS_CSV, { partnerId: 'ziekenhuis' });
    expect(own.statusCode).toBe(201);
    const directorsImport = (await importMeldkamer()).json<CreatedFlowImport>();
    const refused = await partner({
      method: 'DELETE',
      url: `/api/v1/chains/${chain.chain.id}/imports/${directorsImport.id}`,
    });
    expect(refused.statusCode).toBe(403);
    const viewer = await buildMember(ctx.db, app, chain, 'viewer');
    expect((await upload(viewer, chain.chain.id, ZIEKENHUIS_CSV, { partnerId: 'ziekenhuis' })).statusCode).toBe(403);
  });

  it('accepts files pseudonymised at the partner with the same key, and refuses plain ids as such', async () => {
    const key = await chainKey(ctx.db, chain.chain.id);
    const prepared = `case_id,activity,timestamp\n${pseudonymiseIdentifier(key, '123456782')},Triage,2025-03-01T10:40:00Z\n`;
    const ok = await upload(director, chain.chain.id, prepared, {
      partnerId: 'ziekenhuis',
      identifiersPseudonymised: 'true',
    });
    expect(ok.statusCode).toBe(201);
    await importMeldkamer();
    const linked = await ctx.db.query<{ n: number }>(
      'SELECT count(DISTINCT partner_id)::int AS n FROM events WHERE case_id = $1',
      [pseudonymiseIdentifier(key, '123.456.782')],
    );
    expect(linked).toEqual([{ n: 2 }]);
    const plain = await upload(director, chain.chain.id, ZIEKENHUIS_CSV, {
      partnerId: 'ziekenhuis',
      identifiersPseudonymised: 'true',
      fileName: 'plain.csv',
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).not.toContain('123456782');
  });

  it('refuses an upload over the limit with 413', async () => {
    process.env.KETENREGIE_IMPORT_MAX_MB = '1';
    const small = await createTestApp(ctx.db);
    delete process.env.KETENREGIE_IMPORT_MAX_MB;
    try {
      const body = Buffer.alloc(1024 * 1024 + 10, 'a');
      const member = await buildMember(ctx.db, small, chain, 'director');
      const response = await upload(member, chain.chain.id, body, { partnerId: 'meldkamer' });
      expect(response.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });
});
