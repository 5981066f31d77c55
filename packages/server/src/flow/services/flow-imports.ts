/**
 * The import history of a chain, deleting an import (its events go with it, for real), and the
 * column mapping a partner used last time.
 */
import { DomainError, notFound } from '@ketenregie/core';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/database.ts';
import { listPartners } from '../../repositories/partner-repository.ts';
import { recordAudit } from '../../services/audit-service.ts';
import { runChange } from '../../services/run-change.ts';
import {
  deleteFlowImportRow,
  findFlowImport,
  findImportMapping,
  listFlowImports,
  lockChainFlowData,
} from '../repositories/flow-import-repository.ts';
import { importMappingSchema, type FlowImport, type ImportMapping } from '../schemas/import-schemas.ts';
import { toFlowImport } from './flow-import-view.ts';
import type { ImportScope } from './import-event-file.ts';

/** Every import of a chain, newest first, including the demo's. */
export async function listChainImports(db: Database, chainId: string): Promise<FlowImport[]> {
  return (await listFlowImports(db, chainId)).map(toFlowImport);
}

/** One import; `not_found` when the chain has no such import. */
export async function getChainImport(db: Database, chainId: string, importId: string): Promise<FlowImport> {
  const row = await findFlowImport(db, chainId, importId);
  if (row === null) throw notFound('Import');
  return toFlowImport(row);
}

/**
 * Deletes an import and all its events in one transaction and records it in the audit log. A
 * caller who may import only for its own organisation may delete only its organisation's imports.
 */
export async function deleteChainImport(
  db: Database,
  actor: Actor,
  scope: ImportScope,
  chainId: string,
  importId: string,
): Promise<void> {
  await runChange(db, async (tx) => {
    await lockChainFlowData(tx, chainId);
    const row = await findFlowImport(tx, chainId, importId);
    if (row === null) throw notFound('Import');
    if (!scope.allPartners && (row.partnerId === null || !scope.partnerIds.includes(row.partnerId))) {
      throw new DomainError('forbidden', 'You can delete only the imports of your own organisation');
    }
    await deleteFlowImportRow(tx, chainId, importId);
    await recordAudit(tx, actor, {
      action: 'flow.import.delete',
      targetType: 'event_import',
      targetId: importId,
      chainId,
      details: { partnerId: row.partnerId, fileName: row.fileName, events: row.eventCount },
    });
  });
}

/** The mapping a partner used last time, or the defaults when it has none; `not_found` for an unknown partner. */
export async function getImportMapping(
  db: Database,
  chainId: string,
  partnerId: string,
): Promise<{ readonly mapping: ImportMapping; readonly remembered: boolean }> {
  const partner = (await listPartners(db, chainId)).find((p) => p.id === partnerId || p.key === partnerId);
  if (partner === undefined) throw notFound('Partner');
  const stored = importMappingSchema.safeParse(await findImportMapping(db, chainId, partner.id));
  return stored.success
    ? { mapping: stored.data, remembered: true }
    : { mapping: importMappingSchema.parse({}), remembered: false };
}
