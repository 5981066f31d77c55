/**
 * The rules for improvement interventions: they target links and indicators of their own chain;
 * an evaluation compares comparable periods before and after the start (core's
 * computeEvaluationWindows) on the flow data or an indicator, with core's bootstrap interval and
 * verdict, and is stored with everything needed to reread it.
 */
import {
  DomainError,
  computeEvaluationWindows,
  computeNumericEvaluation,
  computeProportionEvaluation,
  evaluationOptionsSchema,
  notFound,
  selectCurrentMeasurements,
  splitByEvaluationWindows,
  versionConflict,
  type BilingualText,
  type ErrorDetail,
  type EvaluationWindows,
  type Intervention,
  type InterventionFields,
  type createInterventionInputSchema,
  type updateInterventionInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import { listFlowCaseSpans } from '../repositories/flow-figure-repository.ts';
import { listCurrentIndicatorVersions } from '../repositories/indicator-repository.ts';
import {
  deleteInterventionRow,
  findIntervention,
  insertEvaluation,
  insertIntervention,
  listEvaluationRows,
  listInterventionRows,
  updateInterventionRow,
  type StoredEvaluation,
} from '../repositories/intervention-repository.ts';
import { listMeasurementRevisions } from '../repositories/measurement-repository.ts';
import {
  evaluationResultSchema,
  evaluationSettingsSchema,
  type EvaluateInterventionData,
  type EvaluationMeasure,
  type EvaluationSettings,
  type InterventionDetail,
  type InterventionEvaluation,
} from '../schemas/intervention-api-schemas.ts';
import type { GovernanceActor } from './governance-actor.ts';
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
import { readCurrentVersion } from './indicator-service.ts';
import { recordGovernanceChange } from './record-governance-change.ts';

/** A validated request to register an intervention. */
export type CreateInterventionData = z.output<typeof createInterventionInputSchema>;
/** A validated request to change an intervention. */
export type UpdateInterventionData = z.output<typeof updateInterventionInputSchema>;

/** Every intervention of the chain with its evaluations, by start date. */
export async function listInterventions(db: Queryable, chainRef: string): Promise<InterventionDetail[]> {
  const chain = await readChain(db, chainRef);
  const evaluations = (await listEvaluationRows(db, chain.id)).map(toEvaluation);
  return (await listInterventionRows(db, chain.id)).map((intervention) => ({
    ...intervention,
    evaluations: evaluations.filter((e) => e.interventionId === intervention.id),
  }));
}

/** One intervention with its evaluations. */
export async function getIntervention(
  db: Queryable,
  chainRef: string,
  interventionId: string,
): Promise<InterventionDetail> {
  assertIdShape(interventionId, 'Intervention');
  const chain = await readChain(db, chainRef);
  return readDetail(db, chain.id, interventionId);
}

/** Registers an intervention against links and indicators of the chain. */
export async function createIntervention(
  db: Database,
  chainRef: string,
  input: CreateInterventionData,
  actor: GovernanceActor,
): Promise<InterventionDetail> {
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    throwIfProblems(
      await findTargetProblems(tx, state, input),
      'The intervention names things that are not part of this chain',
    );
    const id = await insertIntervention(tx, state.chain.id, fieldsOf(input));
    await recordGovernanceChange(tx, actor, state.chain.id, 'intervention.create', { type: 'intervention', id });
    return readDetail(tx, state.chain.id, id);
  });
}

/** Changes an intervention; `version_conflict` when stale. */
export async function updateIntervention(
  db: Database,
  chainRef: string,
  interventionId: string,
  input: UpdateInterventionData,
  actor: GovernanceActor,
): Promise<InterventionDetail> {
  assertIdShape(interventionId, 'Intervention');
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const current = await requireIntervention(tx, state.chain.id, interventionId);
    if (current.version !== input.version) {
      throw versionConflict('Intervention', input.version, current.version);
    }
    throwIfProblems(
      await findTargetProblems(tx, state, input),
      'The intervention names things that are not part of this chain',
    );
    if (!(await updateInterventionRow(tx, state.chain.id, interventionId, input.version, fieldsOf(input)))) {
      throw versionConflict('Intervention', input.version, current.version + 1);
    }
    await recordGovernanceChange(tx, actor, state.chain.id, 'intervention.update', {
      type: 'intervention',
      id: interventionId,
    });
    return readDetail(tx, state.chain.id, interventionId);
  });
}

/** Deletes an intervention with its evaluations; `version_conflict` when stale. */
export async function deleteIntervention(
  db: Database,
  chainRef: string,
  interventionId: string,
  version: number,
  actor: GovernanceActor,
): Promise<void> {
  assertIdShape(interventionId, 'Intervention');
  await runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await requireIntervention(tx, chain.id, interventionId);
    if (current.version !== version) {
      throw versionConflict('Intervention', version, current.version);
    }
    if (!(await deleteInterventionRow(tx, interventionId, version))) {
      throw versionConflict('Intervention', version, current.version + 1);
    }
    await recordGovernanceChange(tx, actor, chain.id, 'intervention.delete', {
      type: 'intervention',
      id: interventionId,
    });
  });
}

/**
 * Evaluates an intervention as of `input.asOf` (default `today`) and stores the evaluation.
 * `conflict` when no whole day after the start (and run-in) has passed; `validation_failed`
 * naming the field when the measure names links or an indicator outside the chain.
 */
export async function evaluateIntervention(
  db: Database,
  chainRef: string,
  interventionId: string,
  input: EvaluateInterventionData,
  actor: GovernanceActor,
  today: string,
): Promise<InterventionEvaluation> {
  assertIdShape(interventionId, 'Intervention');
  return runChange(db, async (tx) => storeEvaluation(tx, chainRef, interventionId, input, actor, today));
}

/** {@link evaluateIntervention} inside a running transaction (the demo seeding uses it). */
export async function storeEvaluation(
  tx: Queryable,
  chainRef: string,
  interventionId: string,
  input: EvaluateInterventionData,
  actor: GovernanceActor,
  today: string,
): Promise<InterventionEvaluation> {
  const state = await lockGovernanceChain(tx, chainRef);
  const intervention = await requireIntervention(tx, state.chain.id, interventionId);
  const evaluatedOn = input.asOf ?? today;
  const windows = computeEvaluationWindows(intervention.startDate, evaluatedOn, input.maxWindowDays, input.runInDays);
  if (windows === null) {
    throw new DomainError(
      'conflict',
      `The intervention starts on ${intervention.startDate}; as of ${evaluatedOn} no whole day after the start` +
        (input.runInDays > 0 ? ` and the run-in of ${input.runInDays} days` : '') +
        ' has passed, so there is nothing to compare yet',
      [{ path: 'asOf', message: 'choose a later date' }],
    );
  }
  const options = evaluationOptionsSchema.parse(input.options ?? {});
  const { subject, result } = await computeEvaluation(tx, state, input.measure, windows, options);
  const settings: EvaluationSettings = {
    measure: input.measure,
    subject: subject.label,
    before: windows.before,
    after: windows.after,
    lengthDays: windows.lengthDays,
    runInDays: input.runInDays,
    maxWindowDays: input.maxWindowDays,
    options,
  };
  const id = await insertEvaluation(tx, state.chain.id, {
    interventionId,
    evaluatedOn,
    measure: settings,
    result,
    createdBy: actor.name,
  });
  await recordGovernanceChange(
    tx,
    actor,
    state.chain.id,
    'intervention.evaluate',
    { type: 'intervention', id: interventionId },
    { evaluationId: id, measure: input.measure.kind, verdict: result.verdict },
  );
  const stored = (await listEvaluationRows(tx, state.chain.id, interventionId)).find((row) => row.id === id);
  if (stored === undefined) {
    throw notFound('Evaluation');
  }
  return toEvaluation(stored);
}

type EvaluationSubject = { readonly label: BilingualText; readonly unit: BilingualText | null };

async function computeEvaluation(
  q: Queryable,
  state: GovernanceChain,
  measure: EvaluationMeasure,
  windows: EvaluationWindows,
  options: z.output<typeof evaluationOptionsSchema>,
): Promise<{ subject: EvaluationSubject; result: z.output<typeof evaluationResultSchema> }> {
  if (measure.kind === 'indicator') {
    const versions = await listCurrentIndicatorVersions(q, state.chain.id);
    throwIfProblems(
      findUnknownIds(
        [measure.indicatorId],
        new Set(versions.map((v) => v.indicatorId)),
        'measure.indicatorId',
        'indicator',
        true,
      ),
      'The evaluation names an indicator that is not part of this chain',
    );
    const indicator = await readCurrentVersion(q, state.chain.id, measure.indicatorId);
    const current = selectCurrentMeasurements(await listMeasurementRevisions(q, state.chain.id, measure.indicatorId));
    const split = splitByEvaluationWindows(current, windows);
    const subject = {
      label: { nl: `de indicator "${indicator.name}"`, en: `the indicator "${indicator.name}"` },
      unit: { nl: indicator.unit, en: indicator.unit },
    };
    return {
      subject,
      result: computeNumericEvaluation(
        split.before.map((m) => m.value),
        split.after.map((m) => m.value),
        indicator.direction,
        subject,
        options,
      ),
    };
  }
  const links = linkIdsOf(state);
  const problems: ErrorDetail[] = [
    ...findUnknownIds([measure.fromLinkId], links, 'measure.fromLinkId', 'link', true),
    ...findUnknownIds([measure.toLinkId], links, 'measure.toLinkId', 'link', true),
  ];
  if (measure.fromLinkId === measure.toLinkId) {
    problems.push({ path: 'measure.toLinkId', message: 'choose a later link than fromLinkId' });
  }
  throwIfProblems(problems, 'The evaluation names links that are not part of this chain');
  const name = (id: string) => state.links.find((link) => link.id === id)?.name ?? id;
  const from = name(measure.fromLinkId);
  const to = name(measure.toLinkId);
  const spans = await listFlowCaseSpans(q, state.chain.id, measure.fromLinkId, measure.toLinkId, {
    from: windows.before.from,
    until: windows.after.until,
  });
  const split = splitByEvaluationWindows(spans, windows);
  if (measure.kind === 'flow-duration') {
    const subject = {
      label: { nl: `de tijd van "${from}" tot "${to}"`, en: `the time from "${from}" to "${to}"` },
      unit: { nl: 'minuten', en: 'minutes' },
    };
    return {
      subject,
      result: computeNumericEvaluation(
        split.before.map((s) => s.minutes),
        split.after.map((s) => s.minutes),
        'lower-is-better',
        subject,
        options,
      ),
    };
  }
  const subject = {
    label: {
      nl: `het aandeel trajecten van "${from}" tot "${to}" binnen ${measure.maxMinutes} minuten`,
      en: `the share of cases from "${from}" to "${to}" within ${measure.maxMinutes} minutes`,
    },
    unit: null,
  };
  const count = (list: readonly { minutes: number }[]) => ({
    successes: list.filter((s) => s.minutes <= measure.maxMinutes).length,
    total: list.length,
  });
  return {
    subject,
    result: computeProportionEvaluation(count(split.before), count(split.after), 'higher-is-better', subject, options),
  };
}

async function requireIntervention(q: Queryable, chainId: string, interventionId: string): Promise<Intervention> {
  const intervention = await findIntervention(q, chainId, interventionId);
  if (intervention === null) {
    throw notFound('Intervention');
  }
  return intervention;
}

async function readDetail(q: Queryable, chainId: string, interventionId: string): Promise<InterventionDetail> {
  const intervention = await requireIntervention(q, chainId, interventionId);
  const evaluations = (await listEvaluationRows(q, chainId, interventionId)).map(toEvaluation);
  return { ...intervention, evaluations };
}

/** A stored evaluation, its JSON validated on the way out of the database. */
function toEvaluation(row: StoredEvaluation): InterventionEvaluation {
  return {
    ...evaluationSettingsSchema.parse(row.measure),
    id: row.id,
    interventionId: row.interventionId,
    evaluatedOn: row.evaluatedOn,
    result: evaluationResultSchema.parse(row.result),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

function fieldsOf(input: CreateInterventionData | UpdateInterventionData): InterventionFields {
  return {
    title: input.title,
    hypothesis: input.hypothesis,
    description: input.description,
    ownerPartnerId: input.ownerPartnerId,
    linkIds: input.linkIds,
    indicatorIds: input.indicatorIds,
    startDate: input.startDate,
    endDate: input.endDate,
    status: input.status,
  };
}

async function findTargetProblems(
  q: Queryable,
  state: GovernanceChain,
  fields: Pick<InterventionFields, 'ownerPartnerId' | 'linkIds' | 'indicatorIds'>,
): Promise<ErrorDetail[]> {
  const indicators = new Set((await listCurrentIndicatorVersions(q, state.chain.id)).map((v) => v.indicatorId));
  return [
    ...findUnknownIds([fields.ownerPartnerId], partnerIdsOf(state), 'ownerPartnerId', 'partner', true),
    ...findUnknownIds(fields.linkIds, linkIdsOf(state), 'linkIds', 'link'),
    ...findUnknownIds(fields.indicatorIds, indicators, 'indicatorIds', 'indicator'),
  ];
}
