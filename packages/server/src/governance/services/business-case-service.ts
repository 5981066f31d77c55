/**
 * The rules of the partner business cases: a partner enters and changes only its own lines (the
 * director all of them); lines name partners of the chain and never fall before the chain's year
 * 0; the results are core's computeBusinessCase with its compensation proposal.
 */
import {
  DomainError,
  computeBusinessCase,
  notFound,
  versionConflict,
  type BusinessCaseLineInput,
  type ErrorDetail,
  type businessCaseLineInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import { sortPartnersByName } from '../../services/chain-state.ts';
import {
  deleteBusinessCaseLineRow,
  findBusinessCaseLine,
  findBusinessCaseSettings,
  insertBusinessCaseLines,
  listBusinessCaseLines,
  onlyId,
  saveBusinessCaseSettings,
  updateBusinessCaseLineRow,
  type BusinessCaseLineFields,
  type StoredBusinessCaseLine,
} from '../repositories/business-case-repository.ts';
import {
  DEFAULT_BUSINESS_CASE_SETTINGS,
  type BusinessCaseOverview,
  type BusinessCaseSettings,
  type UpdateBusinessCaseLineData,
  type UpdateBusinessCaseSettingsData,
} from '../schemas/business-case-api-schemas.ts';
import { assertMayActFor, type GovernanceActor } from './governance-actor.ts';
import {
  assertIdShape,
  findUnknownIds,
  lockGovernanceChain,
  partnerIdsOf,
  readChain,
  readGovernanceChain,
  throwIfProblems,
  type GovernanceChain,
} from './governance-chain.ts';
import { recordGovernanceChange } from './record-governance-change.ts';

/** A validated line. */
export type BusinessCaseLineData = z.output<typeof businessCaseLineInputSchema>;

/** Every line of the chain's business cases. */
export async function listLines(db: Queryable, chainRef: string): Promise<StoredBusinessCaseLine[]> {
  const chain = await readChain(db, chainRef);
  return listBusinessCaseLines(db, chain.id);
}

/** The settings and the computed business case of every partner that has or receives a line. */
export async function getBusinessCase(db: Queryable, chainRef: string): Promise<BusinessCaseOverview> {
  const state = await readGovernanceChain(db, chainRef);
  const settings = await readSettings(db, state.chain.id);
  const lines = await listBusinessCaseLines(db, state.chain.id);
  return { settings, lineCount: lines.length, result: computeChainBusinessCase(state, lines, settings) };
}

/** Core's business case over the partners named by the lines, in the order of their names. */
export function computeChainBusinessCase(
  state: GovernanceChain,
  lines: readonly StoredBusinessCaseLine[],
  settings: Pick<BusinessCaseSettings, 'discountRate' | 'startYear'>,
): ReturnType<typeof computeBusinessCase> {
  const named = new Set(lines.flatMap((line) => [line.partnerId, line.beneficiaryPartnerId ?? line.partnerId]));
  const partners = sortPartnersByName(state.partners)
    .filter((partner) => named.has(partner.id))
    .map((partner) => ({ id: partner.id, name: partner.name }));
  return computeBusinessCase(partners, lines, { discountRate: settings.discountRate, startYear: settings.startYear });
}

/** Adds a line of a partner's business case; a partner adds only its own lines. */
export async function createLine(
  db: Database,
  chainRef: string,
  input: BusinessCaseLineData,
  actor: GovernanceActor,
): Promise<StoredBusinessCaseLine> {
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    throwIfProblems(await findLineProblems(tx, state, input), 'The line does not fit the business case of this chain');
    assertMayActFor(actor, [input.partnerId], 'Partner');
    const id = onlyId(await insertBusinessCaseLines(tx, state.chain.id, [fieldsOf(input)]));
    await recordGovernanceChange(tx, actor, state.chain.id, 'business_case.create_line', {
      type: 'business_case_line',
      id,
    });
    return requireLine(tx, state.chain.id, id);
  });
}

/** Changes a line; `version_conflict` when stale. A partner changes only its own lines. */
export async function updateLine(
  db: Database,
  chainRef: string,
  lineId: string,
  input: UpdateBusinessCaseLineData,
  actor: GovernanceActor,
): Promise<StoredBusinessCaseLine> {
  assertIdShape(lineId, 'Business case line');
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const current = await requireLine(tx, state.chain.id, lineId);
    assertMayActFor(actor, [current.partnerId], 'Business case line');
    if (current.version !== input.version) {
      throw versionConflict('Business case line', input.version, current.version);
    }
    throwIfProblems(await findLineProblems(tx, state, input), 'The line does not fit the business case of this chain');
    assertMayActFor(actor, [input.partnerId], 'Partner');
    if (!(await updateBusinessCaseLineRow(tx, lineId, input.version, fieldsOf(input)))) {
      throw versionConflict('Business case line', input.version, current.version + 1);
    }
    await recordGovernanceChange(tx, actor, state.chain.id, 'business_case.update_line', {
      type: 'business_case_line',
      id: lineId,
    });
    return requireLine(tx, state.chain.id, lineId);
  });
}

/** Deletes a line; `version_conflict` when stale. A partner deletes only its own lines. */
export async function deleteLine(
  db: Database,
  chainRef: string,
  lineId: string,
  version: number,
  actor: GovernanceActor,
): Promise<void> {
  assertIdShape(lineId, 'Business case line');
  await runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await requireLine(tx, chain.id, lineId);
    assertMayActFor(actor, [current.partnerId], 'Business case line');
    if (current.version !== version) {
      throw versionConflict('Business case line', version, current.version);
    }
    if (!(await deleteBusinessCaseLineRow(tx, lineId, version))) {
      throw versionConflict('Business case line', version, current.version + 1);
    }
    await recordGovernanceChange(tx, actor, chain.id, 'business_case.delete_line', {
      type: 'business_case_line',
      id: lineId,
    });
  });
}

/** Changes the discount rate and year 0; refused when a line would fall before year 0. */
export async function updateSettings(
  db: Database,
  chainRef: string,
  input: UpdateBusinessCaseSettingsData,
  actor: GovernanceActor,
): Promise<BusinessCaseSettings> {
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await readSettings(tx, chain.id);
    if (current.version !== input.version) {
      throw versionConflict('Business case settings', input.version, current.version);
    }
    const startYear = input.startYear;
    if (startYear !== null) {
      const earlier = (await listBusinessCaseLines(tx, chain.id)).filter((line) => line.year < startYear);
      if (earlier.length > 0) {
        throw new DomainError('validation_failed', `${earlier.length} line(s) fall before ${startYear}`, [
          { path: 'startYear', message: `the earliest line is of ${Math.min(...earlier.map((l) => l.year))}` },
        ]);
      }
    }
    if (!(await saveBusinessCaseSettings(tx, chain.id, input.version, input))) {
      throw versionConflict('Business case settings', input.version, current.version + 1);
    }
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'business_case.update_settings',
      { type: 'chain', id: chain.id },
      {
        discountRate: input.discountRate,
        startYear: input.startYear,
      },
    );
    return readSettings(tx, chain.id);
  });
}

async function readSettings(q: Queryable, chainId: string): Promise<BusinessCaseSettings> {
  return (await findBusinessCaseSettings(q, chainId)) ?? DEFAULT_BUSINESS_CASE_SETTINGS;
}

async function requireLine(q: Queryable, chainId: string, lineId: string): Promise<StoredBusinessCaseLine> {
  const line = await findBusinessCaseLine(q, chainId, lineId);
  if (line === null) {
    throw notFound('Business case line');
  }
  return line;
}

function fieldsOf(input: BusinessCaseLineData): BusinessCaseLineFields {
  return {
    partnerId: input.partnerId,
    type: input.type,
    year: input.year,
    amountCents: input.amountCents,
    category: input.category,
    description: input.description,
    beneficiaryPartnerId: input.beneficiaryPartnerId,
  };
}

/** The partners must belong to the chain; the year must not lie before the chain's year 0. */
async function findLineProblems(
  q: Queryable,
  state: GovernanceChain,
  input: Pick<BusinessCaseLineInput, 'partnerId' | 'year'> & { readonly beneficiaryPartnerId: string | null },
): Promise<ErrorDetail[]> {
  const partners = partnerIdsOf(state);
  const problems = [
    ...findUnknownIds([input.partnerId], partners, 'partnerId', 'partner', true),
    ...findUnknownIds([input.beneficiaryPartnerId], partners, 'beneficiaryPartnerId', 'partner', true),
  ];
  const { startYear } = await readSettings(q, state.chain.id);
  if (startYear !== null && input.year < startYear) {
    problems.push({ path: 'year', message: `lies before ${startYear}, year 0 of this chain's business case` });
  }
  return problems;
}
