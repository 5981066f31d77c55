/**
 * The columnar view of a chain's stored trajectory data, built from the database and cached in
 * memory per dataset version.
 *
 * Every import and deletion bumps the chain's version in `flow_datasets` (a trigger does it in the
 * same transaction), so each request asks the database for the current version — one indexed
 * read — and rebuilds only when it changed. Replicas behind a load balancer each keep their own
 * cache and stay consistent because they all read the same version. The build reads the version,
 * the list of imports and their events in one repeatable-read transaction: one snapshot.
 *
 * Events of all imports are merged by pseudonymous case id, imports in the order they were made
 * and each import's events in file order, so equal timestamps keep that order. The partner of an
 * event is its partner id (the analyses name partners by id; the service adds names).
 */
import { EventLogBuilder, type EventLog } from '@ketenregie/core/flow';
import type { Database } from '../../db/database.ts';
import {
  readImportEvents,
  readStoredTimestamp,
  STORED_EVENT_FIELDS as F,
} from '../repositories/flow-event-repository.ts';
import { findFlowDatasetVersion, listFlowImportIdsInOrder } from '../repositories/flow-import-repository.ts';

/** A chain's trajectory data as the analyses read it. */
export interface FlowDataset {
  readonly chainId: string;
  /** The `flow_datasets` version this view was built from (0 before any import). */
  readonly version: number;
  /** All events, sorted by case, time and import/file order; partner names are partner ids. */
  readonly log: EventLog;
  readonly imports: number;
  /** Distinct pseudonymisation key versions of the imports (pseudonyms of different versions never link). */
  readonly keyVersions: readonly number[];
  /** Results computed on this version, by a key the caller chooses (see {@link memoise}). */
  readonly memo: Map<string, unknown>;
}

/** Most data sets one process keeps in memory; the least recently used one goes first. */
const MAX_CACHED_DATASETS = 6;
/** Most memoised results per data set. */
const MAX_MEMO_ENTRIES = 12;

interface CacheEntry {
  readonly version: number;
  readonly dataset: Promise<FlowDataset>;
}

const caches = new WeakMap<Database, Map<string, CacheEntry>>();

function cacheOf(db: Database): Map<string, CacheEntry> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** Reads the data set from the database in one snapshot. */
async function buildDataset(db: Database, chainId: string): Promise<FlowDataset> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const version = await findFlowDatasetVersion(tx, chainId);
    const imports = await listFlowImportIdsInOrder(tx, chainId);
    const expected = imports.reduce((sum, i) => sum + i.eventCount, 0);
    const builder = new EventLogBuilder(Math.max(16, expected));
    for (const { id } of imports) {
      await readImportEvents(tx, id, (row) => {
        const { bytes, start, length } = row;
        const caseIndex = builder.caseIds.internBytes(bytes, start[F.caseId]!, start[F.caseId]! + length[F.caseId]!);
        const activity = builder.activityNames.internBytes(
          bytes,
          start[F.activity]!,
          start[F.activity]! + length[F.activity]!,
        );
        const at = builder.addIndexed(caseIndex, activity, readStoredTimestamp(row, F.timestamp));
        if (length[F.startTimestamp] !== -1) builder.setStartTimestamp(at, readStoredTimestamp(row, F.startTimestamp));
        if (length[F.partnerId] !== -1) {
          const from = start[F.partnerId]!;
          builder.setPartner(at, builder.partnerNames.internBytes(bytes, from, from + length[F.partnerId]!));
        }
        if (length[F.resource] !== -1) {
          const from = start[F.resource]!;
          builder.setResource(at, builder.resourceNames.internBytes(bytes, from, from + length[F.resource]!));
        }
        if (length[F.lifecycle] !== -1) {
          const from = start[F.lifecycle]!;
          builder.setLifecycle(at, builder.lifecycleNames.internBytes(bytes, from, from + length[F.lifecycle]!));
        }
      });
    }
    const keyVersions = [...new Set(imports.map((i) => i.keyVersion).filter((v): v is number => v !== null))].sort(
      (a, b) => a - b,
    );
    return {
      chainId,
      version,
      log: builder.build(),
      imports: imports.length,
      keyVersions,
      memo: new Map<string, unknown>(),
    };
  });
}

/** The current data set of a chain: from the cache when its version is current, else freshly built. */
export async function getFlowDataset(db: Database, chainId: string): Promise<FlowDataset> {
  const version = await findFlowDatasetVersion(db, chainId);
  const cache = cacheOf(db);
  const cached = cache.get(chainId);
  if (cached !== undefined && cached.version === version) {
    // Re-insert to mark it most recently used.
    cache.delete(chainId);
    cache.set(chainId, cached);
    return cached.dataset;
  }
  const dataset = buildDataset(db, chainId);
  cache.delete(chainId);
  cache.set(chainId, { version, dataset });
  while (cache.size > MAX_CACHED_DATASETS) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  try {
    const built = await dataset;
    if (built.version !== version) cache.set(chainId, { version: built.version, dataset });
    return built;
  } catch (error) {
    if (cache.get(chainId)?.dataset === dataset) cache.delete(chainId);
    throw error;
  }
}

/** The result of `compute` for `key` on this data set, computed once per version. */
export function memoise<T>(dataset: FlowDataset, key: string, compute: () => T): T {
  if (dataset.memo.has(key)) return dataset.memo.get(key) as T;
  const value = compute();
  if (dataset.memo.size >= MAX_MEMO_ENTRIES) {
    const oldest = dataset.memo.keys().next().value;
    if (oldest !== undefined) dataset.memo.delete(oldest);
  }
  dataset.memo.set(key, value);
  return value;
}
