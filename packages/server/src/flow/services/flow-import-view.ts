/** Turns stored import rows into the API's shape. */
import type { FlowImportRow } from '../repositories/flow-import-repository.ts';
import type { FlowImport } from '../schemas/import-schemas.ts';

/** The API view of an import row. */
export function toFlowImport(row: FlowImportRow): FlowImport {
  return {
    id: row.id,
    partner:
      row.partnerId === null ? null : { id: row.partnerId, key: row.partnerKey ?? '', name: row.partnerName ?? '' },
    source: row.source,
    fileName: row.fileName,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    eventCount: row.eventCount,
    caseCount: row.caseCount,
    duplicatesSkipped: row.duplicatesSkipped,
    keyVersion: row.keyVersion,
    fileBytes: row.fileBytes,
    timeZone: row.timeZone,
  };
}
