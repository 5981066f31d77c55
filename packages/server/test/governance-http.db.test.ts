import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Agreement, ChainDetail } from '@ketenregie/core';
import { DEFAULT_COURSE_CHECK_QUESTION_SET } from '@ketenregie/core';
import type {
  GovernanceIndicator,
  IndicatorDetail,
  IndicatorList,
} from '../src/governance/schemas/indicator-api-schemas.ts';
import { todayInAmsterdam, addDaysTo } from '../src/governance/services/governance-clock.ts';
import { SYSTEM_ACTOR } from '../src/auth/actor.ts';
import { createApiToken } from '../src/auth/api-token-service.ts';
import { buildChainMember, buildSignedInAdmin, buildUser, injectAs, signIn } from './support/accounts.ts';
import { buildModel } from './support/fixtures.ts';
import { createTestApp } from './support/test-app.ts';
import { describeEachDatabase } from './support/test-databases.ts';

type Inject = (options: string | InjectOptions) => Promise<LightMyRequestResponse>;

describeEachDatabase('governance HTTP API', (ctx) => {
  let app: FastifyInstance;
  let director: Inject;
  let directorUserName: string;
  let chain: ChainDetail;
  let other: ChainDetail;
  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    const admin = await buildSignedInAdmin(ctx.db, app);
    director = admin.inject;
    directorUserName = admin.user.displayName;
    const importModel = async (slug: string) => {
      const response = await director({ method: 'POST', url: '/api/v1/chain-models', payload: buildModel(slug) });
      expect(response.statusCode).toBe(201);
      return response.json<ChainDetail>();
    };
    chain = await importModel('keten-http');
    other = await importModel('andere-keten');
  });

  const partner = (detail: ChainDetail, key: string) => detail.partners.find((p) => p.key === key)?.id as string;
  const link = (detail: ChainDetail, key: string) => detail.links.find((l) => l.key === key)?.id as string;
  const base = () => `/api/v1/chains/${chain.chain.id}`;

  function indicatorBody(overrides: Record<string, unknown> = {}) {
    return {
      key: 'gouden-uur',
      name: 'Binnen het gouden uur',
      kind: 'societal',
      definition: 'Aandeel patiënten binnen 60 minuten op de OK.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 50, date: '2024-01-01' },
      target: { value: 80, date: '2024-12-31' },
      frequency: 'monthly',
      reason: 'Vastgesteld',
      agreedBy: [{ partnerId: partner(chain, 'ziekenhuis'), personName: 'Dr. J. de Wit' }],
      agreedOn: '2023-12-15',
      ...overrides,
    };
  }

  async function createIndicatorViaApi(overrides: Record<string, unknown> = {}): Promise<GovernanceIndicator> {
    const response = await director({ method: 'POST', url: `${base()}/indicators`, payload: indicatorBody(overrides) });
    expect(response.statusCode).toBe(201);
    return response.json<GovernanceIndicator>();
  }

  /** A signed-in partner contact of the ambulance service on the test chain. */
  async function ambulanceContact(): Promise<Inject> {
    const user = await buildUser(ctx.db);
    await buildChainMember(ctx.db, {
      chainId: chain.chain.id,
      user,
      role: 'partner',
      partnerId: partner(chain, 'ambulance'),
    });
    return injectAs(app, await signIn(ctx.db, user.id));
  }

  it('indicators: create, revise, read with status; 400 naming the field; 404 for another chain; 409 when stale', async () => {
    const created = await createIndicatorViaApi();
    expect(created).toMatchObject({ version: 1, key: 'gouden-uur', recordedBy: directorUserName });

    const invalid = await director({
      method: 'POST',
      url: `${base()}/indicators`,
      payload: indicatorBody({ key: 'ander', target: { value: 40, date: '2024-12-31' } }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [
          { path: 'target.value', message: 'higher is better, so the target must be higher than the baseline' },
        ],
      },
    });
    const foreignLink = await director({
      method: 'POST',
      url: `${base()}/indicators`,
      payload: indicatorBody({ key: 'ander', linkIds: [link(other, 'ok')] }),
    });
    expect(foreignLink.statusCode).toBe(400);
    expect(foreignLink.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual([
      'linkIds.0',
    ]);

    const revised = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/versions`,
      payload: { ...indicatorBody({ target: { value: 75, date: '2024-12-31' }, reason: 'Herijkt' }), version: 1 },
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toMatchObject({ version: 2, target: { value: 75 } });
    const stale = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/versions`,
      payload: { ...indicatorBody({ reason: 'Nogmaals' }), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict', details: [{ path: 'version' }] } });

    const added = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/measurements`,
      payload: { period: '2024-03', value: 55 },
    });
    expect(added.statusCode).toBe(201);
    const corrected = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/measurements/2024-03/revisions`,
      payload: { value: 56, note: 'Correctie', basedOnRevision: 1 },
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({ revision: 2, value: 56 });
    const badPeriod = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/measurements/maart/revisions`,
      payload: { value: 56, note: 'x', basedOnRevision: 2 },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json()).toMatchObject({ error: { details: [{ path: 'period' }] } });

    const measurements = await director(`${base()}/indicators/${created.id}/measurements`);
    expect(measurements.json<{ revisions: unknown[] }>().revisions).toHaveLength(2);
    const detail = await director(`${base()}/indicators/${created.id}`);
    expect(detail.statusCode).toBe(200);
    // 56 on 31 March is 24% of the way from 50 to 75, where the path expects 90/365 ≈ 24.7%
    expect(detail.json<IndicatorDetail>()).toMatchObject({ status: { status: 'on-course' }, history: [{}, {}] });
    const list = await director(`${base()}/indicators`);
    expect(list.json<IndicatorList>().indicators.map((i) => i.status.measurementCount)).toEqual([1]);

    const csv = await director({
      method: 'POST',
      url: `${base()}/measurements/csv`,
      payload: { csv: 'indicator;periode;waarde\ngouden-uur;2024-04;57\ngouden-uur;2024-5;58' },
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toMatchObject({ error: { details: [{ path: 'period', line: 3 }] } });
    const emptyCsv = await director({ method: 'POST', url: `${base()}/measurements/csv`, payload: { csv: '' } });
    expect(emptyCsv.json()).toMatchObject({ error: { details: [{ path: 'csv' }] } });

    // every change is on the chain's audit log, with who did it
    const audit = (await director(`${base()}/audit`)).json<
      { action: string; targetId: string | null; actorType: string }[]
    >();
    expect(
      audit
        .filter((entry) => entry.targetId === created.id)
        .map((entry) => entry.action)
        .sort(),
    ).toEqual(['indicator.create', 'indicator.revise', 'measurement.add', 'measurement.correct']);
    expect(new Set(audit.filter((e) => e.action.startsWith('indicator.')).map((e) => e.actorType))).toEqual(
      new Set(['user']),
    );

    expect((await director(`/api/v1/chains/${other.chain.id}/indicators/${created.id}`)).statusCode).toBe(404);
    expect((await director(`${base()}/indicators/niet-een-id`)).statusCode).toBe(404);
    const staleFlow = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/flow-measurements`,
      payload: { version: 1 },
    });
    expect(staleFlow.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const noFlow = await director({
      method: 'POST',
      url: `${base()}/indicators/${created.id}/flow-measurements`,
      payload: { version: 2 },
    });
    expect(noFlow.json()).toMatchObject({ error: { code: 'conflict', details: [{ path: 'flowSource' }] } });
  });

  it('partners contribute their own figures only, cannot define, and see other chains as missing', async () => {
    const own = await createIndicatorViaApi({
      key: 'a1',
      kind: 'organisational',
      ownerPartnerId: partner(chain, 'ambulance'),
    });
    const foreign = await createIndicatorViaApi({
      key: 'seh',
      kind: 'organisational',
      ownerPartnerId: partner(chain, 'ziekenhuis'),
    });
    const contact = await ambulanceContact();

    const mine = await contact({
      method: 'POST',
      url: `${base()}/indicators/${own.id}/measurements`,
      payload: { period: '2024-01', value: 91 },
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ source: 'manual' });
    const theirs = await contact({
      method: 'POST',
      url: `${base()}/indicators/${foreign.id}/measurements`,
      payload: { period: '2024-01', value: 20 },
    });
    expect(theirs.statusCode).toBe(404);
    expect((await contact(`${base()}/indicators/${foreign.id}`)).statusCode).toBe(200);
    const define = await contact({
      method: 'POST',
      url: `${base()}/indicators`,
      payload: indicatorBody({ key: 'nieuw' }),
    });
    expect(define.statusCode).toBe(403);
    expect((await contact(`/api/v1/chains/${other.chain.id}/indicators`)).statusCode).toBe(404);
  });

  it('a partner system pushes its own measurements with an API token, for its own partner only', async () => {
    const own = await createIndicatorViaApi({
      key: 'a1',
      kind: 'organisational',
      ownerPartnerId: partner(chain, 'ambulance'),
    });
    const { token } = await createApiToken(ctx.db, SYSTEM_ACTOR, chain.chain.id, {
      name: 'Ritregistratie',
      partnerId: partner(chain, 'ambulance'),
      purpose: 'measurements',
    });
    const system = (options: InjectOptions) =>
      app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
    const pushed = await system({
      method: 'POST',
      url: `${base()}/indicators/${own.id}/measurements`,
      payload: { period: '2024-01', value: 91.2 },
    });
    expect(pushed.statusCode).toBe(201);
    expect(pushed.json()).toMatchObject({ source: 'api', recordedBy: 'API-token "Ritregistratie"' });
    const round = await director({
      method: 'POST',
      url: `${base()}/course-check/rounds`,
      payload: { title: { nl: 'R', en: 'R' }, opensOn: todayInAmsterdam(), closesOn: todayInAmsterdam() },
    });
    const forOther = await system({
      method: 'POST',
      url: `${base()}/course-check/rounds/${round.json<{ id: string }>().id}/responses`,
      payload: { partnerId: partner(chain, 'ziekenhuis'), answers: [{ questionKey: 'doelen-concreet', score: 4 }] },
    });
    expect(forOther.statusCode).toBe(404);
    const foreignFigure = await system({
      method: 'POST',
      url: `${base()}/indicators/${(await createIndicatorViaApi({ key: 'seh', kind: 'organisational', ownerPartnerId: partner(chain, 'ziekenhuis') })).id}/measurements`,
      payload: { period: '2024-01', value: 20 },
    });
    expect(foreignFigure.statusCode).toBe(404);
  });

  it('agreements: register, change status with history, sign, attention list, delete', async () => {
    const body = {
      title: 'Overdracht ambulance–SEH',
      kind: 'functional',
      level: 'tactical',
      partyPartnerIds: [partner(chain, 'ambulance'), partner(chain, 'ziekenhuis')],
      ownerPartnerId: partner(chain, 'ziekenhuis'),
      reviewDate: addDaysTo(todayInAmsterdam(), 10),
    };
    const created = await director({
      method: 'POST',
      url: `${base()}/agreements`,
      payload: { ...body, status: 'agreed', reason: 'Getekend' },
    });
    expect(created.statusCode).toBe(201);
    const agreement = created.json<Agreement>();
    const invalid = await director({
      method: 'POST',
      url: `${base()}/agreements`,
      payload: { ...body, kind: 'commitment' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { details: [{ path: 'partyPartnerIds' }] } });

    const moved = await director({
      method: 'POST',
      url: `${base()}/agreements/${agreement.id}/status-changes`,
      payload: { version: 1, to: 'in-progress', reason: 'Gestart' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Agreement>().history.map((h) => [h.from, h.to, h.changedBy])).toEqual([
      [null, 'agreed', directorUserName],
      ['agreed', 'in-progress', directorUserName],
    ]);
    const notAllowed = await director({
      method: 'POST',
      url: `${base()}/agreements/${agreement.id}/status-changes`,
      payload: { version: 2, to: 'draft', reason: 'Terug' },
    });
    expect(notAllowed.statusCode).toBe(409);
    expect(notAllowed.json()).toMatchObject({ error: { code: 'conflict', details: [{ path: 'to' }] } });

    const contact = await ambulanceContact();
    const signed = await contact({
      method: 'POST',
      url: `${base()}/agreements/${agreement.id}/signatures`,
      payload: { partnerId: partner(chain, 'ambulance'), signedBy: 'M. Yilmaz', signedOn: '2026-01-15', version: 2 },
    });
    expect(signed.statusCode).toBe(200);
    const forOther = await contact({
      method: 'POST',
      url: `${base()}/agreements/${agreement.id}/signatures`,
      payload: { partnerId: partner(chain, 'ziekenhuis'), signedBy: 'J. de Wit', signedOn: '2026-01-15', version: 3 },
    });
    expect(forOther.statusCode).toBe(404);

    const attention = await director(`${base()}/agreements/attention`);
    expect(attention.statusCode).toBe(200);
    expect(attention.json()).toEqual([
      {
        agreementId: agreement.id,
        title: body.title,
        status: 'in-progress',
        ownerPartnerId: body.ownerPartnerId,
        reasons: [{ code: 'review-due-soon', date: body.reviewDate, daysUntil: 10 }],
      },
    ]);
    const later = await director(`${base()}/agreements/attention?asOf=${addDaysTo(todayInAmsterdam(), 11)}`);
    expect(later.json()).toMatchObject([{ reasons: [{ code: 'review-overdue', daysOverdue: 1 }] }]);
    expect((await director(`${base()}/agreements/attention?asOf=morgen`)).statusCode).toBe(400);

    expect((await director(`/api/v1/chains/${other.chain.id}/agreements/${agreement.id}`)).statusCode).toBe(404);
    expect(
      (await director({ method: 'DELETE', url: `${base()}/agreements/${agreement.id}?version=1` })).statusCode,
    ).toBe(409);
    expect(
      (await director({ method: 'DELETE', url: `${base()}/agreements/${agreement.id}?version=3` })).statusCode,
    ).toBe(204);
    expect((await director(`${base()}/agreements`)).json()).toEqual([]);
  });

  it('course check: question set, rounds, anonymous responses and results', async () => {
    const questionSet = await director(`${base()}/course-check/question-set`);
    expect(questionSet.json()).toMatchObject({ version: 0, isDefault: true });
    const staleSet = await director({
      method: 'PUT',
      url: `${base()}/course-check/question-set`,
      payload: { questionSet: DEFAULT_COURSE_CHECK_QUESTION_SET, version: 3 },
    });
    expect(staleSet.statusCode).toBe(409);

    const today = todayInAmsterdam();
    const created = await director({
      method: 'POST',
      url: `${base()}/course-check/rounds`,
      payload: { title: { nl: 'Najaar', en: 'Autumn' }, opensOn: addDaysTo(today, -1), closesOn: addDaysTo(today, 13) },
    });
    expect(created.statusCode).toBe(201);
    const round = created.json<{ id: string; number: number; state: string }>();
    expect(round).toMatchObject({ number: 1, state: 'open' });
    const missingTitle = await director({
      method: 'POST',
      url: `${base()}/course-check/rounds`,
      payload: { opensOn: today, closesOn: today },
    });
    expect(missingTitle.statusCode).toBe(400);
    expect(missingTitle.json()).toMatchObject({ error: { details: [{ path: 'title' }] } });

    const contact = await ambulanceContact();
    const answers = DEFAULT_COURSE_CHECK_QUESTION_SET.questions.map((q) => ({ questionKey: q.key, score: 4 }));
    const submitted = await contact({
      method: 'POST',
      url: `${base()}/course-check/rounds/${round.id}/responses`,
      payload: { partnerId: partner(chain, 'ambulance'), answers },
    });
    expect(submitted.statusCode).toBe(201);
    expect(Object.keys(submitted.json<object>()).sort()).toEqual(['answered', 'partnerId', 'roundId', 'submittedAt']);
    const outOfRange = await contact({
      method: 'POST',
      url: `${base()}/course-check/rounds/${round.id}/responses`,
      payload: { partnerId: partner(chain, 'ambulance'), answers: [{ questionKey: 'doelen-concreet', score: 6 }] },
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json()).toMatchObject({ error: { details: [{ path: 'answers.0.score' }] } });
    const forOther = await contact({
      method: 'POST',
      url: `${base()}/course-check/rounds/${round.id}/responses`,
      payload: { partnerId: partner(chain, 'ziekenhuis'), answers },
    });
    expect(forOther.statusCode).toBe(404);

    expect((await director(`${base()}/course-check/rounds`)).json()).toMatchObject([
      { id: round.id, responseCount: 1, partnerCount: 1 },
    ]);
    expect((await director(`${base()}/course-check/rounds/${round.id}`)).json()).toMatchObject({
      participation: [{ partnerId: partner(chain, 'ambulance'), responses: 1 }],
    });
    const results = await director(`${base()}/course-check/rounds/${round.id}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.json()).toMatchObject({
      previousRound: null,
      results: { partners: [{ partnerId: partner(chain, 'ambulance'), overallMean: 4 }] },
    });
    expect(
      (await director(`/api/v1/chains/${other.chain.id}/course-check/rounds/${round.id}/results`)).statusCode,
    ).toBe(404);
  });

  it('business case: lines, settings and results with the compensation', async () => {
    const line = (partnerKey: string, type: string, amountCents: number, beneficiary: string | null = null) =>
      director({
        method: 'POST',
        url: `${base()}/business-case/lines`,
        payload: {
          partnerId: partner(chain, partnerKey),
          type,
          year: 2027,
          amountCents,
          category: 'c',
          beneficiaryPartnerId: beneficiary === null ? null : partner(chain, beneficiary),
        },
      });
    expect((await line('ambulance', 'cost', 100_000)).statusCode).toBe(201);
    const benefit = await line('ambulance', 'benefit', 150_000, 'ziekenhuis');
    expect(benefit.statusCode).toBe(201);
    const badCost = await line('ambulance', 'cost', 100, 'ziekenhuis');
    expect(badCost.statusCode).toBe(400);
    expect(badCost.json()).toMatchObject({ error: { details: [{ path: 'beneficiaryPartnerId' }] } });
    const fraction = await director({
      method: 'POST',
      url: `${base()}/business-case/lines`,
      payload: { partnerId: partner(chain, 'ambulance'), type: 'cost', year: 2027, amountCents: 10.5, category: 'c' },
    });
    expect(fraction.json()).toMatchObject({ error: { details: [{ path: 'amountCents' }] } });

    const results = await director(`${base()}/business-case`);
    expect(results.statusCode).toBe(200);
    expect(results.json()).toMatchObject({
      lineCount: 2,
      result: {
        chain: { npvCents: 50_000 },
        warnings: [
          { code: 'partner-loses-while-chain-gains', partnerId: partner(chain, 'ambulance'), npvCents: -100_000 },
        ],
        compensation: {
          kind: 'proposal',
          transfers: [
            {
              fromPartnerId: partner(chain, 'ziekenhuis'),
              toPartnerId: partner(chain, 'ambulance'),
              amountCents: 100_000,
            },
          ],
        },
      },
    });
    const settings = await director({
      method: 'PUT',
      url: `${base()}/business-case/settings`,
      payload: { discountRate: 0.04, startYear: 2027, version: 0 },
    });
    expect(settings.json()).toEqual({ discountRate: 0.04, startYear: 2027, version: 1 });
    const staleSettings = await director({
      method: 'PUT',
      url: `${base()}/business-case/settings`,
      payload: { discountRate: 0.05, startYear: null, version: 0 },
    });
    expect(staleSettings.statusCode).toBe(409);

    const stored = benefit.json<{ id: string }>();
    const update = await director({
      method: 'PUT',
      url: `${base()}/business-case/lines/${stored.id}`,
      payload: {
        partnerId: partner(chain, 'ambulance'),
        type: 'benefit',
        year: 2027,
        amountCents: 90_000,
        category: 'c',
        version: 1,
      },
    });
    expect(update.statusCode).toBe(200);
    expect((await director(`${base()}/business-case/lines`)).json()).toHaveLength(2);
    expect(
      (
        await director({
          method: 'DELETE',
          url: `/api/v1/chains/${other.chain.id}/business-case/lines/${stored.id}?version=2`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await director({ method: 'DELETE', url: `${base()}/business-case/lines/${stored.id}?version=1` })).statusCode,
    ).toBe(409);
    expect(
      (await director({ method: 'DELETE', url: `${base()}/business-case/lines/${stored.id}?version=2` })).statusCode,
    ).toBe(204);
  });

  it('interventions and the health summary', async () => {
    const indicator = await createIndicatorViaApi();
    const body = {
      title: '24/7 OK-team',
      hypothesis: "Als het OK-team 's nachts in huis is, daalt de wachttijd.",
      ownerPartnerId: partner(chain, 'ziekenhuis'),
      linkIds: [link(chain, 'ok')],
      indicatorIds: [indicator.id],
      startDate: '2026-03-01',
      status: 'running',
    };
    const noTarget = await director({
      method: 'POST',
      url: `${base()}/interventions`,
      payload: { ...body, linkIds: [], indicatorIds: [] },
    });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json()).toMatchObject({ error: { details: [{ path: 'linkIds' }] } });
    const created = await director({ method: 'POST', url: `${base()}/interventions`, payload: body });
    expect(created.statusCode).toBe(201);
    const intervention = created.json<{ id: string }>();

    const evaluated = await director({
      method: 'POST',
      url: `${base()}/interventions/${intervention.id}/evaluations`,
      payload: { measure: { kind: 'indicator', indicatorId: indicator.id }, asOf: '2026-04-01' },
    });
    expect(evaluated.statusCode).toBe(201);
    expect(evaluated.json()).toMatchObject({ result: { verdict: 'insufficient-data' }, evaluatedOn: '2026-04-01' });
    const badMeasure = await director({
      method: 'POST',
      url: `${base()}/interventions/${intervention.id}/evaluations`,
      payload: { measure: { kind: 'flow-norm', fromLinkId: link(chain, 'melding'), toLinkId: link(chain, 'ok') } },
    });
    expect(badMeasure.statusCode).toBe(400);
    expect(badMeasure.json()).toMatchObject({ error: { details: [{ path: 'measure.maxMinutes' }] } });

    const updated = await director({
      method: 'PUT',
      url: `${base()}/interventions/${intervention.id}`,
      payload: { ...body, status: 'completed', version: 1 },
    });
    expect(updated.statusCode).toBe(200);
    expect(
      (
        await director({
          method: 'PUT',
          url: `${base()}/interventions/${intervention.id}`,
          payload: { ...body, version: 1 },
        })
      ).statusCode,
    ).toBe(409);
    expect((await director(`${base()}/interventions`)).json()).toMatchObject([
      { id: intervention.id, evaluations: [{}] },
    ]);
    expect((await director(`/api/v1/chains/${other.chain.id}/interventions/${intervention.id}`)).statusCode).toBe(404);

    const health = await director(`${base()}/health-summary?asOf=2024-07-01`);
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      latestCourseCheckRoundId: null,
      health: {
        today: '2024-07-01',
        headline: 'on-course',
        indicators: { total: 1, 'no-data': 1 },
        runningInterventionIds: [],
      },
    });
    expect(
      (await director({ method: 'DELETE', url: `${base()}/interventions/${intervention.id}?version=2` })).statusCode,
    ).toBe(204);
  });

  it('describes every governance route in the OpenAPI description with its access rule', async () => {
    const spec = (await director('/api/openapi.json')).json<{
      paths: Record<
        string,
        Record<string, { operationId?: string; 'x-access'?: { scope: string; permission?: string } }>
      >;
    }>();
    const operations = Object.entries(spec.paths)
      .filter(([path]) =>
        /\/(indicators|measurements|agreements|course-check|business-case|interventions|health-summary)/.test(path),
      )
      .flatMap(([, methods]) => Object.values(methods));
    expect(operations).toHaveLength(37);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation['x-access']?.scope).toBe('chain');
      expect(operation['x-access']?.permission).toMatch(/^governance\.(read|manage|contribute)$/);
    }
  });
});
