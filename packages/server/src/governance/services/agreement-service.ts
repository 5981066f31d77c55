/**
 * The rules for agreements: parties, owner, links and indicators belong to the chain; only the
 * allowed status changes happen (core's transition table), each with who, when and why in the
 * history; the owning partner keeps its agreement up to date and a party signs for itself; the
 * anchoring view is core's computeAgreementsNeedingAttention.
 */
import {
  DomainError,
  applyAgreementStatusChange,
  computeAgreementsNeedingAttention,
  notFound,
  versionConflict,
  type Agreement,
  type AgreementFields,
  type AgreementNeedingAttention,
  type AgreementSignature,
  type AgreementStatusChangeInput,
  type ErrorDetail,
  type createAgreementInputSchema,
  type updateAgreementInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import {
  bumpAgreementVersion,
  deleteAgreementRow,
  findAgreement,
  insertAgreement,
  insertAgreementHistoryEntry,
  listAgreements as listAgreementRows,
  replaceAgreementChildren,
  updateAgreementRow,
  updateAgreementStatus,
} from '../repositories/agreement-repository.ts';
import { listCurrentIndicatorVersions } from '../repositories/indicator-repository.ts';
import { assertMayActFor, type GovernanceActor } from './governance-actor.ts';
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
import { recordGovernanceChange } from './record-governance-change.ts';

/** A validated request to register an agreement. */
export type CreateAgreementData = z.output<typeof createAgreementInputSchema>;
/** A validated request to change an agreement's fields. */
export type UpdateAgreementData = z.output<typeof updateAgreementInputSchema>;
/** A signature with the version of the agreement it was based on. */
export type SignAgreementData = AgreementSignature & { readonly version: number };

/** Every agreement of the chain with its status history, oldest first. */
export async function listAgreements(db: Queryable, chainRef: string): Promise<Agreement[]> {
  const chain = await readChain(db, chainRef);
  return listAgreementRows(db, chain.id);
}

/** One agreement; `not_found` when the chain has no such agreement. */
export async function getAgreement(db: Queryable, chainRef: string, agreementId: string): Promise<Agreement> {
  assertIdShape(agreementId, 'Agreement');
  const chain = await readChain(db, chainRef);
  return requireAgreement(db, chain.id, agreementId);
}

/** The anchoring view on `today`: agreements with a review or due date passed or near, or long-term without review. */
export async function listAgreementsNeedingAttention(
  db: Queryable,
  chainRef: string,
  today: string,
): Promise<AgreementNeedingAttention[]> {
  const chain = await readChain(db, chainRef);
  return computeAgreementsNeedingAttention(await listAgreementRows(db, chain.id), today);
}

/** Registers an agreement; its history starts with the given status and reason. */
export async function createAgreement(
  db: Database,
  chainRef: string,
  input: CreateAgreementData,
  actor: GovernanceActor,
): Promise<Agreement> {
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const fields = fieldsOf(input);
    throwIfProblems(
      await findReferenceProblems(tx, state, fields),
      'The agreement names things that are not part of this chain',
    );
    const id = await insertAgreement(tx, state.chain.id, fields, input.status);
    await replaceAgreementChildren(tx, state.chain.id, id, fields);
    await insertAgreementHistoryEntry(tx, state.chain.id, id, {
      from: null,
      to: input.status,
      changedBy: actor.name,
      reason: input.reason,
    });
    await recordGovernanceChange(
      tx,
      actor,
      state.chain.id,
      'agreement.create',
      { type: 'agreement', id },
      {
        kind: fields.kind,
        status: input.status,
      },
    );
    return requireAgreement(tx, state.chain.id, id);
  });
}

/**
 * Changes an agreement's fields (not its status). The owning partner (or the director) may;
 * `version_conflict` when stale.
 */
export async function updateAgreement(
  db: Database,
  chainRef: string,
  agreementId: string,
  input: UpdateAgreementData,
  actor: GovernanceActor,
): Promise<Agreement> {
  assertIdShape(agreementId, 'Agreement');
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainRef);
    const current = await requireAgreement(tx, state.chain.id, agreementId);
    assertMayActFor(actor, [current.ownerPartnerId], 'Agreement');
    if (current.version !== input.version) {
      throw versionConflict('Agreement', input.version, current.version);
    }
    const fields = fieldsOf(input);
    throwIfProblems(
      await findReferenceProblems(tx, state, fields),
      'The agreement names things that are not part of this chain',
    );
    if (!(await updateAgreementRow(tx, agreementId, input.version, fields))) {
      throw versionConflict('Agreement', input.version, current.version + 1);
    }
    await replaceAgreementChildren(tx, state.chain.id, agreementId, fields);
    await recordGovernanceChange(
      tx,
      actor,
      state.chain.id,
      'agreement.update',
      { type: 'agreement', id: agreementId },
      {
        version: input.version + 1,
      },
    );
    return requireAgreement(tx, state.chain.id, agreementId);
  });
}

/**
 * Moves an agreement to another status with the reason, recording who and when. The owner, a
 * party or the director may; `conflict` (path `to`) when the move is not allowed from the current
 * status; `version_conflict` when stale.
 */
export async function changeAgreementStatus(
  db: Database,
  chainRef: string,
  agreementId: string,
  input: AgreementStatusChangeInput,
  actor: GovernanceActor,
): Promise<Agreement> {
  assertIdShape(agreementId, 'Agreement');
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await requireAgreement(tx, chain.id, agreementId);
    assertMayActFor(actor, [current.ownerPartnerId, ...current.partyPartnerIds], 'Agreement');
    if (current.version !== input.version) {
      throw versionConflict('Agreement', input.version, current.version);
    }
    const changed = applyAgreementStatusChange(current, input, {
      changedBy: actor.name,
      changedAt: new Date().toISOString(),
    });
    if (!(await updateAgreementStatus(tx, agreementId, input.version, changed.status))) {
      throw versionConflict('Agreement', input.version, current.version + 1);
    }
    await insertAgreementHistoryEntry(tx, chain.id, agreementId, {
      from: current.status,
      to: changed.status,
      changedBy: actor.name,
      reason: input.reason,
    });
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'agreement.change_status',
      { type: 'agreement', id: agreementId },
      {
        from: current.status,
        to: changed.status,
      },
    );
    return requireAgreement(tx, chain.id, agreementId);
  });
}

/**
 * Adds a party's signature (who signed on its behalf, and when). Only the party itself (or the
 * director) signs; `validation_failed` when the partner is not a party, `conflict` when it already
 * signed, `version_conflict` when stale.
 */
export async function signAgreement(
  db: Database,
  chainRef: string,
  agreementId: string,
  input: SignAgreementData,
  actor: GovernanceActor,
): Promise<Agreement> {
  assertIdShape(agreementId, 'Agreement');
  return runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await requireAgreement(tx, chain.id, agreementId);
    assertMayActFor(actor, [input.partnerId], 'Agreement');
    if (current.version !== input.version) {
      throw versionConflict('Agreement', input.version, current.version);
    }
    if (!current.partyPartnerIds.includes(input.partnerId)) {
      throw new DomainError('validation_failed', 'Only a party to the agreement can sign it', [
        { path: 'partnerId', message: 'this partner is not a party to the agreement' },
      ]);
    }
    if (current.signatures.some((s) => s.partnerId === input.partnerId)) {
      throw new DomainError('conflict', 'This partner has already signed the agreement', [
        { path: 'partnerId', message: 'already signed' },
      ]);
    }
    const signature: AgreementSignature = {
      partnerId: input.partnerId,
      signedBy: input.signedBy,
      signedOn: input.signedOn,
    };
    if (!(await bumpAgreementVersion(tx, agreementId, input.version))) {
      throw versionConflict('Agreement', input.version, current.version + 1);
    }
    await replaceAgreementChildren(tx, chain.id, agreementId, {
      ...current,
      signatures: [...current.signatures, signature],
    });
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'agreement.sign',
      { type: 'agreement', id: agreementId },
      {
        partnerId: input.partnerId,
      },
    );
    return requireAgreement(tx, chain.id, agreementId);
  });
}

/** Deletes an agreement with its history; `version_conflict` when stale. */
export async function deleteAgreement(
  db: Database,
  chainRef: string,
  agreementId: string,
  version: number,
  actor: GovernanceActor,
): Promise<void> {
  assertIdShape(agreementId, 'Agreement');
  await runChange(db, async (tx) => {
    const { chain } = await lockGovernanceChain(tx, chainRef);
    const current = await requireAgreement(tx, chain.id, agreementId);
    if (current.version !== version) {
      throw versionConflict('Agreement', version, current.version);
    }
    if (!(await deleteAgreementRow(tx, agreementId, version))) {
      throw versionConflict('Agreement', version, current.version + 1);
    }
    await recordGovernanceChange(
      tx,
      actor,
      chain.id,
      'agreement.delete',
      { type: 'agreement', id: agreementId },
      {
        title: current.title,
      },
    );
  });
}

async function requireAgreement(q: Queryable, chainId: string, agreementId: string): Promise<Agreement> {
  const agreement = await findAgreement(q, chainId, agreementId);
  if (agreement === null) {
    throw notFound('Agreement');
  }
  return agreement;
}

function fieldsOf(input: CreateAgreementData | UpdateAgreementData): AgreementFields {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    level: input.level,
    partyPartnerIds: input.partyPartnerIds,
    ownerPartnerId: input.ownerPartnerId,
    linkIds: input.linkIds,
    indicatorIds: input.indicatorIds,
    startDate: input.startDate,
    endDate: input.endDate,
    dueDate: input.dueDate,
    reviewDate: input.reviewDate,
    signatures: input.signatures,
  };
}

/** Partners, links and indicators the agreement names must belong to the chain. */
async function findReferenceProblems(
  q: Queryable,
  state: GovernanceChain,
  fields: AgreementFields,
): Promise<ErrorDetail[]> {
  const partners = partnerIdsOf(state);
  const indicators = new Set((await listCurrentIndicatorVersions(q, state.chain.id)).map((v) => v.indicatorId));
  return [
    ...findUnknownIds(fields.partyPartnerIds, partners, 'partyPartnerIds', 'partner'),
    ...findUnknownIds([fields.ownerPartnerId], partners, 'ownerPartnerId', 'partner', true),
    ...findUnknownIds(fields.linkIds, linkIdsOf(state), 'linkIds', 'link'),
    ...findUnknownIds(fields.indicatorIds, indicators, 'indicatorIds', 'indicator'),
  ];
}
