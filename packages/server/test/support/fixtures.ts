/** Builders of valid inputs, so each test states only what matters to it. */
import type {
  ChainModel,
  CreateChainInput,
  CreateLinkInput,
  CreatePartnerInput,
  createChainInputSchema,
  createLinkInputSchema,
  createPartnerInputSchema,
} from '@ketenregie/core';
import { chainModelSchema } from '@ketenregie/core';
import type { z } from 'zod';

let counter = 0;
function nextNumber(): number {
  counter += 1;
  return counter;
}

/** A valid chain; a unique slug unless one is given. */
export function buildChainInput(overrides: Partial<CreateChainInput> = {}): z.output<typeof createChainInputSchema> {
  return {
    slug: `keten-${nextNumber()}`,
    name: 'Spoedeisende zorg',
    description: '',
    targetGroup: 'Patiënten met een acuut letsel',
    societalGoal: 'Binnen het gouden uur behandeld',
    ...overrides,
  };
}

/** A valid partner; a unique key unless one is given. */
export function buildPartnerInput(
  overrides: Partial<CreatePartnerInput> = {},
): z.output<typeof createPartnerInputSchema> {
  return {
    key: `partner-${nextNumber()}`,
    name: 'Ambulancedienst',
    sector: 'ambulance',
    roles: ['executor'],
    interest: '',
    interestLevel: 3,
    influence: 3,
    commitment: 3,
    ...overrides,
  };
}

/** A valid link naming the given partners; a unique key unless one is given. */
export function buildLinkInput(
  partnerIds: string[],
  overrides: Partial<CreateLinkInput> = {},
): z.output<typeof createLinkInputSchema> {
  return {
    key: `link-${nextNumber()}`,
    name: 'Schakel',
    description: '',
    partnerIds,
    activities: [],
    norm: null,
    ...overrides,
  } as z.output<typeof createLinkInputSchema>;
}

/**
 * A small but complete portable model: three partners, four links, norms, activities, Dutch text.
 * Partners are listed by key, as an export lists them, so the model equals its own export.
 */
export function buildModel(slug = 'acute-zorg'): ChainModel {
  return chainModelSchema.parse({
    format: 'ketenregie/chain-model',
    formatVersion: 1,
    chain: {
      slug,
      name: 'Acute zorg regio Oost',
      description: 'Van melding tot revalidatie.',
      targetGroup: 'Patiënten met ernstig letsel',
      societalGoal: 'Levensreddende behandeling binnen het gouden uur',
    },
    partners: [
      {
        key: 'ambulance',
        name: 'Ambulancedienst',
        sector: 'ambulance',
        roles: ['executor', 'director'],
        interestLevel: 5,
        influence: 4,
        commitment: 4,
      },
      {
        key: 'meldkamer',
        name: 'Meldkamer Ambulancezorg',
        sector: 'emergency-dispatch',
        roles: ['executor'],
        interest: 'Snelle inzet',
        interestLevel: 4,
        influence: 3,
        commitment: 5,
      },
      {
        key: 'ziekenhuis',
        name: 'Ziekenhuis Oost',
        sector: 'hospital',
        roles: ['executor', 'funder'],
        interestLevel: 4,
        influence: 5,
        commitment: 3,
      },
    ],
    links: [
      { key: 'melding', name: 'Melding 112', partnerKeys: ['meldkamer'], activities: ['Call received'] },
      {
        key: 'rit',
        name: 'Ambulancerit',
        partnerKeys: ['ambulance', 'meldkamer'],
        activities: ['Dispatch', 'Arrival on scene'],
        norm: { maxMinutes: 15, fromLinkKey: null, description: 'A1-norm' },
      },
      { key: 'seh', name: 'Spoedeisende hulp', partnerKeys: ['ziekenhuis'], activities: ['Triage'] },
      {
        key: 'ok',
        name: 'Operatie',
        partnerKeys: ['ziekenhuis'],
        activities: ['Surgery start'],
        norm: { maxMinutes: 60, fromLinkKey: 'melding', description: 'Gouden uur' },
      },
    ],
  });
}
