import type { ChainDetail } from '@ketenregie/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  bottlenecksSchema,
  caseTrajectorySchema,
  reworkSchema,
  flowSummarySchema,
  handoversSchema,
  normsSchema,
  normViolationsSchema,
  processMapSchema,
  stalledCaseListSchema,
  stalledSchema,
  trendsSchema,
  variantsSchema,
} from '../src/flow/schemas/analysis-schemas.ts';
import type { Database } from '../src/db/database.ts';
import type { ErrorResponse } from '../src/http/error-response.ts';
import { getChainDetail } from '../src/services/chain-service.ts';
import { seedDemo } from '../src/services/seed-demo.ts';
import type { injectAs } from './support/accounts.ts';
import { pseudonymiseIdentifier } from '../src/importers/pseudonymise-identifier.ts';
import { buildFlowChain, buildMember, chainKey, partnerId, upload, useTestMasterKey } from './support/flow-fixtures.ts';
import { createTestApp, shippedTemplates } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

/**
 * A small extract checked by hand (times in UTC, March 2025 is winter time in Amsterdam):
 *   P1 Call 10:00 → Dispatch 10:02 → Arrival 10:10 → Triage 10:40 → Surgery 10:55  (55 min: golden hour met)
 *   P2 Call 22:10 → Dispatch 22:12 → Arrival 22:30 → Triage 22:50 → Surgery 23:40  (90 min: violated, at night)
 *   P3 Call 08:00 → Dispatch 08:05 → Arrival 08:25                                   (A1 norm of 15 min violated)
 */
const EXTRACT = `case_id,activity,timestamp,partner
P1,Call received,2025-03-01T10:00:00Z,meldkamer
P1,Dispatch,2025-03-01T10:02:00Z,meldkamer
P1,Arrival on scene,2025-03-01T10:10:00Z,ambulance
P1,Triage,2025-03-01T10:40:00Z,ziekenhuis
P1,Surgery start,2025-03-01T10:55:00Z,ziekenhuis
P2,Call received,2025-03-01T22:10:00Z,meldkamer
P2,Dispatch,2025-03-01T22:12:00Z,meldkamer
P2,Arrival on scene,2025-03-01T22:30:00Z,ambulance
P2,Triage,2025-03-01T22:50:00Z,ziekenhuis
P2,Surgery start,2025-03-01T23:40:00Z,ziekenhuis
P3,Call received,2025-03-02T08:00:00Z,meldkamer
P3,Dispatch,2025-03-02T08:05:00Z,meldkamer
P3,Arrival on scene,2025-03-02T08:25:00Z,ambulance
`;

type Summary = z.output<typeof flowSummarySchema>;
type ProcessMap = z.output<typeof processMapSchema>;
type Bottlenecks = z.output<typeof bottlenecksSchema>;
type Norms = z.output<typeof normsSchema>;
type Variants = z.output<typeof variantsSchema>;

/** Finds an edge of a process map. */
function edgeOf(map: ProcessMap, from: string, to: string) {
  return map.edges.find((e) => e.from === from && e.to === to);
}

/** Finds the norm of a link by name. */
function normOf(norms: Norms, linkName: string) {
  const norm = norms.norms.find((n) => n.linkName === linkName);
  if (norm === undefined) throw new Error(`no norm for ${linkName}`);
  return norm;
}

describeEachDatabase('flow analyses', (ctx) => {
  let app: FastifyInstance;
  let chain: ChainDetail;
  let director: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    useTestMasterKey(ctx.db);
    chain = await buildFlowChain(ctx.db);
    director = await buildMember(ctx.db, app, chain, 'director');
    const response = await upload(director, chain.chain.id, EXTRACT, { fileName: 'keten.csv' });
    expect(response.statusCode).toBe(201);
  });

  const get = async <T>(inject: ReturnType<typeof injectAs>, path: string): Promise<T> => {
    const response = await inject(`/api/v1/chains/${chain.chain.id}/flow/${path}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('summarises the merged log of a chain-wide file with a partner column', async () => {
    const summary = await get<Summary>(director, 'summary');
    expect(summary).toMatchObject({
      cases: 3,
      events: 13,
      activities: 5,
      partners: 3,
      firstEvent: '2025-03-01T10:00:00.000Z',
      lastEvent: '2025-03-02T08:25:00.000Z',
      unmappedActivities: [],
      suppression: false,
    });
    // Durations 55, 90 and 25 min: mean 56 2/3 min, median 55 min.
    expect(summary.caseDurations.medianSeconds).toBe(55 * 60);
    expect(summary.caseDurations.meanSeconds).toBeCloseTo((170 * 60) / 3, 9);
  });

  it('draws the process map per activity and per link with waiting times', async () => {
    const activity = await get<ProcessMap>(director, 'process-map?level=activity');
    // Triage → Surgery start: 15 and 50 min.
    expect(edgeOf(activity, 'Triage', 'Surgery start')).toMatchObject({ count: 2, cases: 2, medianSeconds: 32.5 * 60 });
    const links = await get<ProcessMap>(director, 'process-map?level=link');
    expect(links.nodes.map((n) => n.node.id)).toEqual(['melding', 'rit', 'seh', 'ok']);
    // Visits: melding (call) → rit (dispatch … arrival): waiting from the call to the dispatch.
    expect(edgeOf(links, 'melding', 'rit')).toMatchObject({ count: 3, medianSeconds: 120 });
    const rit = links.nodes.find((n) => n.node.id === 'rit');
    // Service time of the link: dispatch to arrival, 8, 18 and 20 min.
    expect(rit?.serviceTime).toMatchObject({ count: 3, medianSeconds: 18 * 60, source: 'start-timestamp' });
  });

  it('checks the links’ norms, per month and part of the day, and lists the violations', async () => {
    const norms = await get<Norms>(director, 'norms');
    const golden = normOf(norms, 'Operatie');
    expect(golden).toMatchObject({
      fromLinkName: 'Melding 112',
      maxMinutes: 60,
      evaluated: 2,
      compliant: 1,
      share: 0.5,
      casesReachingFrom: 3,
      notReached: 1,
      byMonth: [{ month: '2025-03', evaluated: 2, compliant: 1 }],
      byDayPart: { day: { evaluated: 1, compliant: 1 }, night: { evaluated: 1, compliant: 0 } },
    });
    // P2 lost its time at the hospital: 50 min triage → surgery against 15 min for P1.
    expect(golden.segments[0]).toMatchObject({ from: 'seh', to: 'ok', extraSeconds: 35 * 60 });
    const a1 = normOf(norms, 'Ambulancerit');
    // From the call to the first event of the ride (the dispatch): 2, 2 and 5 min, all within 15.
    expect(a1).toMatchObject({ evaluated: 3, compliant: 3 });
    const link = chain.links.find((l) => l.key === 'ok')!;
    const violations = await director(`/api/v1/chains/${chain.chain.id}/flow/norms/${link.id}/violations`);
    expect(violations.json<z.output<typeof normViolationsSchema>>()).toMatchObject({
      total: 1,
      cases: [{ spanSeconds: 90 * 60 }],
    });
    const audit = await ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE chain_id = $1 AND action = 'flow.cases.read'",
      [chain.chain.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('ranks bottlenecks, shows handovers, variants, trends and stalled cases', async () => {
    // Waiting between links: seh → ok 15 + 50 min, rit → seh 30 + 20 min, melding → rit 2 + 2 + 5 min.
    const bottlenecks = await get<Bottlenecks>(director, 'bottlenecks?level=link');
    expect(bottlenecks.edges.map((e) => [e.from.id, e.to.id, e.totalSeconds])).toEqual([
      ['seh', 'ok', 65 * 60],
      ['rit', 'seh', 50 * 60],
      ['melding', 'rit', 9 * 60],
    ]);
    expect(bottlenecks.edges[0]).toMatchObject({ rank: 1, p90Seconds: (15 + 0.9 * 35) * 60, handovers: 0 });
    const handovers = await get<z.output<typeof handoversSchema>>(director, 'handovers');
    const cell = handovers.cells.find((c) => c.from.key === 'meldkamer' && c.to.key === 'ambulance');
    expect(cell).toMatchObject({ count: 3, cases: 3 });
    const variants = await get<Variants>(director, 'variants');
    expect(variants.variants.map((v) => v.cases)).toEqual([2, 1]);
    const filtered = await get<Summary>(director, `summary?variant=${variants.variants[0]!.id}`);
    expect(filtered.cases).toBe(2);
    const trends = await get<z.output<typeof trendsSchema>>(director, 'trends');
    expect(trends.months).toEqual([expect.objectContaining({ month: '2025-03', casesStarted: 3, events: 13 })]);
    const stalled = await get<z.output<typeof stalledSchema>>(director, 'stalled?days=1&asOf=2025-03-05');
    expect(stalled).toMatchObject({ cases: 3, atEnd: 2, stalled: 1, endLinks: [{ key: 'ok' }] });
    const list = await director(`/api/v1/chains/${chain.chain.id}/flow/stalled/cases?days=1&asOf=2025-03-05`);
    expect(list.json<z.output<typeof stalledCaseListSchema>>().cases).toEqual([
      expect.objectContaining({ lastActivity: 'Arrival on scene' }),
    ]);
  });

  it('shows one trajectory from every partner, and rework per activity', async () => {
    const key = await chainKey(ctx.db, chain.chain.id);
    const caseId = pseudonymiseIdentifier(key, 'P1');
    const response = await director(`/api/v1/chains/${chain.chain.id}/flow/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const trajectory = response.json<z.output<typeof caseTrajectorySchema>>();
    expect(trajectory.events.map((e) => [e.activity, e.partner?.key, e.link?.key])).toEqual([
      ['Call received', 'meldkamer', 'melding'],
      ['Dispatch', 'meldkamer', 'rit'],
      ['Arrival on scene', 'ambulance', 'rit'],
      ['Triage', 'ziekenhuis', 'seh'],
      ['Surgery start', 'ziekenhuis', 'ok'],
    ]);
    const viewer = await buildMember(ctx.db, app, chain, 'viewer');
    expect((await viewer(`/api/v1/chains/${chain.chain.id}/flow/cases/${caseId}`)).statusCode).toBe(403);
    expect((await director(`/api/v1/chains/${chain.chain.id}/flow/cases/P1`)).statusCode).toBe(404);
    const rework = await get<z.output<typeof reworkSchema>>(director, 'rework');
    expect(rework.activities.every((a) => a.repetitions === 0 && a.casesBySeveralPartners === 0)).toBe(true);
    expect(rework.activities.find((a) => a.node.id === 'Triage')).toMatchObject({ executions: 2 });
  });

  it('filters by period and partner', async () => {
    expect((await get<Summary>(director, 'summary?from=2025-03-02')).cases).toBe(1);
    expect((await get<Summary>(director, 'summary?to=2025-03-02')).cases).toBe(2);
    const hospital = await get<ProcessMap>(director, `process-map?partnerId=ziekenhuis`);
    expect(hospital.nodes.map((n) => n.node.id)).toEqual(['Triage', 'Surgery start']);
  });

  it('withholds small cells from roles without case-level access, also after a filter', async () => {
    const viewer = await buildMember(ctx.db, app, chain, 'viewer');
    const summary = await get<Summary>(viewer, 'summary');
    expect(summary).toMatchObject({ cases: null, events: null, suppression: true });
    const map = await get<ProcessMap>(viewer, 'process-map');
    expect(map.edges.every((e) => e.suppressed && e.count === null)).toBe(true);
    const variants = await get<Variants>(viewer, 'variants');
    expect(variants.variants).toEqual([]);
    expect(variants.otherVariants).toEqual({ variants: 2, cases: null });
    expect((await viewer(`/api/v1/chains/${chain.chain.id}/flow/stalled/cases`)).statusCode).toBe(403);
    const link = chain.links.find((l) => l.key === 'ok')!;
    expect((await viewer(`/api/v1/chains/${chain.chain.id}/flow/norms/${link.id}/violations`)).statusCode).toBe(403);
    const analyst = await buildMember(ctx.db, app, chain, 'analyst');
    expect((await get<Summary>(analyst, 'summary')).cases).toBe(3);
  });

  it('sees a new import at once, and a second server on the same database too', async () => {
    const other = await createTestApp(ctx.db);
    try {
      const before = (await get<Summary>(director, 'summary')).events ?? 0;
      const more = `case_id,activity,timestamp,partner\nP4,Call received,2025-03-03T09:00:00Z,meldkamer\n`;
      expect((await upload(director, chain.chain.id, more, { fileName: 'more.csv' })).statusCode).toBe(201);
      expect((await get<Summary>(director, 'summary')).events).toBe(before + 1);
      const member = await buildMember(ctx.db, other, chain, 'director');
      const summary = await member(`/api/v1/chains/${chain.chain.id}/flow/summary`);
      expect(summary.json<Summary>().events).toBe(before + 1);
    } finally {
      await other.close();
    }
  });

  it('keeps partners apart that the file names by key or by name', async () => {
    const byName = `case_id,activity,timestamp,partner\nQ1,Triage,2025-03-04T09:00:00Z,Ziekenhuis Oost\n`;
    expect((await upload(director, chain.chain.id, byName, { fileName: 'names.csv' })).statusCode).toBe(201);
    const stored = await ctx.db.query<{ partner_id: string }>(
      "SELECT DISTINCT e.partner_id FROM events e JOIN event_imports i ON i.id = e.import_id WHERE i.file_name = 'names.csv'",
    );
    expect(stored).toEqual([{ partner_id: partnerId(chain, 'ziekenhuis') }]);
    const unknown = `case_id,activity,timestamp,partner\nQ2,Triage,2025-03-04T09:00:00Z,Onbekend\n`;
    const refused = await upload(director, chain.chain.id, unknown, { fileName: 'unknown.csv' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorResponse>().error.details[0]?.message).toMatch(/"Onbekend" is not a partner/);
  });
});

describeEachDatabase('flow analyses of the demo chain', (ctx) => {
  let db: Database;
  let app: FastifyInstance;
  let chain: ChainDetail;
  let director: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    db = await ctx.openFresh();
    const { chainId } = await seedDemo(db, { templates: await shippedTemplates() });
    chain = await getChainDetail(db, chainId);
    app = await createTestApp(db);
    director = await buildMember(db, app, chain, 'director');
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async <T>(path: string): Promise<T> => {
    const response = await director(`/api/v1/chains/${chain.chain.id}/flow/${path}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('shows the night-time wait between the emergency department and the operating theatre', async () => {
    const intoTheatre = (e: { from: { id: string }; to: { id: string } } | undefined) =>
      e !== undefined && ['diagnostiek', 'opvang-seh'].includes(e.from.id) && e.to.id === 'levensreddende-behandeling';
    const bottlenecks = await get<Bottlenecks>('bottlenecks?level=link');
    // The wait that depends most on the clock is the handover to the operating theatre, at night.
    expect(intoTheatre(bottlenecks.timeOfDay[0])).toBe(true);
    expect(intoTheatre(bottlenecks.timeOfDay[1])).toBe(true);
    const toTheatre = bottlenecks.edges.find(
      (e) => e.from.id === 'diagnostiek' && e.to.id === 'levensreddende-behandeling',
    );
    if (toTheatre === undefined) throw new Error('no SEH → OK edge');
    expect(toTheatre.slowestDayPart).toBe('night');
    expect(toTheatre.byDayPart.night.medianSeconds).toBeGreaterThan(2 * (toTheatre.byDayPart.day.medianSeconds ?? 0));
    expect(toTheatre.p90Seconds).toBeGreaterThan(2 * (toTheatre.medianSeconds ?? 0));
    // And it is among the three segments where golden-hour violations lose most time.
    const golden = bottlenecks.norms.find((n) => n.linkName === 'Levensreddende behandeling (OK)');
    expect(golden?.violating).toBeGreaterThan(100);
    const top = (golden?.segments ?? []).slice(0, 3).map((s) => ({ from: { id: s.from }, to: { id: s.to } }));
    expect(top.some(intoTheatre)).toBe(true);
    const activities = await get<Bottlenecks>('bottlenecks?level=activity');
    expect(activities.timeOfDay[0]).toMatchObject({ from: { id: 'CT-scan' }, to: { id: 'Patiënt op OK' } });
  });

  it('shows the golden hour missed far more often at night', async () => {
    const golden = normOf(await get<Norms>('norms'), 'Levensreddende behandeling (OK)');
    expect(golden.evaluated).toBeGreaterThan(1000);
    expect(golden.byDayPart.night.share).toBeLessThan((golden.byDayPart.day.share ?? 0) - 0.15);
    expect(golden.byMonth.length).toBeGreaterThanOrEqual(12);
  });
});
