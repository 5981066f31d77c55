/**
 * A small chain template for the tests of the demo module: two partners, two links and a profile
 * whose every feature (branches, loops, calendars, effects, pools) is easy to check by hand.
 */
import type { z } from 'zod';
import type { chainTemplateSchema } from './chain-template.ts';

/** The raw (unparsed) form of a template, as it would be read from a file. */
export type ChainTemplateInput = z.input<typeof chainTemplateSchema>;

/** A fresh copy of the mini template on every call, so that a test may change it freely. */
export function miniTemplateJson(): ChainTemplateInput {
  return {
    key: 'mini',
    title: { nl: 'Miniketen', en: 'Mini chain' },
    description: { nl: 'Voor tests.', en: 'For tests.' },
    model: {
      format: 'ketenregie/chain-model',
      formatVersion: 1,
      chain: { slug: 'miniketen', name: 'Miniketen', targetGroup: 'Cliënten', societalGoal: 'Snel geholpen' },
      partners: [
        { key: 'a', name: 'A', sector: 'police', roles: ['executor'], interestLevel: 3, influence: 4, commitment: 2 },
        { key: 'b', name: 'B', sector: 'hospital', roles: ['executor'], interestLevel: 5, influence: 2, commitment: 5 },
      ],
      links: [
        { key: 'melding', name: 'Melding', partnerKeys: ['a'], activities: ['Melding'] },
        {
          key: 'behandeling',
          name: 'Behandeling',
          partnerKeys: ['b'],
          activities: ['Behandeling', 'Controle'],
          norm: { maxMinutes: 60, fromLinkKey: 'melding' },
        },
      ],
    },
    trajectoryProfile: {
      caseIdPrefix: 'T',
      arrivals: {
        cases: 400,
        months: 2,
        startDate: '2026-01-01',
        weekdayWeights: [1, 1, 1, 1, 1, 0, 0],
        hourWeights: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      },
      start: [{ to: 'melding', probability: 1 }],
      steps: [
        {
          key: 'melding',
          activity: 'Melding',
          partner: 'a',
          link: 'melding',
          resource: 'teams',
          next: [{ to: 'behandeling', probability: 1 }],
        },
        {
          key: 'behandeling',
          activity: 'Behandeling',
          partner: 'b',
          link: 'behandeling',
          delay: { medianMinutes: 30, sigma: 0.5 },
          duration: { medianMinutes: 20, sigma: 0.3, maxMinutes: 40 },
          resource: 'kamers',
          next: [
            { to: 'controle', probability: 0.4 },
            { to: null, probability: 0.6 },
          ],
        },
        {
          key: 'controle',
          activity: 'Controle',
          partner: 'b',
          link: 'behandeling',
          delay: { medianMinutes: 2880, sigma: 0.4 },
          calendar: 'dinsdagochtend',
          resource: 'teams',
          maxVisits: 3,
          next: [
            { to: 'controle', probability: 0.9 },
            { to: null, probability: 0.1 },
          ],
        },
      ],
      effects: [{ step: 'behandeling', weekdays: [1], factor: 10 }],
      calendars: [{ key: 'dinsdagochtend', weekdays: [2], hours: [10] }],
      resources: [
        { key: 'teams', units: ['Team 1', 'Team 2', 'Team 3', 'Team 4'] },
        { key: 'kamers', units: ['Kamer 1', 'Kamer 2', 'Kamer 3'], keepPerCase: false },
      ],
    },
  };
}
