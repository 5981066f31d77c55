import { describe, expect, it } from 'vitest';
import { DIRECTOR_ACTOR, type GovernanceActor } from '../src/governance/services/governance-actor.ts';
import { createIndicator } from '../src/governance/services/indicator-service.ts';
import { listMeasurements, uploadMeasurementsCsv } from '../src/governance/services/measurement-service.ts';
import { parseMeasurementCsv } from '../src/governance/services/parse-measurement-csv.ts';
import { buildGovernanceChain, buildIndicatorInput, partnerActor } from './governance-fixtures.ts';
import { domainError } from './support/domain-error.ts';
import { describeEachDatabase } from './support/test-databases.ts';

describe('parseMeasurementCsv', () => {
  it('reads comma, semicolon and tab files, quoted fields, decimal commas and Dutch headers', () => {
    expect(parseMeasurementCsv('indicator,period,value,note\na,2024-01,12.5,"eerste, voorlopig"\n')).toEqual({
      ok: true,
      rows: [{ line: 2, indicatorKey: 'a', period: '2024-01', value: 12.5, note: 'eerste, voorlopig' }],
    });
    expect(
      parseMeasurementCsv(
        '\uFEFFIndicator;Periode;Waarde;Toelichting\r\nb;2024-Q2;12,5;""\r\n\r\nb;2024-Q3;-3;"met ""aanhalingstekens""\nen een regel"\r\n',
      ),
    ).toEqual({
      ok: true,
      rows: [
        { line: 2, indicatorKey: 'b', period: '2024-Q2', value: 12.5, note: '' },
        { line: 4, indicatorKey: 'b', period: '2024-Q3', value: -3, note: 'met "aanhalingstekens"\nen een regel' },
      ],
    });
    expect(parseMeasurementCsv('waarde\tperiode\tindicator\n7\t2024\tc')).toEqual({
      ok: true,
      rows: [{ line: 2, indicatorKey: 'c', period: '2024', value: 7, note: '' }],
    });
  });

  it('lists every problem with its line and field', () => {
    const result = parseMeasurementCsv(
      ['indicator,period,value', 'a,2024-13,1', 'a,2024-01,1.234,5', ',2024-02,abc', 'a,2024-03,"1,5"'].join('\n'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'period',
          line: 2,
          message: '"2024-13" is not a period; use 2024 (year), 2024-Q2 (quarter) or 2024-05 (month)',
        },
        { path: 'csv', line: 3, message: 'expected 3 fields like the header, found 4' },
        { path: 'indicator', line: 4, message: 'the indicator key is empty' },
        {
          path: 'value',
          line: 4,
          message: '"abc" is not a number; write e.g. 12.5 or 12,5 without thousands separators',
        },
      ],
    });
    expect(parseMeasurementCsv('indicator,periode,waarde,opmerkingen\n')).toMatchObject({
      ok: false,
      problems: [{ path: 'opmerkingen', line: 1 }],
    });
    expect(parseMeasurementCsv('indicator,period\na,2024')).toMatchObject({
      ok: false,
      problems: [{ path: 'value', line: 1, message: 'the header has no column "value" (or "waarde")' }],
    });
    expect(parseMeasurementCsv('indicator,period,value\na,2024,"1')).toEqual({
      ok: false,
      problems: [{ path: 'csv', line: 2, message: 'a quoted field is not closed' }],
    });
    expect(parseMeasurementCsv('indicator,period,value\n')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });
});

describeEachDatabase('governance: CSV upload of measurements', (ctx) => {
  it('stores all rows or none, naming the line and field of every problem', async () => {
    const chain = await buildGovernanceChain(ctx.db);
    const monthly = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, { key: 'gouden-uur' }),
      DIRECTOR_ACTOR,
    );
    const owned = await createIndicator(
      ctx.db,
      chain.chainId,
      buildIndicatorInput(chain, {
        key: 'a1-norm',
        kind: 'organisational',
        ownerPartnerId: chain.partner('ambulance'),
        frequency: 'quarterly',
      }),
      DIRECTOR_ACTOR,
    );

    const bad = await domainError(() =>
      uploadMeasurementsCsv(
        ctx.db,
        chain.chainId,
        [
          'indicator;periode;waarde;toelichting',
          'gouden-uur;2024-01;61,5;',
          'gouden-uur;2024-Q1;62;',
          'onbekend;2024-02;1;',
          'gouden-uur;2024-01;63;dubbel',
        ].join('\n'),
        DIRECTOR_ACTOR,
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.message).toBe('The CSV has 3 problems; nothing was stored');
    expect(bad.details).toEqual([
      { path: 'period', line: 3, message: 'this indicator is measured monthly; use a period like 2024-05' },
      { path: 'indicator', line: 4, message: 'no indicator with key "onbekend" in this chain' },
      { path: 'period', line: 5, message: '2024-01 of "gouden-uur" is also on line 2' },
    ]);
    expect((await listMeasurements(ctx.db, chain.chainId, monthly.id)).revisions).toEqual([]);

    const csv = [
      'indicator,period,value,note',
      'gouden-uur,2024-01,61.5,',
      'gouden-uur,2024-02,62,',
      'a1-norm,2024-Q1,91,',
    ].join('\n');
    const first = await uploadMeasurementsCsv(ctx.db, chain.chainId, csv, DIRECTOR_ACTOR);
    expect(first).toMatchObject({ rows: 3, added: 3, corrected: 0, unchanged: 0 });

    const second = await uploadMeasurementsCsv(
      ctx.db,
      chain.chainId,
      ['indicator,period,value,note', 'gouden-uur,2024-01,61.5,', 'gouden-uur,2024-02,63,herberekend'].join('\n'),
      DIRECTOR_ACTOR,
    );
    expect(second).toMatchObject({ rows: 2, added: 0, corrected: 1, unchanged: 1 });
    expect(second.measurements.map((m) => [m.line, m.period, m.revision, m.outcome])).toEqual([
      [2, '2024-01', 1, 'unchanged'],
      [3, '2024-02', 2, 'corrected'],
    ]);
    const stored = await listMeasurements(ctx.db, chain.chainId, monthly.id);
    expect(stored.revisions.map((r) => [r.period, r.revision, r.value, r.source])).toEqual([
      ['2024-01', 1, 61.5, 'csv'],
      ['2024-02', 1, 62, 'csv'],
      ['2024-02', 2, 63, 'csv'],
    ]);

    // a partner may upload only its own organisation's figures
    const hospital: GovernanceActor = partnerActor('SEH', [chain.partner('ziekenhuis')]);
    const foreign = await domainError(() =>
      uploadMeasurementsCsv(ctx.db, chain.chainId, 'indicator,period,value\na1-norm,2024-Q2,92', hospital),
    );
    expect(foreign.details).toEqual([
      { path: 'indicator', line: 2, message: '"a1-norm" is not an indicator you can submit figures for' },
    ]);
    expect((await listMeasurements(ctx.db, chain.chainId, owned.id)).current.map((m) => m.period)).toEqual(['2024-Q1']);
  });
});
