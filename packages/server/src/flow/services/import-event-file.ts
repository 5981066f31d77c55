/**
 * Importing a partner's extract of trajectory data into the chain's event store, all or nothing:
 *
 * 1. the partner and the column mapping (given, else the partner's remembered one, else the
 *    defaults) are checked, and a file identical to one imported before for the same partner is
 *    refused;
 * 2. the file is read by the streaming importers into a columnar log — any problem rejects it
 *    whole, naming file, line (or element) and field, never the value of an identifying column;
 * 3. every case id (and, when identifying, every resource) is replaced by its pseudonym under the
 *    chain's key: one HMAC per distinct value, before anything is stored;
 * 4. each event gets a fingerprint (partner, case pseudonym, activity, time, lifecycle and the
 *    occurrence number of identical events), and in one transaction — serialised per chain — the
 *    events whose fingerprint is stored already are skipped and the others are bulk-copied in.
 *
 * A process killed at any point leaves nothing: the import row and its events commit together.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError, type ErrorDetail } from '@ketenregie/core';
import { NO_INDEX, type EventLog } from '@ketenregie/core/flow';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/database.ts';
import { createPseudonymiser, isPseudonym } from '../../importers/pseudonymise-identifier.ts';
import { guessEventLogFormat, readEventLogFile, type EventLogFormat } from '../../importers/read-event-log-file.ts';
import { listPartners } from '../../repositories/partner-repository.ts';
import { recordAudit } from '../../services/audit-service.ts';
import { getChainPseudonymKey } from '../../services/pseudonym-key-service.ts';
import { runChange } from '../../services/run-change.ts';
import { NO_WORDS, wordsOf, writeEventFingerprint, type Words128 } from '../event-fingerprint.ts';
import { FingerprintSet } from '../fingerprint-set.ts';
import { insertImportEvents, readStoredFingerprints } from '../repositories/flow-event-repository.ts';
import {
  findFlowImport,
  findFlowImportByFile,
  findImportMapping,
  insertFlowImport,
  lockChainFlowData,
  upsertImportMapping,
} from '../repositories/flow-import-repository.ts';
import {
  importMappingSchema,
  type CreatedFlowImport,
  type ImportMapping,
  type ImportMappingInput,
} from '../schemas/import-schemas.ts';
import { toFlowImport } from './flow-import-view.ts';

/** For which partners the caller may import: all (director, analyst, command line) or its own. */
export interface ImportScope {
  readonly allPartners: boolean;
  /** The partner rows the caller's organisation stands for. */
  readonly partnerIds: readonly string[];
}

/** How far an import is; `storing` counts events written in the open transaction. */
export type ImportProgress =
  | { readonly phase: 'reading'; readonly bytesRead: number; readonly totalBytes: number }
  | { readonly phase: 'pseudonymising'; readonly cases: number }
  | { readonly phase: 'storing'; readonly eventsStored: number; readonly totalEvents: number };

/** What to import. */
export interface ImportEventFileRequest {
  readonly chainId: string;
  /** The delivering partner (id or key); null for a chain-wide file with a partner column. */
  readonly partnerId: string | null;
  /** The file on disk; its base name is what messages and the history show. */
  readonly path: string;
  /** Guessed from the file name when absent. */
  readonly format?: EventLogFormat | undefined;
  /**
   * Fields of the mapping given explicitly (validated here against `importMappingSchema`); the rest
   * come from the partner's remembered mapping or the defaults.
   */
  readonly mapping?: Partial<ImportMappingInput> | Readonly<Record<string, unknown>> | undefined;
  /** With `identifiersPseudonymised`: the key version the partner used; default the current one. */
  readonly pseudonymKeyVersion?: number | undefined;
  /** Store the mapping as the partner's default (CSV only); default true. */
  readonly rememberMapping?: boolean | undefined;
  /** SHA-256 (hex) and size of the file, when the caller computed them while receiving it. */
  readonly fileSha256?: string | undefined;
  readonly fileBytes?: number | undefined;
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Reads the file once to compute its SHA-256 and size. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const digest = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    digest.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: digest.digest('hex'), bytes };
}

function invalid(message: string, details: readonly ErrorDetail[] = []): DomainError {
  return new DomainError('validation_failed', message, details);
}

/** The mapping to use: explicit fields over the remembered mapping over the defaults. */
function resolveMapping(
  remembered: unknown,
  given: Partial<ImportMappingInput> | Readonly<Record<string, unknown>> | undefined,
): ImportMapping {
  const stored = importMappingSchema.safeParse(remembered);
  const explicit = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined));
  const parsed = importMappingSchema.safeParse({ ...(stored.success ? stored.data : {}), ...explicit });
  if (!parsed.success) {
    throw invalid(
      'The column mapping is not valid',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  const mapping = parsed.data;
  const inTheClear = [
    mapping.activityColumn,
    mapping.timestampColumn,
    mapping.startTimestampColumn,
    mapping.partnerColumn,
  ].filter((name): name is string => name !== null);
  const clash = mapping.identifyingColumns.find((name) => inTheClear.includes(name));
  if (clash !== undefined) {
    throw invalid(`The column "${clash}" is needed in the clear and cannot be pseudonymised`, [
      { path: 'identifyingColumns', message: `"${clash}" holds an activity, a time or a partner` },
    ]);
  }
  return mapping;
}

/** Matches the partner names of a file (key, name or id, case-insensitive) to the chain's partners. */
function resolveFilePartners(
  log: EventLog,
  partners: readonly { id: string; key: string; name: string }[],
  column: string,
): string[] {
  const byName = new Map<string, string>();
  for (const partner of partners) {
    for (const name of [partner.id, partner.key, partner.name]) byName.set(name.trim().toLowerCase(), partner.id);
  }
  const unknown: string[] = [];
  const ids = log.partnerNames.toArray().map((name) => {
    const id = byName.get(name.trim().toLowerCase());
    if (id === undefined) unknown.push(name);
    return id ?? '';
  });
  if (unknown.length > 0) {
    throw invalid(
      `The file names ${unknown.length} partner${unknown.length === 1 ? '' : 's'} that are not partners of this chain`,
      unknown.slice(0, 20).map((name) => ({
        path: column,
        message: `"${name.slice(0, 80)}" is not a partner of this chain; use a partner's key or name (${partners
          .map((p) => p.key)
          .join(', ')})`,
      })),
    );
  }
  return ids;
}

/** The label recorded as who imported. */
function labelOf(actor: Actor): { label: string; kind: string } {
  switch (actor.kind) {
    case 'user':
      return { label: actor.email, kind: 'user' };
    case 'token':
      return { label: actor.name, kind: 'token' };
    case 'system':
      return { label: actor.label, kind: 'system' };
    case 'anonymous':
      return { label: '', kind: 'anonymous' };
  }
}

/**
 * The fingerprint of every event (see `event-fingerprint.ts`): partner, case pseudonym, activity,
 * lifecycle, time and how many identical events (same everything, same time) came before it in its
 * case — so a file with a real repeat keeps both, and importing it again skips both.
 */
function computeFingerprints(
  log: EventLog,
  pseudonyms: readonly string[],
  partnerOf: (k: number) => string,
): Uint8Array {
  const out = new Uint8Array(log.eventCount * 16);
  const { activity, timestamp, caseIndex, lifecycle } = log;
  const caseWords = pseudonyms.map(wordsOf);
  const activityWords = log.activityNames.toArray().map(wordsOf);
  const lifecycleWords = log.lifecycleNames.toArray().map(wordsOf);
  const partnerWords = new Map<string, Words128>();
  for (let k = 0; k < log.eventCount; k++) {
    const partner = partnerOf(k);
    let occurrence = 0;
    for (let j = k - 1; j >= 0 && caseIndex[j] === caseIndex[k] && timestamp[j] === timestamp[k]; j--) {
      if (
        activity[j] === activity[k] &&
        (lifecycle === null || lifecycle[j] === lifecycle[k]) &&
        partnerOf(j) === partner
      ) {
        occurrence++;
      }
    }
    let words = partnerWords.get(partner);
    if (words === undefined) {
      words = wordsOf(partner);
      partnerWords.set(partner, words);
    }
    const l = lifecycle === null ? NO_INDEX : lifecycle[k]!;
    writeEventFingerprint(
      out,
      k * 16,
      words,
      caseWords[caseIndex[k]!]!,
      activityWords[activity[k]!]!,
      l === NO_INDEX ? NO_WORDS : lifecycleWords[l]!,
      timestamp[k]!,
      occurrence,
    );
  }
  return out;
}

/** Imports one file; see the module comment. Returns the new import. */
export async function importEventFile(
  db: Database,
  actor: Actor,
  scope: ImportScope,
  request: ImportEventFileRequest,
): Promise<CreatedFlowImport> {
  const { chainId } = request;
  const fileName = basename(request.path);
  const partners = await listPartners(db, chainId);
  const partner =
    request.partnerId === null
      ? null
      : (partners.find((p) => p.id === request.partnerId || p.key === request.partnerId) ?? null);
  if (request.partnerId !== null && partner === null) {
    throw new DomainError('not_found', 'Partner not found', [
      { path: 'partnerId', message: 'not a partner of this chain' },
    ]);
  }
  if (!scope.allPartners && (partner === null || !scope.partnerIds.includes(partner.id))) {
    throw new DomainError('forbidden', 'You can import data only for your own organisation', [
      { path: 'partnerId', message: 'give the partner your organisation stands for' },
    ]);
  }
  const mapping = resolveMapping(
    partner === null ? null : await findImportMapping(db, chainId, partner.id),
    request.mapping,
  );
  const file =
    request.fileSha256 !== undefined && request.fileBytes !== undefined
      ? { sha256: request.fileSha256, bytes: request.fileBytes }
      : await hashFile(request.path);
  const refuseSameFile = (found: Awaited<ReturnType<typeof findFlowImportByFile>>): void => {
    if (found === null) return;
    throw new DomainError(
      'conflict',
      `This file was imported before for ${partner?.name ?? 'this chain'} (${found.fileName ?? 'a file'} on ${found.createdAt.slice(0, 10)}); delete that import first to import it again`,
      [{ path: 'file', message: `identical to import ${found.id}` }],
    );
  };
  refuseSameFile(await findFlowImportByFile(db, chainId, partner?.id ?? null, file.sha256));

  const format = request.format ?? guessEventLogFormat(request.path);
  const totalBytes = (await stat(request.path)).size;
  const {
    log,
    notes,
    format: readFormat,
  } = await readEventLogFile(request.path, {
    format,
    columns: {
      caseId: mapping.caseColumn,
      activity: mapping.activityColumn,
      timestamp: mapping.timestampColumn,
      startTimestamp: mapping.startTimestampColumn ?? undefined,
      resource: mapping.resourceColumn ?? undefined,
      partner: mapping.partnerColumn ?? undefined,
    },
    delimiter: mapping.delimiter ?? undefined,
    objectType: mapping.objectType ?? undefined,
    timeZone: mapping.timeZone,
    onProgress: (bytesRead) => request.onProgress?.({ phase: 'reading', bytesRead, totalBytes }),
  });
  if (log.eventCount === 0) {
    throw invalid(`${fileName} contains no events`, [{ file: fileName, path: '', message: 'the file has no events' }]);
  }

  const filePartnerIds =
    log.partner === null ? [] : resolveFilePartners(log, partners, mapping.partnerColumn ?? 'partner');
  if (!scope.allPartners && filePartnerIds.some((id) => id !== '' && !scope.partnerIds.includes(id))) {
    throw new DomainError('forbidden', 'The file holds events of other organisations than your own', [
      { path: mapping.partnerColumn ?? 'partner', message: 'every event must belong to your own organisation' },
    ]);
  }
  const defaultPartnerId = partner?.id ?? null;
  const partnerOf = (k: number): string => {
    const p = log.partner === null ? NO_INDEX : log.partner[k]!;
    return p === NO_INDEX ? (defaultPartnerId ?? '') : filePartnerIds[p]!;
  };

  const key = await getChainPseudonymKey(db, chainId);
  request.onProgress?.({ phase: 'pseudonymising', cases: log.caseCount });
  let pseudonyms: string[];
  let keyVersion = key.version;
  if (mapping.identifiersPseudonymised) {
    pseudonyms = log.caseIds.toArray();
    const bad = pseudonyms.filter((id) => !isPseudonym(id)).length;
    if (bad > 0) {
      throw invalid(
        `${fileName}: ${bad} case id${bad === 1 ? ' is' : 's are'} not pseudonyms (26 characters A–Z and 2–7); was the file pseudonymised with "ketenregie pseudonymise" and this chain's key?`,
        [{ file: fileName, path: mapping.caseColumn, message: 'expected a pseudonym' }],
      );
    }
    keyVersion = request.pseudonymKeyVersion ?? key.version;
  } else {
    const pseudonymise = createPseudonymiser(key.key);
    pseudonyms = log.caseIds.toArray().map(pseudonymise);
  }
  const identifyingResource =
    mapping.identifyingColumns.includes(mapping.resourceColumn ?? 'resource') ||
    mapping.identifyingColumns.includes('resource') ||
    mapping.identifyingColumns.includes('org:resource');
  const resources = identifyingResource
    ? log.resourceNames.toArray().map(createPseudonymiser(key.key))
    : log.resourceNames.toArray();
  const encoder = new TextEncoder();
  const caseIdBytes = pseudonyms.map((pseudonym) => encoder.encode(pseudonym));
  const fingerprints = computeFingerprints(log, pseudonyms, partnerOf);
  const storedPartners = [...new Set(Array.from({ length: log.eventCount }, (_, k) => partnerOf(k)))];
  const { label, kind } = labelOf(actor);

  const importId = await runChange(db, async (tx) => {
    await lockChainFlowData(tx, chainId);
    refuseSameFile(await findFlowImportByFile(tx, chainId, partner?.id ?? null, file.sha256));
    const stored = new FingerprintSet();
    await readStoredFingerprints(
      tx,
      chainId,
      storedPartners.filter((id) => id !== ''),
      storedPartners.includes(''),
      (bytes, at) => stored.add(bytes, at),
    );
    const keep: number[] = [];
    const cases = new Set<string>();
    for (let k = 0; k < log.eventCount; k++) {
      if (stored.size > 0 && stored.has(fingerprints, k * 16)) continue;
      keep.push(k);
      cases.add(pseudonyms[log.caseIndex[k]!]!);
    }
    const rows = Uint32Array.from(keep);
    const id = await insertFlowImport(tx, {
      chainId,
      partnerId: partner?.id ?? null,
      source: readFormat,
      fileName,
      createdBy: label,
      createdByKind: kind,
      eventCount: rows.length,
      caseCount: cases.size,
      duplicatesSkipped: log.eventCount - rows.length,
      keyVersion,
      fileSha256: file.sha256,
      fileBytes: file.bytes,
      timeZone: mapping.timeZone,
    });
    request.onProgress?.({ phase: 'storing', eventsStored: 0, totalEvents: rows.length });
    await insertImportEvents(
      tx,
      chainId,
      id,
      {
        log,
        rows,
        caseIds: caseIdBytes,
        partnerIds: filePartnerIds.map((p) => (p === '' ? null : p)),
        defaultPartnerId,
        resources,
        fingerprints,
      },
      (eventsStored) => request.onProgress?.({ phase: 'storing', eventsStored, totalEvents: rows.length }),
    );
    if ((request.rememberMapping ?? true) && partner !== null && readFormat === 'csv') {
      await upsertImportMapping(tx, chainId, partner.id, mapping);
    }
    await recordAudit(tx, actor, {
      action: 'flow.import',
      targetType: 'event_import',
      targetId: id,
      chainId,
      details: {
        partnerId: partner?.id ?? null,
        fileName,
        format: readFormat,
        events: rows.length,
        cases: cases.size,
        duplicatesSkipped: log.eventCount - rows.length,
        keyVersion,
      },
    });
    return id;
  });
  const row = await findFlowImport(db, chainId, importId);
  if (row === null) throw new Error('the import just stored was not found');
  return { ...toFlowImport(row), notes: [...notes] };
}
