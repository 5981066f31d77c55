/**
 * The demo: the `emergency-care` template's chain with the synthetic trajectories of its
 * thousands of patients (one `event_imports` row with source 'demo'), plus the model of the
 * smaller `youth-protection` chain. Idempotent: a chain whose slug already exists is left alone.
 */
import { generateTrajectories, type ChainTemplate, type TrajectoryEvent } from '@ketenregie/core';
import type { Database, Queryable } from '../db/database.ts';
import { countChains, findChainByRef } from '../repositories/chain-repository.ts';
import { findAppState, setAppState } from '../repositories/app-state-repository.ts';
import { insertEventImport, insertEvents } from '../repositories/event-repository.ts';
import { insertChainModel } from './chain-model-service.ts';
import { runChange } from './run-change.ts';
import { makeDemoUserDirector } from '../auth/demo-user-service.ts';
import { seedGovernanceDemo } from '../governance/services/seed-governance-demo.ts';
import { recordAudit } from './audit-service.ts';
import { loadTemplates, type TemplateCatalog } from './template-service.ts';

/** The template of the main demo chain, which comes with trajectory data. */
export const DEMO_TEMPLATE_KEY = 'emergency-care';
/** Further templates whose chains the demo creates as well. */
export const DEMO_EXTRA_TEMPLATE_KEYS = ['youth-protection'] as const;
/** Seed of the demo's random generator: every installation gets the same demo data. */
export const DEMO_SEED = 20_260_101;

/** Key in `app_state` recording that the first start has happened (and whether it seeded the demo). */
export const FIRST_START_KEY = 'first_start';

/** Serialises demo seeding across replicas that start together. */
const DEMO_LOCK_KEY = 47_112_024_002;

/** Options of {@link seedDemo}. */
export interface SeedDemoOptions {
  /** Templates to use; loaded from the shipped directory when absent. */
  readonly templates?: TemplateCatalog;
  readonly seed?: number;
  /** Number of patients; by default the template's own number. */
  readonly patients?: number;
  /** First day of arrivals (YYYY-MM-DD); by default the template's own. */
  readonly startDate?: string;
}

/** What {@link seedDemo} did. */
export interface SeedDemoResult {
  /** Id of the `emergency-care` demo chain. */
  readonly chainId: string;
  /** False when the demo chain already existed and nothing was done to it. */
  readonly created: boolean;
  /** Number of events stored for the main demo chain (0 when it already existed). */
  readonly eventCount: number;
  /** Wall-clock time of the whole seeding, in milliseconds. */
  readonly durationMs: number;
  /** Ids of the demo chains this call created (the demo user became their director). */
  readonly createdChainIds: readonly string[];
}

/** Creates the demo chains that do not exist yet, with their trajectory data. */
export async function seedDemo(db: Database, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const catalog = options.templates ?? (await loadTemplates());
  const main = catalog.get(DEMO_TEMPLATE_KEY);
  const templates = [main, ...DEMO_EXTRA_TEMPLATE_KEYS.map((key) => catalog.get(key))];

  let chainId = '';
  let created = false;
  let eventCount = 0;
  const createdChainIds: string[] = [];
  for (const template of templates) {
    const existing = await findChainByRef(db, template.model.chain.slug);
    const result =
      existing === null
        ? await runChange(db, (tx) => seedTemplate(tx, template, generateDemoEvents(template, options)))
        : { chainId: existing.id, created: false, eventCount: 0 };
    if (result.created) {
      createdChainIds.push(result.chainId);
    }
    if (template === main) {
      ({ chainId, created, eventCount } = result);
    }
  }
  if (createdChainIds.length > 0) {
    await makeDemoUserDirector(db, createdChainIds);
  }
  await seedGovernanceDemo(db, chainId);
  return { chainId, created, eventCount, durationMs: Math.round(performance.now() - started), createdChainIds };
}

/** The template's synthetic events, or none when it has no trajectory profile. */
function generateDemoEvents(template: ChainTemplate, options: SeedDemoOptions): TrajectoryEvent[] {
  if (template.trajectoryProfile === undefined) {
    return [];
  }
  return generateTrajectories(template, {
    seed: options.seed ?? DEMO_SEED,
    ...(options.patients === undefined ? {} : { patients: options.patients }),
    ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
  });
}

/** Stores one template's chain and events in a running transaction, unless another replica just did. */
async function seedTemplate(
  tx: Queryable,
  template: ChainTemplate,
  events: readonly TrajectoryEvent[],
): Promise<{ chainId: string; created: boolean; eventCount: number }> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [DEMO_LOCK_KEY]);
  const existing = await findChainByRef(tx, template.model.chain.slug);
  if (existing !== null) {
    return { chainId: existing.id, created: false, eventCount: 0 };
  }
  const detail = await insertChainModel(tx, template.model);
  const chainId = detail.chain.id;
  await recordAudit(
    tx,
    { kind: 'system', label: 'demo' },
    {
      action: 'chain.create',
      targetType: 'chain',
      targetId: chainId,
      chainId,
      details: { slug: detail.chain.slug, template: template.key, demoEvents: events.length },
    },
  );
  if (events.length > 0) {
    const partnerIds = new Map(detail.partners.map((p) => [p.key, p.id]));
    const importId = await insertEventImport(tx, {
      chainId,
      partnerId: null,
      source: 'demo',
      fileName: null,
      eventCount: events.length,
      caseCount: new Set(events.map((e) => e.caseId)).size,
    });
    await insertEvents(
      tx,
      chainId,
      importId,
      events.map((e) => ({
        caseId: e.caseId,
        activity: e.activity,
        timestamp: e.timestamp,
        startTimestamp: e.startTimestamp,
        partnerId: partnerIds.get(e.partnerKey) ?? null,
        resource: e.resource,
      })),
    );
  }
  return { chainId, created: true, eventCount: events.length };
}

/** What happened on this start with respect to the demo. */
export interface FirstStartResult {
  /** True when this start did the first-start work (and wrote the marker); false on every later start. */
  readonly firstStart: boolean;
  /** The seeding, when the demo was created on this start. */
  readonly demo: SeedDemoResult | null;
}

/**
 * On the first start of an installation (no marker in `app_state`), seeds the demo when enabled and
 * the database holds no chains, then records the marker so that a demo the user deleted never comes
 * back. When the demo is disabled no marker is written, so enabling it later on an empty
 * installation still offers it.
 */
export async function prepareFirstStart(
  db: Database,
  options: { readonly seedDemo: boolean } & SeedDemoOptions,
): Promise<FirstStartResult> {
  if ((await findAppState(db, FIRST_START_KEY)) !== null || !options.seedDemo) {
    return { firstStart: false, demo: null };
  }
  const demo = (await countChains(db)) === 0 ? await seedDemo(db, options) : null;
  await setAppState(db, FIRST_START_KEY, { at: new Date().toISOString(), demoSeeded: demo?.created ?? false });
  return { firstStart: true, demo };
}
