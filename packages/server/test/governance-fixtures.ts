/**
 * Builders for the governance tests: a small chain (three partners, four links with activities),
 * valid indicator inputs, and trajectory events at given Amsterdam times.
 */
import type { ChainDetail } from '@ketenregie/core';
import { SYSTEM_ACTOR } from '../src/auth/actor.ts';
import type { Database } from '../src/db/database.ts';
import type { CreateGovernanceIndicatorData } from '../src/governance/schemas/indicator-api-schemas.ts';
import type { GovernanceActor } from '../src/governance/services/governance-actor.ts';
import { insertEventImport, insertEvents } from '../src/repositories/event-repository.ts';
import { importChainModel } from '../src/services/chain-model-service.ts';
import { buildModel } from './support/fixtures.ts';

/** The small chain with its ids by key. */
export interface GovernanceTestChain {
  readonly detail: ChainDetail;
  readonly chainId: string;
  partner(key: 'ambulance' | 'meldkamer' | 'ziekenhuis'): string;
  link(key: 'melding' | 'rit' | 'seh' | 'ok'): string;
}

let counter = 0;

/** Imports buildModel's chain (partners ambulance, meldkamer, ziekenhuis; links melding, rit, seh, ok) under a unique slug. */
export async function buildGovernanceChain(db: Database, slug?: string): Promise<GovernanceTestChain> {
  counter += 1;
  const detail = await importChainModel(db, buildModel(slug ?? `governance-keten-${counter}`));
  const byKey = <T extends { key: string; id: string }>(items: readonly T[], key: string): string => {
    const found = items.find((item) => item.key === key);
    if (found === undefined) {
      throw new Error(`no ${key} in the test chain`);
    }
    return found.id;
  };
  return {
    detail,
    chainId: detail.chain.id,
    partner: (key) => byKey(detail.partners, key),
    link: (key) => byKey(detail.links, key),
  };
}

/** A valid societal indicator: 50 → 80 (higher is better) over 2024, measured monthly. */
export function buildIndicatorInput(
  chain: GovernanceTestChain,
  overrides: Partial<CreateGovernanceIndicatorData> = {},
): CreateGovernanceIndicatorData {
  counter += 1;
  return {
    key: `indicator-${counter}`,
    name: 'Binnen het gouden uur behandeld',
    kind: 'societal',
    definition: 'Aandeel patiënten dat binnen 60 minuten na de melding op de OK ligt.',
    unit: '%',
    direction: 'higher-is-better',
    baseline: { value: 50, date: '2024-01-01' },
    target: { value: 80, date: '2024-12-31' },
    frequency: 'monthly',
    ownerPartnerId: null,
    linkIds: [],
    contributesToIndicatorIds: [],
    reason: 'Vastgesteld in het ketenoverleg',
    agreedBy: [{ partnerId: chain.partner('ziekenhuis'), personName: 'Dr. J. de Wit' }],
    agreedOn: '2023-12-15',
    flowSource: null,
    ...overrides,
  };
}

/** One trajectory event: case, activity and its Amsterdam-independent UTC time. */
export interface TestEvent {
  readonly caseId: string;
  readonly activity: string;
  /** ISO 8601 with offset, e.g. `2026-01-10T10:00:00Z`. */
  readonly at: string;
}

/** Stores events as one import of the chain. */
export async function insertTestEvents(db: Database, chainId: string, events: readonly TestEvent[]): Promise<void> {
  await db.transaction(async (tx) => {
    const importId = await insertEventImport(tx, {
      chainId,
      partnerId: null,
      source: 'csv',
      fileName: 'test.csv',
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
        timestamp: Date.parse(e.at),
        startTimestamp: null,
        partnerId: null,
        resource: null,
      })),
    );
  });
}

/** Two events of one case: the call and the start of surgery `minutes` later. */
export function callToSurgery(caseId: string, callAt: string, minutes: number): TestEvent[] {
  return [
    { caseId, activity: 'Call received', at: callAt },
    { caseId, activity: 'Surgery start', at: new Date(Date.parse(callAt) + minutes * 60_000).toISOString() },
  ];
}

/** A partner contact speaking for the given partners (an API token of their system when `viaApiToken`). */
export function partnerActor(name: string, partnerIds: readonly string[], viaApiToken = false): GovernanceActor {
  return { name, partnerIds, viaApiToken, audit: SYSTEM_ACTOR };
}
