/**
 * The rules for measurements: a period gets its first value once; every later change is a
 * correction stored as the next revision (never an overwrite), based on the revision the user saw;
 * a partner submits only figures of indicators its organisation owns; a CSV upload is stored whole
 * or not at all; process indicators are recomputed from the trajectory events.
 */
import {
  DomainError,
  findMeasurementProblems,
  isSmallCell,
  notFound,
  selectCurrentMeasurements,
  versionConflict,
  type CurrentMeasurement,
  type ErrorDetail,
  type MeasurementRevision,
  type MeasurementSource,
  type measurementInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import { computeFlowPeriodFigures, findSmallCellThreshold } from '../repositories/flow-figure-repository.ts';
import { listCurrentIndicatorVersions } from '../repositories/indicator-repository.ts';
import {
  insertMeasurementRevisions,
  listMeasurementRevisions,
  type NewMeasurementRevision,
} from '../repositories/measurement-repository.ts';
import type {
  CorrectMeasurementInput,
  FlowMeasurementResult,
  GovernanceIndicatorVersion,
  MeasurementCsvResult,
  MeasurementList,
  MeasurementOutcome,
} from '../schemas/indicator-api-schemas.ts';
import { assertMayActFor, mayActFor, type GovernanceActor } from './governance-actor.ts';
import { lockGovernanceChain, readChain } from './governance-chain.ts';
import { readCurrentVersion } from './indicator-service.ts';
import { MAX_LISTED_CSV_PROBLEMS, parseMeasurementCsv } from './parse-measurement-csv.ts';
import { recordGovernanceChange } from './record-governance-change.ts';

/** A validated measurement (note defaulted). */
export type MeasurementData = z.output<typeof measurementInputSchema>;

/** Who records figures for this indicator when the flow data computes them. */
export const FLOW_RECORDER = 'stroomanalyse';

/** Decimals kept of a value computed from the flow data (a percentage or minutes). */
const FLOW_VALUE_DECIMALS = 2;

function sourceOf(actor: GovernanceActor): MeasurementSource {
  return actor.viaApiToken ? 'api' : 'manual';
}

/** The indicator's measurements: the value that counts per period, and every revision. */
export async function listMeasurements(db: Queryable, chainRef: string, indicatorId: string): Promise<MeasurementList> {
  const chain = await readChain(db, chainRef);
  await readCurrentVersion(db, chain.id, indicatorId);
  const revisions = await listMeasurementRevisions(db, chain.id, indicatorId);
  return { current: selectCurrentMeasurements(revisions), revisions };
}

/**
 * Records the first value of a period. `conflict` (path `period`) when the period already has a
 * value: that is a correction, which names the revision it is based on.
 */
export async function addMeasurement(
  db: Database,
  chainRef: string,
  indicatorId: string,
  input: MeasurementData,
  actor: GovernanceActor,
): Promise<CurrentMeasurement> {
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const indicator = await readCurrentVersion(tx, chain.id, indicatorId);
    assertMayActFor(actor, [indicator.ownerPartnerId], 'Indicator');
    const problems = findMeasurementProblems(indicator.frequency, input);
    if (problems.length > 0) {
      throw new DomainError('validation_failed', 'The period does not match the indicator', problems);
    }
    const existing = (await listMeasurementRevisions(tx, chain.id, indicatorId)).filter(
      (r) => r.period === input.period,
    );
    const latest = latestRevision(existing);
    if (latest !== null) {
      throw new DomainError(
        'conflict',
        `${input.period} already has a value (revision ${latest.revision}); correct it instead of adding it again`,
        [{ path: 'period', message: 'this period already has a value' }],
      );
    }
    await insertMeasurementRevisions(tx, chain.id, [
      {
        indicatorId,
        period: input.period,
        revision: 1,
        value: input.value,
        source: sourceOf(actor),
        note: input.note,
        recordedBy: actor.name,
      },
    ]);
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'measurement.add',
      { type: 'indicator', id: indicatorId },
      {
        period: input.period,
        revision: 1,
        source: sourceOf(actor),
      },
    );
    return readCurrentMeasurement(tx, chain.id, indicatorId, input.period);
  });
}

/**
 * Corrects the value of a period by adding the next revision; earlier revisions stay. `not_found`
 * when the period has no value; `version_conflict` (path `basedOnRevision`) when someone corrected
 * it since the revision the user saw.
 */
export async function correctMeasurement(
  db: Database,
  chainRef: string,
  indicatorId: string,
  period: string,
  input: CorrectMeasurementInput,
  actor: GovernanceActor,
): Promise<CurrentMeasurement> {
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const indicator = await readCurrentVersion(tx, chain.id, indicatorId);
    assertMayActFor(actor, [indicator.ownerPartnerId], 'Indicator');
    const latest = latestRevision(
      (await listMeasurementRevisions(tx, chain.id, indicatorId)).filter((r) => r.period === period),
    );
    if (latest === null) {
      throw notFound('Measurement');
    }
    if (latest.revision !== input.basedOnRevision) {
      throw new DomainError(
        'version_conflict',
        `${period} was corrected by someone else (you saw revision ${input.basedOnRevision}, the latest is ${latest.revision}); reload and correct it again`,
        [{ path: 'basedOnRevision', message: `expected ${latest.revision}, got ${input.basedOnRevision}` }],
      );
    }
    await insertMeasurementRevisions(tx, chain.id, [
      {
        indicatorId,
        period,
        revision: latest.revision + 1,
        value: input.value,
        source: sourceOf(actor),
        note: input.note,
        recordedBy: actor.name,
      },
    ]);
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'measurement.correct',
      { type: 'indicator', id: indicatorId },
      {
        period,
        revision: latest.revision + 1,
        source: sourceOf(actor),
      },
    );
    return readCurrentMeasurement(tx, chain.id, indicatorId, period);
  });
}

/**
 * Stores the measurements of a CSV (see parseMeasurementCsv for the format), all or nothing: any
 * problem — in the file, an unknown indicator key, an indicator the actor may not submit for, a
 * period of the wrong form, the same period twice — answers `validation_failed` listing each
 * problem with its line and field, and stores nothing. A row for a period that already has the
 * same value and note changes nothing; a different value becomes a correction (next revision).
 */
export async function uploadMeasurementsCsv(
  db: Database,
  chainRef: string,
  csv: string,
  actor: GovernanceActor,
): Promise<MeasurementCsvResult> {
  const parsed = parseMeasurementCsv(csv);
  if (!parsed.ok) {
    throw csvError(parsed.problems);
  }
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const indicators = new Map((await listCurrentIndicatorVersions(tx, chain.id)).map((v) => [v.key, v]));
    const problems: ErrorDetail[] = [];
    const seen = new Map<string, number>();
    for (const row of parsed.rows) {
      const indicator = indicators.get(row.indicatorKey);
      if (indicator === undefined || !mayActFor(actor, indicator.ownerPartnerId)) {
        problems.push({
          path: 'indicator',
          line: row.line,
          message:
            indicator === undefined
              ? `no indicator with key "${row.indicatorKey}" in this chain`
              : `"${row.indicatorKey}" is not an indicator you can submit figures for`,
        });
        continue;
      }
      for (const problem of findMeasurementProblems(indicator.frequency, row)) {
        problems.push({ ...problem, line: row.line });
      }
      const key = `${row.indicatorKey}\u0000${row.period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({
          path: 'period',
          line: row.line,
          message: `${row.period} of "${row.indicatorKey}" is also on line ${earlier}`,
        });
      }
      seen.set(key, row.line);
    }
    if (problems.length > 0) {
      throw csvError(problems);
    }

    const latest = latestPerPeriod(await listMeasurementRevisions(tx, chain.id));
    const toStore: NewMeasurementRevision[] = [];
    const measurements: MeasurementCsvResult['measurements'][number][] = [];
    for (const row of parsed.rows) {
      const indicator = indicators.get(row.indicatorKey) as GovernanceIndicatorVersion;
      const current = latest.get(periodKey(indicator.indicatorId, row.period)) ?? null;
      const outcome = outcomeOf(current, row.value, row.note);
      const revision = outcome === 'unchanged' ? (current?.revision ?? 1) : (current?.revision ?? 0) + 1;
      if (outcome !== 'unchanged') {
        toStore.push({
          indicatorId: indicator.indicatorId,
          period: row.period,
          revision,
          value: row.value,
          source: 'csv',
          note: row.note,
          recordedBy: actor.name,
        });
      }
      measurements.push({
        line: row.line,
        indicatorId: indicator.indicatorId,
        indicatorKey: row.indicatorKey,
        period: row.period,
        revision,
        outcome,
      });
    }
    await insertMeasurementRevisions(tx, chain.id, toStore);
    const count = (outcome: MeasurementOutcome) => measurements.filter((m) => m.outcome === outcome).length;
    const result = {
      rows: parsed.rows.length,
      added: count('added'),
      corrected: count('corrected'),
      unchanged: count('unchanged'),
      measurements,
    };
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'measurement.upload_csv',
      { type: 'chain', id: chain.id },
      {
        rows: result.rows,
        added: result.added,
        corrected: result.corrected,
        unchanged: result.unchanged,
      },
    );
    return result;
  });
}

/**
 * Recomputes a process indicator from the trajectory events with its flow source, for every period
 * with data: a period without a value gets revision 1, a period whose value changed (new or removed
 * events) gets the next revision, an equal value changes nothing. Periods with fewer cases than the
 * chain's small-cell threshold are left out. `version` is the version of the indicator the caller
 * saw (`version_conflict` when it was revised since, so the computation is the one they expect);
 * `conflict` when the indicator has no flow source.
 */
export async function refreshFlowMeasurements(
  db: Database,
  chainRef: string,
  indicatorId: string,
  version: number,
  actor: GovernanceActor,
): Promise<FlowMeasurementResult> {
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const indicator = await readCurrentVersion(tx, chain.id, indicatorId);
    if (indicator.version !== version) {
      throw versionConflict('Indicator', version, indicator.version);
    }
    const result = await recomputeFlowMeasurements(tx, chainRef, indicatorId);
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'measurement.compute_from_flow',
      { type: 'indicator', id: indicatorId },
      { periods: result.periods.filter((p) => p.outcome !== 'unchanged').map((p) => p.period) },
    );
    return result;
  });
}

/** {@link refreshFlowMeasurements} inside a running transaction (the demo seeding uses it). */
export async function recomputeFlowMeasurements(
  tx: Queryable,
  chainRef: string,
  indicatorId: string,
): Promise<FlowMeasurementResult> {
  const { chain } = await lockGovernanceChain(tx, chainRef);
  const indicator = await readCurrentVersion(tx, chain.id, indicatorId);
  const source = indicator.flowSource;
  if (source === null) {
    throw new DomainError('conflict', `"${indicator.key}" is not computed from the flow data`, [
      { path: 'flowSource', message: 'set a flow source in a new version of the indicator first' },
    ]);
  }
  const threshold = (await findSmallCellThreshold(tx, chain.id)) ?? undefined;
  const figures = await computeFlowPeriodFigures(tx, chain.id, {
    fromLinkId: source.fromLinkId,
    toLinkId: source.toLinkId,
    frequency: indicator.frequency,
    maxMinutes: source.maxMinutes,
  });
  const latest = latestPerPeriod(await listMeasurementRevisions(tx, chain.id, indicatorId));
  const result: FlowMeasurementResult = { indicatorId, periods: [], suppressedPeriods: [] };
  const toStore: NewMeasurementRevision[] = [];
  for (const figure of figures) {
    if (isSmallCell(figure.cases, threshold)) {
      result.suppressedPeriods.push({ period: figure.period });
      continue;
    }
    const raw =
      source.measure === 'share-within-norm' ? (100 * (figure.withinNorm ?? 0)) / figure.cases : figure.medianMinutes;
    const value = roundTo(raw, FLOW_VALUE_DECIMALS);
    const current = latest.get(periodKey(indicatorId, figure.period)) ?? null;
    const note = `Berekend uit ${figure.cases} trajecten`;
    const outcome =
      current !== null && current.value === value ? 'unchanged' : current === null ? 'added' : 'corrected';
    const revision = outcome === 'unchanged' ? (current?.revision ?? 1) : (current?.revision ?? 0) + 1;
    if (outcome !== 'unchanged') {
      toStore.push({
        indicatorId,
        period: figure.period,
        revision,
        value,
        source: 'flow',
        note,
        recordedBy: FLOW_RECORDER,
      });
    }
    result.periods.push({ period: figure.period, cases: figure.cases, value, revision, outcome });
  }
  await insertMeasurementRevisions(tx, chain.id, toStore);
  return result;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function outcomeOf(current: MeasurementRevision | null, value: number, note: string): MeasurementOutcome {
  if (current === null) {
    return 'added';
  }
  return current.value === value && current.note === note ? 'unchanged' : 'corrected';
}

function periodKey(indicatorId: string, period: string): string {
  return `${indicatorId}\u0000${period}`;
}

/** The revision with the highest number per indicator and period. */
function latestPerPeriod(revisions: readonly MeasurementRevision[]): Map<string, MeasurementRevision> {
  const latest = new Map<string, MeasurementRevision>();
  for (const revision of revisions) {
    const key = periodKey(revision.indicatorId, revision.period);
    const current = latest.get(key);
    if (current === undefined || revision.revision > current.revision) {
      latest.set(key, revision);
    }
  }
  return latest;
}

function latestRevision(revisions: readonly MeasurementRevision[]): MeasurementRevision | null {
  let latest: MeasurementRevision | null = null;
  for (const revision of revisions) {
    if (latest === null || revision.revision > latest.revision) {
      latest = revision;
    }
  }
  return latest;
}

async function readCurrentMeasurement(
  q: Queryable,
  chainId: string,
  indicatorId: string,
  period: string,
): Promise<CurrentMeasurement> {
  const revisions = (await listMeasurementRevisions(q, chainId, indicatorId)).filter((r) => r.period === period);
  const [current] = selectCurrentMeasurements(revisions);
  if (current === undefined) {
    throw notFound('Measurement');
  }
  return current;
}

function csvError(problems: readonly ErrorDetail[]): DomainError {
  const listed = problems.slice(0, MAX_LISTED_CSV_PROBLEMS);
  const more = problems.length - listed.length;
  return new DomainError(
    'validation_failed',
    `The CSV has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was stored` +
      (more > 0 ? ` (the first ${listed.length} are listed)` : ''),
    listed,
  );
}
