import { expect, it } from 'vitest';
import {
  addMeasurement,
  correctMeasurement,
  listMeasurements,
  refreshFlowMeasurements,
} from '../src/governance/services/measurement-service.ts';
import {
  createIndicator,
  getIndicatorDetail,
  listIndicators,
  reviseIndicator,
} from '../src/governance/services/indicator-service.ts';
import { DIRECTOR_ACTOR, type GovernanceActor } from '../src/governance/services/governance-actor.ts';
import {
  buildGovernanceChain,
  buildIndicatorInput,
  callToSurgery,
  insertTestEvents,
  partnerActor,
  type GovernanceTestChain,
} from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

/** Whole days between two dates, computed here independently of the product's date code. */
function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

describeEachDatabase('governance: indicators and measurements', (ctx) => {
  async function chainWithSocietal(): Promise<{ chain: GovernanceTestChain; societalId: string }> {
    const chain = await buildGovernanceChain(ctx.db);
    const societal = await createIndicator(ctx.db, chain.chainId, buildIndicatorInput(chain), DIRECTOR_ACTOR);
    return { chain, societalId: societal.id };
  }

  it('creates version 1, revises into version 2 and keeps the history with what changed', async () => {
    const { chain, societalId } = await chainWithSocietal();
    const first = await getIndicatorDetail(ctx.db, chain.chainId, societalId);
    expect(first.indicator).toMatchObject({ version: 1, recordedBy: 'ketenregisseur', flowSource: null });

    const {
      id: _id,
      chainId: _chainId,
      version: _version,
      createdAt: _createdAt,
      recordedBy: _by,
      ...fields
    } = first.indicator;
    const revised = await reviseIndicator(
      ctx.db,
      chain.chainId,
      societalId,
      {
        ...fields,
        version: 1,
        target: { value: 75, date: '2024-12-31' },
        reason: 'Doel bijgesteld na herijking',
        agreedBy: [
          { partnerId: chain.partner('ziekenhuis'), personName: 'Dr. J. de Wit' },
          { partnerId: chain.partner('ambulance'), personName: 'M. Yilmaz' },
        ],
        agreedOn: '2024-04-01',
      },
      DIRECTOR_ACTOR,
    );
    expect(revised).toMatchObject({ id: societalId, version: 2, target: { value: 75 } });

    const detail = await getIndicatorDetail(ctx.db, chain.chainId, societalId);
    expect(detail.history.map((h) => h.version.version)).toEqual([1, 2]);
    expect(detail.history[0]?.version.target).toEqual({ value: 80, date: '2024-12-31' });
    expect(detail.history[0]?.changes).toBeNull();
    expect(detail.history[1]?.changes).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      reason: 'Doel bijgesteld na herijking',
      pathChanged: true,
      changes: [
        { field: 'target', before: { value: 80, date: '2024-12-31' }, after: { value: 75, date: '2024-12-31' } },
      ],
    });
    expect(detail.history[1]?.changes?.agreedBy).toHaveLength(2);

    // a stale version is refused, and so is a version identical to the current one
    const stale = await domainError(() =>
      reviseIndicator(
        ctx.db,
        chain.chainId,
        societalId,
        { ...fields, version: 1, reason: 'x', agreedBy: fields.agreedBy, agreedOn: '2024-05-01' },
        DIRECTOR_ACTOR,
      ),
    );
    expect(stale.code).toBe('version_conflict');
    const identical = await domainError(() =>
      reviseIndicator(
        ctx.db,
        chain.chainId,
        societalId,
        {
          ...fields,
          target: revised.target,
          version: 2,
          reason: 'Nogmaals',
          agreedBy: fields.agreedBy,
          agreedOn: '2024-05-01',
        },
        DIRECTOR_ACTOR,
      ),
    );
    expect(identical.code).toBe('validation_failed');
  });

  it('names the field of every reference outside the chain or against the contribution rules', async () => {
    const { chain, societalId } = await chainWithSocietal();
    const other = await buildGovernanceChain(ctx.db);
    const processIndicator = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, { kind: 'process', contributesToIndicatorIds: [societalId] }),
      DIRECTOR_ACTOR,
    );

    const error = await domainError(() =>
      createIndicator(
        ctx.db,
        chain.chainId,
        buildIndicatorInput(chain, {
          kind: 'organisational',
          ownerPartnerId: other.partner('ambulance'),
          linkIds: [chain.link('rit'), other.link('rit')],
          contributesToIndicatorIds: [processIndicator.id],
          agreedBy: [{ partnerId: other.partner('meldkamer'), personName: 'X' }],
          flowSource: {
            measure: 'median-minutes',
            fromLinkId: chain.link('seh'),
            toLinkId: chain.link('ok'),
            maxMinutes: null,
          },
        }),
        DIRECTOR_ACTOR,
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.path)).toEqual([
      'ownerPartnerId',
      'linkIds.1',
      'agreedBy.0.partnerId',
      'flowSource',
      'contributesToIndicatorIds.0',
    ]);

    const duplicate = await domainError(() =>
      createIndicator(ctx.db, chain.chainId, buildIndicatorInput(chain, { key: processIndicator.key }), DIRECTOR_ACTOR),
    );
    expect(duplicate.details).toEqual([
      { path: 'key', message: `indicator key "${processIndicator.key}" is used twice` },
    ]);

    // the societal indicator cannot stop being societal while another contributes to it
    const societal = (await getIndicatorDetail(ctx.db, chain.chainId, societalId)).indicator;
    const { id: _id, chainId: _c, version: _v, createdAt: _t, recordedBy: _r, ...fields } = societal;
    const kindChange = await domainError(() =>
      reviseIndicator(
        ctx.db,
        chain.chainId,
        societalId,
        { ...fields, kind: 'process', version: 1, reason: 'Anders', agreedOn: '2024-02-01' },
        DIRECTOR_ACTOR,
      ),
    );
    expect(kindChange.details).toEqual([
      {
        path: 'kind',
        message: `indicator "${processIndicator.key}" contributes to this one, so it must stay a societal indicator`,
      },
    ]);

    expect((await domainError(() => getIndicatorDetail(ctx.db, other.chainId, societalId))).code).toBe('not_found');
    expect((await domainError(() => getIndicatorDetail(ctx.db, chain.chainId, 'geen-id'))).code).toBe('not_found');
  });

  it('keeps every revision of a measurement; the latest counts; stale corrections are refused', async () => {
    const { chain, societalId } = await chainWithSocietal();
    const first = await addMeasurement(
      ctx.db,
      chain.chainId,
      societalId,
      { period: '2024-03', value: 55, note: '' },
      DIRECTOR_ACTOR,
    );
    expect(first).toMatchObject({
      period: '2024-03',
      date: '2024-03-31',
      value: 55,
      revision: 1,
      revisionCount: 1,
      source: 'manual',
    });

    const again = await domainError(() =>
      addMeasurement(ctx.db, chain.chainId, societalId, { period: '2024-03', value: 56, note: '' }, DIRECTOR_ACTOR),
    );
    expect(again).toMatchObject({
      code: 'conflict',
      details: [{ path: 'period', message: 'this period already has a value' }],
    });

    const wrongForm = await domainError(() =>
      addMeasurement(ctx.db, chain.chainId, societalId, { period: '2024-Q2', value: 56, note: '' }, DIRECTOR_ACTOR),
    );
    expect(wrongForm.details[0]?.path).toBe('period');

    const corrected = await correctMeasurement(
      ctx.db,
      chain.chainId,
      societalId,
      '2024-03',
      { value: 57, note: 'Registratie van maart was onvolledig', basedOnRevision: 1 },
      DIRECTOR_ACTOR,
    );
    expect(corrected).toMatchObject({
      value: 57,
      revision: 2,
      revisionCount: 2,
      note: 'Registratie van maart was onvolledig',
    });

    const stale = await domainError(() =>
      correctMeasurement(
        ctx.db,
        chain.chainId,
        societalId,
        '2024-03',
        { value: 58, note: 'Nog eens', basedOnRevision: 1 },
        DIRECTOR_ACTOR,
      ),
    );
    expect(stale).toMatchObject({
      code: 'version_conflict',
      details: [{ path: 'basedOnRevision', message: 'expected 2, got 1' }],
    });
    const missing = await domainError(() =>
      correctMeasurement(
        ctx.db,
        chain.chainId,
        societalId,
        '2024-04',
        { value: 58, note: 'x', basedOnRevision: 1 },
        DIRECTOR_ACTOR,
      ),
    );
    expect(missing.code).toBe('not_found');

    const list = await listMeasurements(ctx.db, chain.chainId, societalId);
    expect(list.revisions.map((r) => [r.period, r.revision, r.value])).toEqual([
      ['2024-03', 1, 55],
      ['2024-03', 2, 57],
    ]);
    expect(list.current.map((m) => [m.period, m.value, m.revision])).toEqual([['2024-03', 57, 2]]);

    // the database itself refuses to overwrite a revision
    await expect(
      ctx.db.query('UPDATE indicator_measurements SET value = 1 WHERE indicator_id = $1', [societalId]),
    ).rejects.toThrow(/never changed/);
  });

  it('lets a partner submit only figures of indicators its organisation owns', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const owned = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, { kind: 'organisational', ownerPartnerId: chain.partner('ambulance') }),
      DIRECTOR_ACTOR,
    );
    const ambulance: GovernanceActor = partnerActor('M. Yilmaz', [chain.partner('ambulance')], true);
    const hospital: GovernanceActor = partnerActor('J. de Wit', [chain.partner('ziekenhuis')]);
    const stored = await addMeasurement(
      ctx.db,
      chain.chainId,
      owned.id,
      { period: '2024-01', value: 51, note: '' },
      ambulance,
    );
    expect(stored).toMatchObject({ source: 'api', recordedBy: 'M. Yilmaz' });
    const refused = await domainError(() =>
      addMeasurement(ctx.db, chain.chainId, owned.id, { period: '2024-02', value: 52, note: '' }, hospital),
    );
    expect(refused).toMatchObject({ code: 'not_found', message: 'Indicator not found' });
  });

  it('computes status, trend and forecast as recomputed here by hand', async () => {
    const { chain, societalId } = await chainWithSocietal();
    await addMeasurement(ctx.db, chain.chainId, societalId, { period: '2024-03', value: 55, note: '' }, DIRECTOR_ACTOR);
    await addMeasurement(ctx.db, chain.chainId, societalId, { period: '2024-06', value: 61, note: '' }, DIRECTOR_ACTOR);
    const detail = await getIndicatorDetail(ctx.db, chain.chainId, societalId);

    // Two points: 55 on 31 March and 61 on 30 June, 91 days apart. The least-squares line passes
    // through both, so the assessed value is 61. Path 50 → 80 from 1 January to 31 December 2024.
    const slopePerDay = (61 - 55) / days('2024-03-31', '2024-06-30');
    const progress = (61 - 50) / (80 - 50);
    const expectedProgress = days('2024-01-01', '2024-06-30') / days('2024-01-01', '2024-12-31');
    const shortfall = expectedProgress - progress; // 181/365 − 11/30 ≈ 0.1292: more than 0.10, at most 0.25
    const daysToTarget = Math.ceil((80 - 61) / slopePerDay); // 288.17 → 289 days after 30 June 2024
    const forecast = new Date(Date.parse('2024-06-30T00:00:00Z') + daysToTarget * 86_400_000)
      .toISOString()
      .slice(0, 10);

    expect(detail.status.status).toBe('at-risk');
    expect(detail.status.shortfall).toBeCloseTo(shortfall, 12);
    expect(detail.status.progress).toBeCloseTo(progress, 12);
    expect(detail.status.trend?.slopePerDay).toBeCloseTo(slopePerDay, 12);
    expect(detail.status.pathValue).toBeCloseTo(50 + expectedProgress * 30, 12);
    expect(forecast).toBe('2025-04-15');
    expect(detail.status.forecast).toEqual({ kind: 'forecast', date: forecast, onTime: false });
    expect(detail.trendLine).toEqual([
      { date: '2024-03-31', value: expect.closeTo(55, 9) as number },
      { date: '2024-06-30', value: expect.closeTo(61, 9) as number },
      { date: '2025-04-15', value: expect.closeTo(61 + slopePerDay * daysToTarget, 9) as number },
    ]);
    expect(detail.series.map((m) => m.value)).toEqual([55, 61]);
    expect(detail.path).toEqual({
      baseline: { value: 50, date: '2024-01-01' },
      target: { value: 80, date: '2024-12-31' },
    });

    const list = await listIndicators(ctx.db, chain.chainId);
    expect(list.indicators.map((i) => [i.id, i.status.status])).toEqual([[societalId, 'at-risk']]);
  });

  it('flags partners that optimise their own figures while the shared result stands still', async () => {
    const { chain, societalId } = await chainWithSocietal();
    const own = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, {
        kind: 'organisational',
        ownerPartnerId: chain.partner('ambulance'),
        contributesToIndicatorIds: [societalId],
        linkIds: [chain.link('rit')],
      }),
      DIRECTOR_ACTOR,
    );
    // societal flat at 50; the ambulance's own figure rises 50 → 65 in half a year (on pace)
    for (const [period, shared, mine] of [
      ['2024-01', 50, 50],
      ['2024-04', 50.5, 57],
      ['2024-07', 50, 65],
    ] as const) {
      await addMeasurement(ctx.db, chain.chainId, societalId, { period, value: shared, note: '' }, DIRECTOR_ACTOR);
      await addMeasurement(ctx.db, chain.chainId, own.id, { period, value: mine, note: '' }, DIRECTOR_ACTOR);
    }
    const list = await listIndicators(ctx.db, chain.chainId);
    expect(list.contributions).toHaveLength(1);
    expect(list.contributions[0]).toMatchObject({
      societal: { indicatorId: societalId, pace: 'standing-still' },
      organisational: [{ indicatorId: own.id, pace: 'improving' }],
      linkIds: [chain.link('rit')],
      ownFiguresOptimised: true,
    });
    const detail = await getIndicatorDetail(ctx.db, chain.chainId, own.id);
    expect(detail.contributesTo.map((n) => n.indicatorId)).toEqual([societalId]);
    expect((await getIndicatorDetail(ctx.db, chain.chainId, societalId)).contribution?.ownFiguresOptimised).toBe(true);
  });

  it('computes process indicators from the events with SQL, per Amsterdam month, withholding small months', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const share = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, {
        kind: 'process',
        unit: '%',
        flowSource: {
          measure: 'share-within-norm',
          fromLinkId: chain.link('melding'),
          toLinkId: chain.link('ok'),
          maxMinutes: 60,
        },
      }),
      DIRECTOR_ACTOR,
    );
    const median = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, {
        kind: 'process',
        unit: 'minuten',
        direction: 'lower-is-better',
        baseline: { value: 60, date: '2024-01-01' },
        target: { value: 40, date: '2024-12-31' },
        flowSource: {
          measure: 'median-minutes',
          fromLinkId: chain.link('melding'),
          toLinkId: chain.link('ok'),
          maxMinutes: null,
        },
      }),
      DIRECTOR_ACTOR,
    );
    await insertTestEvents(ctx.db, chain.chainId, [
      // January 2026 (Amsterdam): spans of 30, 45, 60, 61 and 90 minutes → 3 of 5 within 60; median 60
      ...callToSurgery('a', '2026-01-05T08:00:00Z', 30),
      ...callToSurgery('b', '2026-01-06T08:00:00Z', 45),
      ...callToSurgery('c', '2026-01-07T08:00:00Z', 60),
      ...callToSurgery('d', '2026-01-08T08:00:00Z', 61),
      ...callToSurgery('e', '2026-01-09T08:00:00Z', 90),
      // a second call of case a does not restart its clock; only the first call counts
      { caseId: 'a', activity: 'Call received', at: '2026-01-05T08:20:00Z' },
      // case f never reaches the OK; case g had surgery before its (only) call: neither has a span
      { caseId: 'f', activity: 'Call received', at: '2026-01-10T08:00:00Z' },
      { caseId: 'g', activity: 'Surgery start', at: '2026-01-11T07:00:00Z' },
      { caseId: 'g', activity: 'Call received', at: '2026-01-11T08:00:00Z' },
      // 23:30 UTC on 31 January is 00:30 on 1 February in Amsterdam: a February case, as is h2
      ...callToSurgery('h1', '2026-01-31T23:30:00Z', 20),
      ...callToSurgery('h2', '2026-02-10T12:00:00Z', 70),
    ]);

    const result = await refreshFlowMeasurements(ctx.db, chain.chainId, share.id, 1, DIRECTOR_ACTOR);
    expect(result.periods).toEqual([{ period: '2026-01', cases: 5, value: 60, revision: 1, outcome: 'added' }]);
    expect(result.suppressedPeriods).toEqual([{ period: '2026-02' }]);
    const medians = await refreshFlowMeasurements(ctx.db, chain.chainId, median.id, 1, DIRECTOR_ACTOR);
    expect(medians.periods).toEqual([{ period: '2026-01', cases: 5, value: 60, revision: 1, outcome: 'added' }]);

    // recomputing without new events changes nothing; a new event makes a new revision
    expect(
      (await refreshFlowMeasurements(ctx.db, chain.chainId, share.id, 1, DIRECTOR_ACTOR)).periods[0]?.outcome,
    ).toBe('unchanged');
    await insertTestEvents(ctx.db, chain.chainId, callToSurgery('i', '2026-01-20T08:00:00Z', 50));
    expect((await refreshFlowMeasurements(ctx.db, chain.chainId, share.id, 1, DIRECTOR_ACTOR)).periods).toEqual([
      { period: '2026-01', cases: 6, value: 66.67, revision: 2, outcome: 'corrected' },
    ]);
    const stored = await listMeasurements(ctx.db, chain.chainId, share.id);
    expect(stored.revisions.map((r) => [r.revision, r.value, r.source, r.recordedBy])).toEqual([
      [1, 60, 'flow', 'stroomanalyse'],
      [2, 66.67, 'flow', 'stroomanalyse'],
    ]);

    const manual = await createIndicator(ctx.db, chain.chainId, buildIndicatorInput(chain), DIRECTOR_ACTOR);
    expect(
      (await domainError(() => refreshFlowMeasurements(ctx.db, chain.chainId, manual.id, 1, DIRECTOR_ACTOR))).code,
    ).toBe('conflict');
  });
});
