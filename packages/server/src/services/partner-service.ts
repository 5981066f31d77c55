/** The rules for the partners of a chain. */
import {
  DomainError,
  isUuid,
  notFound,
  versionConflict,
  type Partner,
  type createPartnerInputSchema,
  type updatePartnerInputSchema,
} from '@ketenregie/core';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import { touchChain } from '../repositories/chain-repository.ts';
import { findLinksNamingPartner } from '../repositories/link-repository.ts';
import {
  countPartnerTrajectoryRows,
  deletePartnerRow,
  insertPartner,
  updatePartnerRow,
} from '../repositories/partner-repository.ts';
import { NEW_ID, assertChangeSound, lockChainState, type ChainState } from './chain-state.ts';
import { runChange } from './run-change.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.ts';
import { recordAudit } from './audit-service.ts';
import { describePartnerGovernanceUse } from '../governance/services/partner-governance-use.ts';

/** A validated request to add a partner (defaults applied). */
export type CreatePartnerData = z.output<typeof createPartnerInputSchema>;
/** A validated request to change a partner; absent fields stay as they are. */
export type UpdatePartnerData = z.output<typeof updatePartnerInputSchema>;

/** Adds a partner to a chain; `validation_failed` on `key` when another partner uses it. */
export async function createPartner(
  db: Database,
  chainRef: string,
  input: CreatePartnerData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Partner> {
  return runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const candidate: Partner = { ...input, id: NEW_ID, chainId: state.chain.id, version: 1 };
    assertChangeSound(
      { ...state, partners: [...state.partners, candidate] },
      { kind: 'partner', partnerId: NEW_ID },
      'The new partner',
    );
    const partner = await insertPartner(tx, state.chain.id, input);
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'partner.create',
      targetType: 'partner',
      targetId: partner.id,
      chainId: state.chain.id,
      details: { key: partner.key, name: partner.name },
    });
    return partner;
  });
}

/** Changes a partner; `version_conflict` when `input.version` is not the current one. */
export async function updatePartner(
  db: Database,
  chainRef: string,
  partnerId: string,
  input: UpdatePartnerData,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Partner> {
  return runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const current = getPartner(state, partnerId);
    if (current.version !== input.version) {
      throw versionConflict('Partner', input.version, current.version);
    }
    const next: Partner = {
      ...current,
      key: input.key ?? current.key,
      name: input.name ?? current.name,
      sector: input.sector ?? current.sector,
      roles: input.roles ?? current.roles,
      interest: input.interest ?? current.interest,
      interestLevel: input.interestLevel ?? current.interestLevel,
      influence: input.influence ?? current.influence,
      commitment: input.commitment ?? current.commitment,
    };
    assertChangeSound(
      { ...state, partners: state.partners.map((p) => (p.id === current.id ? next : p)) },
      { kind: 'partner', partnerId: current.id },
      'The change of the partner',
    );
    const updated = await updatePartnerRow(tx, current.id, input.version, next);
    if (updated === null) {
      throw versionConflict('Partner', input.version, current.version + 1);
    }
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'partner.update',
      targetType: 'partner',
      targetId: current.id,
      chainId: state.chain.id,
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return updated;
  });
}

/** Removes a partner; `conflict` while a link names it or trajectory data is attributed to it. */
export async function deletePartner(
  db: Database,
  chainRef: string,
  partnerId: string,
  version: number,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  await runChange(db, async (tx) => {
    const state = await lockChainState(tx, chainRef);
    const current = getPartner(state, partnerId);
    if (current.version !== version) {
      throw versionConflict('Partner', version, current.version);
    }
    const links = await findLinksNamingPartner(tx, current.id);
    if (links.length > 0) {
      throw new DomainError(
        'conflict',
        `Partner "${current.name}" is responsible for ${links.length} link(s) of the chain; remove it from ${links
          .map((l) => `"${l.name}"`)
          .join(', ')} first`,
        links.map((l) => ({ path: '', message: `link "${l.key}" names this partner` })),
      );
    }
    if ((await countPartnerTrajectoryRows(tx, current.id)) > 0) {
      throw new DomainError(
        'conflict',
        `Partner "${current.name}" has trajectory data attributed to it; remove those imports first`,
      );
    }
    const governanceUse = await describePartnerGovernanceUse(tx, current.id);
    if (governanceUse !== null) {
      throw new DomainError(
        'conflict',
        `Partner "${current.name}" is still named by ${governanceUse} of the chain; remove it from those first`,
      );
    }
    if (!(await deletePartnerRow(tx, current.id, version))) {
      throw versionConflict('Partner', version, current.version + 1);
    }
    await touchChain(tx, state.chain.id);
    await recordAudit(tx, actor, {
      action: 'partner.delete',
      targetType: 'partner',
      targetId: current.id,
      chainId: state.chain.id,
      details: { key: current.key, name: current.name },
    });
  });
}

/** The partner of the chain with this id; `not_found` for unknown and malformed ids. */
function getPartner(state: ChainState, partnerId: string): Partner {
  const partner = isUuid(partnerId) ? state.partners.find((p) => p.id === partnerId.toLowerCase()) : undefined;
  if (partner === undefined) {
    throw notFound('Partner');
  }
  return partner;
}
