/**
 * The rules of the common agenda: indicators are created at version 1 and then only revised into
 * new versions (with why and who agreed); every figure shown — status, trend, forecast, the
 * contribution graph — is computed by core from the stored definitions and measurements.
 */
import {
  DomainError,
  computeContributionGraph,
  computeIndicatorStatus,
  computeIndicatorVersionDiff,
  findIndicatorSetProblems,
  notFound,
  selectCurrentMeasurements,
  versionConflict,
  type CurrentMeasurement,
  type DatedValue,
  type ErrorDetail,
  type IndicatorFields,
  type IndicatorStatusResult,
} from '@ketenregie/core';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import {
  advanceIndicatorVersion,
  insertIndicator,
  insertIndicatorVersion,
  listCurrentIndicatorVersions,
  listIndicatorVersions,
} from '../repositories/indicator-repository.ts';
import { listMeasurementRevisions } from '../repositories/measurement-repository.ts';
import type {
  CreateGovernanceIndicatorData,
  FlowSource,
  GovernanceIndicator,
  GovernanceIndicatorVersion,
  IndicatorDetail,
  IndicatorList,
  ReviseGovernanceIndicatorData,
} from '../schemas/indicator-api-schemas.ts';
import type { GovernanceActor } from './governance-actor.ts';
import { daysBetweenDates } from './governance-clock.ts';
import { recordGovernanceChange } from './record-governance-change.ts';
import {
  assertIdShape,
  findUnknownIds,
  linkIdsOf,
  lockGovernanceChain,
  partnerIdsOf,
  readChain,
  throwIfProblems,
  type GovernanceChain,
} from './governance-chain.ts';

/** The indicator as the API shows it: its current version under the indicator's id. */
export function toGovernanceIndicator(version: GovernanceIndicatorVersion, chainId: string): GovernanceIndicator {
  const { indicatorId, ...rest } = version;
  return { ...rest, id: indicatorId, chainId };
}

/** The current measurements of a chain, grouped per indicator as dated values. */
export function groupMeasurements(current: readonly CurrentMeasurement[]): Map<string, DatedValue[]> {
  const byIndicator = new Map<string, DatedValue[]>();
  for (const measurement of current) {
    const list = byIndicator.get(measurement.indicatorId) ?? [];
    list.push({ date: measurement.date, value: measurement.value });
    byIndicator.set(measurement.indicatorId, list);
  }
  return byIndicator;
}

/** The current versions and current measurements of a chain, the input of every indicator figure. */
export async function readIndicatorState(
  q: Queryable,
  chainId: string,
): Promise<{ versions: GovernanceIndicatorVersion[]; current: CurrentMeasurement[] }> {
  const versions = await listCurrentIndicatorVersions(q, chainId);
  const current = selectCurrentMeasurements(await listMeasurementRevisions(q, chainId));
  return { versions, current };
}

/** Every indicator of the chain with its status, and the contribution graph. */
export async function listIndicators(db: Queryable, chainRef: string): Promise<IndicatorList> {
  const chain = await readChain(db, chainRef);
  const { versions, current } = await readIndicatorState(db, chain.id);
  const measurements = groupMeasurements(current);
  return {
    indicators: versions.map((version) => ({
      ...toGovernanceIndicator(version, chain.id),
      status: computeIndicatorStatus(version, measurements.get(version.indicatorId) ?? []),
    })),
    contributions: computeContributionGraph(
      versions.map((version) => ({ ...version, id: version.indicatorId })),
      measurements,
    ),
  };
}

/** One indicator with its series, path, trend line, forecast, version history and contributions. */
export async function getIndicatorDetail(
  db: Queryable,
  chainRef: string,
  indicatorId: string,
): Promise<IndicatorDetail> {
  assertIdShape(indicatorId, 'Indicator');
  const chain = await readChain(db, chainRef);
  const history = await listIndicatorVersions(db, chain.id, indicatorId);
  const version = history[history.length - 1];
  if (version === undefined) {
    throw notFound('Indicator');
  }
  const { versions, current } = await readIndicatorState(db, chain.id);
  const measurements = groupMeasurements(current);
  const series = current.filter((m) => m.indicatorId === indicatorId);
  const status = computeIndicatorStatus(version, measurements.get(indicatorId) ?? []);
  const graph = computeContributionGraph(
    versions.map((v) => ({ ...v, id: v.indicatorId })),
    measurements,
  );
  return {
    indicator: toGovernanceIndicator(version, chain.id),
    status,
    series,
    path: { baseline: version.baseline, target: version.target },
    trendLine: computeTrendLine(status),
    history: history.map((entry, index) => {
      const previous = history[index - 1];
      return { version: entry, changes: previous === undefined ? null : computeIndicatorVersionDiff(previous, entry) };
    }),
    contribution: graph.find((c) => c.societal.indicatorId === indicatorId) ?? null,
    contributesTo: graph
      .filter((c) => [...c.organisational, ...c.process].some((node) => node.indicatorId === indicatorId))
      .map((c) => c.societal),
  };
}

/**
 * Points of the least-squares line for the chart: at the first measurement, at the latest, and at
 * the forecast date when there is one (the line extended to where it reaches the target).
 */
export function computeTrendLine(status: IndicatorStatusResult): DatedValue[] | null {
  const trend = status.trend;
  if (trend === null) {
    return null;
  }
  const at = (date: string): DatedValue => ({
    date,
    value: trend.valueAtLatest + trend.slopePerDay * daysBetweenDates(trend.lastDate, date),
  });
  const points = [at(trend.firstDate), at(trend.lastDate)];
  if (status.forecast.kind === 'forecast' && status.forecast.date > trend.lastDate) {
    points.push(at(status.forecast.date));
  }
  return points;
}

/** Creates an indicator at version 1 with the record of who agreed to it. */
export async function createIndicator(
  db: Database,
  chainRef: string,
  input: CreateGovernanceIndicatorData,
  actor: GovernanceActor,
): Promise<GovernanceIndicator> {
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const others = await listCurrentIndicatorVersions(tx, state.chain.id);
    const fields = fieldsOf(input);
    throwIfProblems(findDefinitionProblems(state, others, null, fields, input), 'The indicator does not fit the chain');
    const id = await insertIndicator(tx, state.chain.id, fields.key);
    await insertIndicatorVersion(tx, state.chain.id, id, 1, {
      fields,
      reason: input.reason,
      agreedBy: input.agreedBy,
      agreedOn: input.agreedOn,
      flowSource: input.flowSource,
      recordedBy: actor.name,
    });
    await recordGovernanceChange(
      tx,
      actor,
      state.chain.id,
      'indicator.create',
      { type: 'indicator', id },
      {
        key: fields.key,
        version: 1,
      },
    );
    return readCurrentIndicator(tx, state.chain.id, id);
  });
}

/**
 * Revises an indicator: stores the complete new definition as the next version, with why and who
 * agreed; earlier versions stay. Refused with `version_conflict` when `input.version` is not the
 * current version, and with `validation_failed` when nothing changed.
 */
export async function reviseIndicator(
  db: Database,
  chainRef: string,
  indicatorId: string,
  input: ReviseGovernanceIndicatorData,
  actor: GovernanceActor,
): Promise<GovernanceIndicator> {
  assertIdShape(indicatorId, 'Indicator');
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const history = await listIndicatorVersions(tx, state.chain.id, indicatorId);
    const current = history[history.length - 1];
    if (current === undefined) {
      throw notFound('Indicator');
    }
    if (input.version !== current.version) {
      throw versionConflict('Indicator', input.version, current.version);
    }
    const fields = fieldsOf(input);
    const others = (await listCurrentIndicatorVersions(tx, state.chain.id)).filter(
      (v) => v.indicatorId !== indicatorId,
    );
    throwIfProblems(
      findDefinitionProblems(state, others, indicatorId, fields, input),
      'The new version does not fit the chain',
    );
    const diff = computeIndicatorVersionDiff(current, { ...fields, ...input, version: current.version + 1 });
    if (diff.changes.length === 0 && sameFlowSource(current.flowSource, input.flowSource)) {
      throw new DomainError('validation_failed', `The new version is identical to version ${current.version}`, [
        { path: '', message: 'change at least one field of the definition' },
      ]);
    }
    if (!(await advanceIndicatorVersion(tx, indicatorId, input.version, fields.key))) {
      throw versionConflict('Indicator', input.version, current.version + 1);
    }
    await insertIndicatorVersion(tx, state.chain.id, indicatorId, current.version + 1, {
      fields,
      reason: input.reason,
      agreedBy: input.agreedBy,
      agreedOn: input.agreedOn,
      flowSource: input.flowSource,
      recordedBy: actor.name,
    });
    await recordGovernanceChange(
      tx,
      actor,
      state.chain.id,
      'indicator.revise',
      { type: 'indicator', id: indicatorId },
      { key: fields.key, version: current.version + 1, changedFields: diff.changes.map((change) => change.field) },
    );
    return readCurrentIndicator(tx, state.chain.id, indicatorId);
  });
}

/** The current version of one indicator of the chain; `not_found` when there is none. */
export async function readCurrentVersion(
  q: Queryable,
  chainId: string,
  indicatorId: string,
): Promise<GovernanceIndicatorVersion> {
  assertIdShape(indicatorId, 'Indicator');
  const history = await listIndicatorVersions(q, chainId, indicatorId);
  const current = history[history.length - 1];
  if (current === undefined) {
    throw notFound('Indicator');
  }
  return current;
}

async function readCurrentIndicator(q: Queryable, chainId: string, indicatorId: string): Promise<GovernanceIndicator> {
  return toGovernanceIndicator(await readCurrentVersion(q, chainId, indicatorId), chainId);
}

function fieldsOf(input: CreateGovernanceIndicatorData | ReviseGovernanceIndicatorData): IndicatorFields {
  return {
    key: input.key,
    name: input.name,
    kind: input.kind,
    definition: input.definition,
    unit: input.unit,
    direction: input.direction,
    baseline: input.baseline,
    target: input.target,
    frequency: input.frequency,
    ownerPartnerId: input.ownerPartnerId,
    linkIds: input.linkIds,
    contributesToIndicatorIds: input.contributesToIndicatorIds,
  };
}

function sameFlowSource(x: FlowSource | null, y: FlowSource | null): boolean {
  if (x === null || y === null) {
    return x === y;
  }
  return (
    x.measure === y.measure &&
    x.fromLinkId === y.fromLinkId &&
    x.toLinkId === y.toLinkId &&
    x.maxMinutes === y.maxMinutes
  );
}

/**
 * Problems of a prospective definition in its chain, named by the fields of the request: partners,
 * links and indicators it names must belong to the chain; keys stay unique; contributions point at
 * societal indicators; other indicators that contribute to this one keep a societal target; a flow
 * source only on a process indicator, between links of the chain.
 */
function findDefinitionProblems(
  state: GovernanceChain,
  others: readonly GovernanceIndicatorVersion[],
  subjectId: string | null,
  fields: IndicatorFields,
  input: { readonly agreedBy: readonly { partnerId: string }[]; readonly flowSource: FlowSource | null },
): ErrorDetail[] {
  const partners = partnerIdsOf(state);
  const links = linkIdsOf(state);
  const problems: ErrorDetail[] = [
    ...findUnknownIds([fields.ownerPartnerId], partners, 'ownerPartnerId', 'partner', true),
    ...findUnknownIds(fields.linkIds, links, 'linkIds', 'link'),
    ...findUnknownIds(
      input.agreedBy.map((a) => a.partnerId),
      partners,
      'agreedBy',
      'partner',
    ).map((p) => ({ ...p, path: `${p.path}.partnerId` })),
  ];
  const flow = input.flowSource;
  if (flow !== null) {
    if (fields.kind !== 'process') {
      problems.push({ path: 'flowSource', message: 'only a process indicator is computed from the flow data' });
    }
    problems.push(
      ...findUnknownIds([flow.fromLinkId], links, 'flowSource.fromLinkId', 'link', true),
      ...findUnknownIds([flow.toLinkId], links, 'flowSource.toLinkId', 'link', true),
    );
  }
  const subject = {
    id: subjectId ?? 'new',
    key: fields.key,
    kind: fields.kind,
    contributesToIndicatorIds: fields.contributesToIndicatorIds,
  };
  const set = [...others.map((v) => ({ ...v, id: v.indicatorId })), subject];
  const subjectIndex = set.length - 1;
  for (const problem of findIndicatorSetProblems(set)) {
    const [, index, ...rest] = problem.path.split('.');
    const at = Number(index);
    if (at === subjectIndex) {
      problems.push({ path: rest.join('.'), message: problem.message });
    } else if (rest[0] === 'contributesToIndicatorIds') {
      const other = set[at];
      problems.push({
        path: 'kind',
        message: `indicator "${other?.key ?? ''}" contributes to this one, so it must stay a societal indicator`,
      });
    }
  }
  return problems;
}
