/**
 * The governance demo of the emergency-care chain (Noordvallei), so that a newcomer sees every
 * governance feature filled in on first start:
 *
 * - seven indicators of all three kinds, with twelve months of measurements (November 2025 to
 *   October 2026, the months of the demo trajectories): some on course, one at risk, and the shared
 *   result — treatment within the golden hour — off course while the ambulance service and the
 *   SEH improve their own figures; the process indicators are computed from the trajectory data;
 *   one indicator has a second version, one measurement a correction;
 * - agreements in every status, one commitment declaration per partner with its signature, review
 *   dates passed and near, and a long-term data-sharing agreement without a review date;
 * - two course-check rounds in which the rehabilitation centre's support visibly crumbles;
 * - a business case for a 24/7 OK team in which the OK department loses money while the chain
 *   gains (the elderly-day-care lesson), with the compensation proposal that follows;
 * - the intervention "24/7 OK-team aanwezig", evaluated on the SEH→OK time of the flow data.
 *
 * Deterministic for a given `today` (which only places review and due dates around the day of
 * seeding) and idempotent: a chain that already has indicators is left alone.
 */
import {
  DEFAULT_COURSE_CHECK_QUESTION_SET,
  createSeededRandom,
  type AgreementKind,
  type AgreementLevel,
  type AgreementStatus,
  type CourseCheckArea,
  type IndicatorFields,
  type MeasurementSource,
} from '@ketenregie/core';
import type { Database, Queryable } from '../../db/database.ts';
import { runChange } from '../../services/run-change.ts';
import {
  bumpAgreementVersion,
  insertAgreement,
  insertAgreementHistoryEntry,
  replaceAgreementChildren,
} from '../repositories/agreement-repository.ts';
import { insertBusinessCaseLines, saveBusinessCaseSettings } from '../repositories/business-case-repository.ts';
import { insertResponse, insertRound } from '../repositories/course-check-repository.ts';
import {
  advanceIndicatorVersion,
  hasIndicators,
  insertIndicator,
  insertIndicatorVersion,
} from '../repositories/indicator-repository.ts';
import { insertIntervention } from '../repositories/intervention-repository.ts';
import { insertMeasurementRevisions, type NewMeasurementRevision } from '../repositories/measurement-repository.ts';
import type { FlowSource } from '../schemas/indicator-api-schemas.ts';
import { createRespondentKey } from './course-check-service.ts';
import { DIRECTOR_ACTOR } from './governance-actor.ts';
import { lockGovernanceChain, type GovernanceChain } from './governance-chain.ts';
import { addDaysTo, todayInAmsterdam } from './governance-clock.ts';
import { storeEvaluation } from './intervention-service.ts';
import { recomputeFlowMeasurements } from './measurement-service.ts';
import { recordGovernanceChange } from './record-governance-change.ts';

/** What {@link seedGovernanceDemo} did. */
export interface GovernanceDemoResult {
  /** False when the chain already had indicators and nothing was added. */
  readonly created: boolean;
}

/** Options of {@link seedGovernanceDemo}. */
export interface GovernanceDemoOptions {
  /** The day of seeding (YYYY-MM-DD); review and due dates are placed around it. Default: today in Amsterdam. */
  readonly today?: string;
}

/** Seed of the course-check answers: every installation gets the same answers. */
const COURSE_CHECK_SEED = 20_260_401;

/** The twelve months of the demo trajectories. */
const MONTHS = [
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
] as const;

/** Seeds the governance demo into the emergency-care demo chain (see the module documentation). */
export async function seedGovernanceDemo(
  db: Database,
  chainId: string,
  options: GovernanceDemoOptions = {},
): Promise<GovernanceDemoResult> {
  const today = options.today ?? todayInAmsterdam();
  return runChange(db, async (tx) => {
    const state = await lockGovernanceChain(tx, chainId);
    if (await hasIndicators(tx, state.chain.id)) {
      return { created: false };
    }
    const ids = resolveKeys(state);
    const indicators = await seedIndicators(tx, state, ids);
    await seedAgreements(tx, state, ids, indicators, today);
    await seedCourseChecks(tx, state, ids);
    await seedBusinessCase(tx, state, ids);
    await seedInterventions(tx, state, ids, indicators);
    await recordGovernanceChange(
      tx,
      { ...DIRECTOR_ACTOR, audit: { kind: 'system', label: 'demo' } },
      state.chain.id,
      'governance.seed_demo',
      { type: 'chain', id: state.chain.id },
      { indicators: indicators.size },
    );
    return { created: true };
  });
}

/** Partner and link ids by their template keys. */
interface DemoIds {
  partner(key: string): string;
  link(key: string): string;
  readonly partnerKeys: readonly string[];
  partnerName(key: string): string;
}

function resolveKeys(state: GovernanceChain): DemoIds {
  const partners = new Map(state.partners.map((p) => [p.key, p]));
  const links = new Map(state.links.map((l) => [l.key, l.id]));
  const partner = (key: string) => {
    const found = partners.get(key);
    if (found === undefined) {
      throw new Error(`the governance demo needs partner "${key}" of the emergency-care template`);
    }
    return found;
  };
  return {
    partner: (key) => partner(key).id,
    partnerName: (key) => partner(key).name,
    link: (key) => {
      const id = links.get(key);
      if (id === undefined) {
        throw new Error(`the governance demo needs link "${key}" of the emergency-care template`);
      }
      return id;
    },
    partnerKeys: state.partners.map((p) => p.key).sort(),
  };
}

/** One demo indicator: its definition, versions and measurements. */
interface DemoIndicator {
  readonly key: string;
  readonly fields: (ids: DemoIds, indicatorIds: ReadonlyMap<string, string>) => IndicatorFields;
  readonly flowSource?: (ids: DemoIds) => FlowSource;
  readonly agreedBy: readonly [partnerKey: string, person: string][];
  readonly reason: string;
  readonly agreedOn: string;
  /** A later version: what changes, why, who agreed, when. */
  readonly revision?: {
    readonly change: (fields: IndicatorFields) => IndicatorFields;
    readonly reason: string;
    readonly agreedBy: readonly [string, string][];
    readonly agreedOn: string;
  };
  /** Monthly values for MONTHS (absent for indicators computed from the flow data). */
  readonly values?: readonly number[];
  readonly source?: MeasurementSource;
  readonly recordedBy?: string;
  /** Corrections: period, the value first recorded, and the note of the correction. */
  readonly corrections?: readonly { period: string; firstValue: number; note: string }[];
}

const BASELINE_DATE = '2025-10-31';
const TARGET_DATE = '2027-10-31';

const ESTABLISHED = {
  reason: 'Vastgesteld in het bestuurlijk overleg ROAZ Noordvallei van 15 oktober 2025',
  agreedOn: '2025-10-15',
  agreedBy: [
    ['traumacentrum', 'Dr. A. (Annelies) Verbeek, voorzitter ROAZ'],
    ['ambulancezorg', 'M. (Mustafa) Yilmaz, directeur RAV'],
    ['seh', 'Dr. J. (Joost) de Wit, medisch manager SEH'],
    ['ok-traumachirurgie', 'Dr. P. (Petra) Hofman, vakgroepvoorzitter traumachirurgie'],
    ['gemeente', 'Wethouder L. (Lotte) Jansen'],
    ['zorgverzekeraar', 'R. (Rob) Kramer, zorginkoper acute zorg'],
  ] as [string, string][],
};

const DEMO_INDICATORS: readonly DemoIndicator[] = [
  {
    key: 'overleving-30-dagen',
    fields: (ids) => ({
      key: 'overleving-30-dagen',
      name: '30-dagenoverleving na ernstig letsel',
      kind: 'societal',
      definition:
        'Aandeel patiënten met ernstig letsel (Injury Severity Score 16 of hoger) uit de regio Noordvallei dat 30 dagen na het ongeval in leven is. ' +
        'Teller: patiënten die op dag 30 in leven zijn; noemer: alle patiënten met ISS ≥ 16 met een 112-melding in de maand. Bron: Landelijke Traumaregistratie, regio Noordvallei.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 88, date: BASELINE_DATE },
      target: { value: 91, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: null,
      linkIds: [ids.link('melding-112'), ids.link('levensreddende-behandeling'), ids.link('ic-opname')],
      contributesToIndicatorIds: [],
    }),
    ...ESTABLISHED,
    values: [88.1, 88.4, 88.2, 88.6, 88.9, 88.7, 89.0, 89.3, 89.1, 89.4, 89.6, 89.5],
    source: 'csv',
    recordedBy: 'Traumaregistratie Noordvallei',
  },
  {
    key: 'binnen-gouden-uur',
    fields: (ids) => ({
      key: 'binnen-gouden-uur',
      name: 'Levensreddende behandeling binnen het gouden uur',
      kind: 'societal',
      definition:
        'Aandeel patiënten met ernstig letsel dat binnen 60 minuten na de 112-melding levensreddende behandeling krijgt (start operatie of interventie). ' +
        'Teller: patiënten behandeld binnen 60 minuten; noemer: alle patiënten met ISS ≥ 16 die een levensreddende behandeling nodig hadden. Bron: Landelijke Traumaregistratie.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 64, date: BASELINE_DATE },
      target: { value: 80, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: null,
      linkIds: [
        ids.link('melding-112'),
        ids.link('ambulance-ter-plaatse'),
        ids.link('opvang-seh'),
        ids.link('levensreddende-behandeling'),
      ],
      contributesToIndicatorIds: [],
    }),
    ...ESTABLISHED,
    values: [63.8, 64.5, 63.2, 64.9, 64.1, 63.6, 65.0, 64.2, 63.9, 64.8, 64.0, 64.6],
    source: 'csv',
    recordedBy: 'Traumaregistratie Noordvallei',
  },
  {
    key: 'a1-binnen-15-minuten',
    fields: (ids, indicatorIds) => ({
      key: 'a1-binnen-15-minuten',
      name: 'A1-ritten binnen 15 minuten ter plaatse',
      kind: 'organisational',
      definition:
        'Aandeel A1-ritten (spoed, levensbedreigend) waarbij de ambulance binnen 15 minuten na aanname van de melding ter plaatse is. Bron: ritregistratie van de RAV Noordvallei, maandelijks aangeleverd via de koppeling.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 90, date: BASELINE_DATE },
      target: { value: 95, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: ids.partner('ambulancezorg'),
      linkIds: [ids.link('uitgifte'), ids.link('ambulance-ter-plaatse')],
      contributesToIndicatorIds: [
        indicatorIds.get('binnen-gouden-uur') as string,
        indicatorIds.get('overleving-30-dagen') as string,
      ],
    }),
    ...ESTABLISHED,
    values: [90.4, 90.6, 91.0, 91.1, 91.6, 91.8, 92.0, 92.1, 92.5, 92.6, 92.9, 93.1],
    source: 'api',
    recordedBy: 'Ritregistratie RAV Noordvallei (koppeling)',
    corrections: [
      {
        period: '2026-03',
        firstValue: 88.4,
        note: 'Correctie: de ritten van post Oostmark ontbraken in de eerste levering.',
      },
    ],
  },
  {
    key: 'seh-deur-tot-ct',
    fields: (ids, indicatorIds) => ({
      key: 'seh-deur-tot-ct',
      name: 'SEH: mediane tijd van binnenkomst tot CT-scan',
      kind: 'organisational',
      definition:
        'Mediane tijd in minuten tussen aankomst op de Spoedeisende Hulp en de start van de CT-scan, voor traumapatiënten die een CT krijgen. Bron: SEH-registratie Noordvallei Ziekenhuis.',
      unit: 'minuten',
      direction: 'lower-is-better',
      baseline: { value: 24, date: BASELINE_DATE },
      target: { value: 15, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: ids.partner('seh'),
      linkIds: [ids.link('opvang-seh'), ids.link('diagnostiek')],
      contributesToIndicatorIds: [indicatorIds.get('binnen-gouden-uur') as string],
    }),
    ...ESTABLISHED,
    revision: {
      change: (fields) => ({ ...fields, target: { value: 18, date: TARGET_DATE } }),
      reason:
        'Doel bijgesteld na herijking: 15 minuten blijkt zonder tweede CT-scanner op de SEH niet haalbaar; 18 minuten is het afgesproken tussendoel tot de nieuwe scanner er staat.',
      agreedBy: [
        ['seh', 'Dr. J. (Joost) de Wit, medisch manager SEH'],
        ['traumacentrum', 'Dr. A. (Annelies) Verbeek, voorzitter ROAZ'],
        ['zorgverzekeraar', 'R. (Rob) Kramer, zorginkoper acute zorg'],
      ],
      agreedOn: '2026-04-09',
    },
    values: [24.1, 23.9, 23.8, 23.5, 23.6, 23.2, 23.0, 22.9, 22.7, 22.6, 22.4, 22.3],
    source: 'manual',
    recordedBy: 'Kwaliteitsfunctionaris SEH',
  },
  {
    key: 'gouden-uur-trajecten',
    fields: (ids, indicatorIds) => ({
      key: 'gouden-uur-trajecten',
      name: 'Van melding tot OK binnen 60 minuten (trajectgegevens)',
      kind: 'process',
      definition:
        'Uit de gekoppelde trajectgegevens: aandeel patiënten die de OK bereiken en binnen 60 minuten na de aanname van de 112-melding op de OK liggen. ' +
        'Per patiënt de eerste melding en de eerste OK-gebeurtenis daarna; de patiënt telt mee in de maand van de melding.',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 71, date: BASELINE_DATE },
      target: { value: 85, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: null,
      linkIds: [ids.link('melding-112'), ids.link('levensreddende-behandeling')],
      contributesToIndicatorIds: [indicatorIds.get('binnen-gouden-uur') as string],
    }),
    flowSource: (ids) => ({
      measure: 'share-within-norm',
      fromLinkId: ids.link('melding-112'),
      toLinkId: ids.link('levensreddende-behandeling'),
      maxMinutes: 60,
    }),
    ...ESTABLISHED,
  },
  {
    key: 'wachttijd-seh-ok',
    fields: (ids, indicatorIds) => ({
      key: 'wachttijd-seh-ok',
      name: 'Mediane tijd van aankomst SEH tot OK (trajectgegevens)',
      kind: 'process',
      definition:
        'Uit de gekoppelde trajectgegevens: mediane tijd in minuten tussen aankomst op de SEH en de eerste OK-gebeurtenis, voor patiënten die geopereerd worden. ' +
        "'s Nachts moet het OK-team van huis komen; deze wachttijd is het knelpunt voor het gouden uur.",
      unit: 'minuten',
      direction: 'lower-is-better',
      baseline: { value: 21.5, date: BASELINE_DATE },
      target: { value: 15, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: null,
      linkIds: [ids.link('opvang-seh'), ids.link('levensreddende-behandeling')],
      contributesToIndicatorIds: [
        indicatorIds.get('binnen-gouden-uur') as string,
        indicatorIds.get('overleving-30-dagen') as string,
      ],
    }),
    flowSource: (ids) => ({
      measure: 'median-minutes',
      fromLinkId: ids.link('opvang-seh'),
      toLinkId: ids.link('levensreddende-behandeling'),
      maxMinutes: null,
    }),
    ...ESTABLISHED,
  },
  {
    key: 'ambulance-binnen-15-trajecten',
    fields: (ids, indicatorIds) => ({
      key: 'ambulance-binnen-15-trajecten',
      name: 'Ambulance binnen 15 minuten ter plaatse (trajectgegevens)',
      kind: 'process',
      definition:
        'Uit de gekoppelde trajectgegevens: aandeel meldingen waarbij de ambulance binnen 15 minuten na aanname ter plaatse is. ' +
        'Nulmeting uit de trajectgegevens van het jaar voor de start van de keten (oktober 2024).',
      unit: '%',
      direction: 'higher-is-better',
      baseline: { value: 88, date: '2024-10-31' },
      target: { value: 93, date: TARGET_DATE },
      frequency: 'monthly',
      ownerPartnerId: null,
      linkIds: [ids.link('melding-112'), ids.link('ambulance-ter-plaatse')],
      contributesToIndicatorIds: [indicatorIds.get('binnen-gouden-uur') as string],
    }),
    flowSource: (ids) => ({
      measure: 'share-within-norm',
      fromLinkId: ids.link('melding-112'),
      toLinkId: ids.link('ambulance-ter-plaatse'),
      maxMinutes: 15,
    }),
    ...ESTABLISHED,
  },
];

async function seedIndicators(tx: Queryable, state: GovernanceChain, ids: DemoIds): Promise<Map<string, string>> {
  const chainId = state.chain.id;
  const indicatorIds = new Map<string, string>();
  for (const demo of DEMO_INDICATORS) {
    const fields = demo.fields(ids, indicatorIds);
    const id = await insertIndicator(tx, chainId, fields.key);
    indicatorIds.set(demo.key, id);
    const flowSource = demo.flowSource?.(ids) ?? null;
    await insertIndicatorVersion(tx, chainId, id, 1, {
      fields,
      reason: demo.reason,
      agreedBy: demo.agreedBy.map(([key, personName]) => ({ partnerId: ids.partner(key), personName })),
      agreedOn: demo.agreedOn,
      flowSource,
      recordedBy: DIRECTOR_ACTOR.name,
    });
    if (demo.revision !== undefined) {
      const revised = demo.revision.change(fields);
      await advanceIndicatorVersion(tx, id, 1, revised.key);
      await insertIndicatorVersion(tx, chainId, id, 2, {
        fields: revised,
        reason: demo.revision.reason,
        agreedBy: demo.revision.agreedBy.map(([key, personName]) => ({ partnerId: ids.partner(key), personName })),
        agreedOn: demo.revision.agreedOn,
        flowSource,
        recordedBy: DIRECTOR_ACTOR.name,
      });
    }
    if (demo.values !== undefined) {
      const revisions: NewMeasurementRevision[] = [];
      demo.values.forEach((value, index) => {
        const period = MONTHS[index] as string;
        const correction = demo.corrections?.find((c) => c.period === period);
        const base = {
          indicatorId: id,
          period,
          source: demo.source ?? 'manual',
          recordedBy: demo.recordedBy ?? DIRECTOR_ACTOR.name,
        } as const;
        if (correction !== undefined) {
          revisions.push({ ...base, revision: 1, value: correction.firstValue, note: '' });
          revisions.push({ ...base, revision: 2, value, note: correction.note });
        } else {
          revisions.push({ ...base, revision: 1, value, note: '' });
        }
      });
      await insertMeasurementRevisions(tx, chainId, revisions);
    }
    if (flowSource !== null) {
      await recomputeFlowMeasurements(tx, chainId, id);
    }
  }
  return indicatorIds;
}

/** One demo agreement with its history: statuses with the date each was reached and why. */
interface DemoAgreement {
  readonly title: string;
  readonly description: string;
  readonly kind: AgreementKind;
  readonly level: AgreementLevel;
  readonly parties: readonly string[];
  readonly owner: string;
  readonly links?: readonly string[];
  readonly indicators?: readonly string[];
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly dueDate?: string | null;
  readonly reviewDate?: string | null;
  readonly signatures?: readonly [partnerKey: string, signedBy: string, signedOn: string][];
  readonly history: readonly [status: AgreementStatus, on: string, reason: string][];
}

/** Who signs for each partner of the demo. */
const SIGNATORIES: Readonly<Record<string, string>> = {
  meldkamer: 'H. (Hanneke) Bos, hoofd Meldkamer Ambulancezorg',
  ambulancezorg: 'M. (Mustafa) Yilmaz, directeur RAV',
  politie: 'K. (Koen) van Dijk, districtschef',
  brandweer: 'S. (Sanne) Mulder, commandant brandweer',
  huisartsenpost: 'Dr. E. (Erik) Smit, bestuurder huisartsenpost',
  seh: 'Dr. J. (Joost) de Wit, medisch manager SEH',
  'ok-traumachirurgie': 'Dr. P. (Petra) Hofman, vakgroepvoorzitter traumachirurgie',
  'intensive-care': 'Dr. F. (Fatima) El Amrani, afdelingshoofd IC',
  verpleegafdeling: 'T. (Tom) Visser, teamleider traumatologie',
  streekziekenhuis: 'Drs. W. (Willem) Koster, bestuurder Streekziekenhuis Oostmark',
  revalidatie: 'I. (Ingrid) Peters, bestuurder De Veldhoeve',
  gemeente: 'Wethouder L. (Lotte) Jansen',
  zorgverzekeraar: 'R. (Rob) Kramer, zorginkoper acute zorg',
  traumacentrum: 'Dr. A. (Annelies) Verbeek, voorzitter ROAZ',
};

function demoAgreements(ids: DemoIds, today: string): DemoAgreement[] {
  const signatory = (key: string) => SIGNATORIES[key] ?? ids.partnerName(key);
  const everyone = ids.partnerKeys;
  const commitments = everyone.map((key): DemoAgreement => {
    const base = {
      title: `Commitmentverklaring ${ids.partnerName(key)}`,
      description:
        'De organisatie verklaart zich in te zetten voor het gezamenlijke doel van de keten: levensreddende behandeling binnen het gouden uur, ' +
        'en levert daarvoor haar gegevens, mensen en deelname aan het ketenoverleg.',
      kind: 'commitment' as const,
      level: 'strategic' as const,
      parties: [key],
      owner: key,
      startDate: '2025-01-15',
      endDate: '2027-12-31',
      reviewDate: addDaysTo(today, 120),
    };
    switch (key) {
      case 'ok-traumachirurgie':
        return {
          ...base,
          history: [
            [
              'draft',
              '2025-01-10',
              'Nog in bespreking: de vakgroep wil eerst zekerheid over de financiering van een nachtteam.',
            ],
          ],
        };
      case 'huisartsenpost':
        return {
          ...base,
          history: [
            ['draft', '2025-01-10', 'Ter ondertekening aangeboden.'],
            [
              'expired',
              '2025-06-30',
              'Niet ondertekend binnen de afgesproken termijn; de huisartsenpost neemt deel als toehoorder.',
            ],
          ],
        };
      case 'revalidatie':
        return {
          ...base,
          signatures: [[key, signatory(key), '2025-01-15']],
          history: [
            ['draft', '2025-01-10', 'Ter ondertekening aangeboden.'],
            ['agreed', '2025-01-15', 'Ondertekend in het bestuurlijk overleg.'],
            ['in-progress', '2025-02-01', 'Start van de ketensamenwerking.'],
            [
              'broken',
              '2026-09-15',
              'De afspraak om patiënten binnen 14 dagen na de ontslagindicatie op te nemen wordt structureel niet nagekomen; De Veldhoeve meldt capaciteitsgebrek.',
            ],
          ],
        };
      case 'politie':
        return {
          ...base,
          signatures: [[key, signatory(key), '2025-03-01']],
          history: [
            ['draft', '2025-01-10', 'Ter ondertekening aangeboden.'],
            ['agreed', '2025-03-01', 'Ondertekend; deelname start na de reorganisatie van het district.'],
          ],
        };
      default:
        return {
          ...base,
          signatures: [[key, signatory(key), '2025-01-15']],
          history: [
            ['draft', '2025-01-10', 'Ter ondertekening aangeboden.'],
            ['agreed', '2025-01-15', 'Ondertekend in het bestuurlijk overleg.'],
            ['in-progress', '2025-02-01', 'Start van de ketensamenwerking.'],
          ],
        };
    }
  });
  return [
    {
      title: 'Convenant Acute Zorg Noordvallei 2025–2029',
      description:
        'De partners van de acute zorgketen in Noordvallei verbinden zich aan één gezamenlijk doel: iedere patiënt met levensbedreigend letsel krijgt binnen het gouden uur ' +
        'levensreddende behandeling in het juiste ziekenhuis. Het Traumacentrum voert als voorzitter van het ROAZ de regie.',
      kind: 'covenant',
      level: 'strategic',
      parties: everyone,
      owner: 'traumacentrum',
      indicators: ['overleving-30-dagen', 'binnen-gouden-uur'],
      startDate: '2025-01-01',
      endDate: '2029-12-31',
      reviewDate: addDaysTo(today, -20),
      signatures: everyone
        .filter((key) => key !== 'huisartsenpost' && key !== 'ok-traumachirurgie')
        .map((key) => [key, signatory(key), '2025-01-15'] as [string, string, string]),
      history: [
        ['draft', '2024-11-20', 'Concept besproken in het ROAZ.'],
        ['agreed', '2025-01-15', 'Ondertekend in het bestuurlijk overleg van 15 januari 2025.'],
        ['in-progress', '2025-02-01', 'Uitvoering gestart.'],
      ],
    },
    ...commitments,
    {
      title: 'Overdracht ambulance–SEH binnen 15 minuten',
      description:
        'De ambulancebemanning draagt de patiënt binnen 15 minuten na aankomst over aan het traumateam; de SEH zorgt dat het team bij aankomst klaarstaat na vooraankondiging.',
      kind: 'functional',
      level: 'tactical',
      parties: ['ambulancezorg', 'seh'],
      owner: 'seh',
      links: ['ambulance-ter-plaatse', 'opvang-seh'],
      indicators: ['a1-binnen-15-minuten'],
      startDate: '2025-06-01',
      endDate: '2026-12-31',
      reviewDate: addDaysTo(today, 30),
      signatures: [
        ['ambulancezorg', signatory('ambulancezorg'), '2025-05-20'],
        ['seh', signatory('seh'), '2025-05-20'],
      ],
      history: [
        ['draft', '2025-04-01', 'Uitgewerkt in de werkgroep overdracht.'],
        ['agreed', '2025-05-20', 'Vastgesteld in het tactisch overleg.'],
        ['in-progress', '2025-06-01', 'Ingegaan.'],
      ],
    },
    {
      title: 'Nachtelijke beschikbaarheid OK-team binnen 30 minuten',
      description:
        "Tijdens de pilot is er 's nachts een volledig OK-team in huis, zodat een spoedoperatie binnen 30 minuten na het besluit kan starten. " +
        'De vakgroep levert vóór de einddatum een evaluatierapport aan het bestuur.',
      kind: 'functional',
      level: 'operational',
      parties: ['ok-traumachirurgie', 'seh', 'traumacentrum'],
      owner: 'ok-traumachirurgie',
      links: ['levensreddende-behandeling'],
      indicators: ['wachttijd-seh-ok', 'binnen-gouden-uur'],
      startDate: '2026-06-01',
      endDate: '2027-05-31',
      dueDate: addDaysTo(today, -10),
      reviewDate: addDaysTo(today, 100),
      signatures: [
        ['ok-traumachirurgie', signatory('ok-traumachirurgie'), '2026-05-15'],
        ['traumacentrum', signatory('traumacentrum'), '2026-05-15'],
      ],
      history: [
        ['draft', '2026-03-01', 'Voorstel van het ROAZ na de analyse van de nachtelijke wachttijd SEH–OK.'],
        ['agreed', '2026-05-15', 'Akkoord voor een pilot van een jaar.'],
      ],
    },
    {
      title: 'Gegevensdeling trajectinformatie (gepseudonimiseerd)',
      description:
        'De partners leveren maandelijks gepseudonimiseerde trajectgegevens aan voor de ketenanalyse. Grondslag: gerechtvaardigd belang voor kwaliteitsverbetering; ' +
        'cliëntnummers worden vóór levering met een ketensleutel gepseudonimiseerd.',
      kind: 'data-sharing',
      level: 'tactical',
      parties: [
        'meldkamer',
        'ambulancezorg',
        'seh',
        'ok-traumachirurgie',
        'intensive-care',
        'verpleegafdeling',
        'revalidatie',
        'traumacentrum',
      ],
      owner: 'traumacentrum',
      startDate: '2025-03-01',
      endDate: null,
      history: [
        ['draft', '2025-01-20', 'Opgesteld met de functionarissen gegevensbescherming.'],
        ['agreed', '2025-02-20', 'Getekend door alle leverende partners.'],
        ['in-progress', '2025-03-01', 'Eerste levering ontvangen.'],
      ],
    },
    {
      title: 'Financiering 24/7 OK-team na de pilot',
      description:
        'Afspraak over de structurele financiering van het nachtteam vanaf 2027. In het businessplan verliest de OK-afdeling geld terwijl de keten wint; ' +
        'de zorgverzekeraar en de IC dragen bij naar rato van hun baten.',
      kind: 'financial',
      level: 'strategic',
      parties: ['zorgverzekeraar', 'ok-traumachirurgie', 'intensive-care', 'traumacentrum'],
      owner: 'zorgverzekeraar',
      links: ['levensreddende-behandeling'],
      startDate: '2027-01-01',
      endDate: '2030-12-31',
      dueDate: addDaysTo(today, 45),
      history: [['draft', '2026-09-01', 'Eerste voorstel op basis van het compensatievoorstel uit het businessplan.']],
    },
    {
      title: 'Bijdrage gemeente aan de traumaregistratie 2025',
      description:
        'De gemeente betaalt in 2025 de regionale uitbreiding van de traumaregistratie, zodat de keten per maand kan meten.',
      kind: 'financial',
      level: 'tactical',
      parties: ['gemeente', 'traumacentrum'],
      owner: 'gemeente',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      signatures: [
        ['gemeente', signatory('gemeente'), '2024-12-10'],
        ['traumacentrum', signatory('traumacentrum'), '2024-12-10'],
      ],
      history: [
        ['draft', '2024-11-01', 'Aanvraag ingediend.'],
        ['agreed', '2024-12-10', 'Subsidie verleend.'],
        ['in-progress', '2025-01-01', 'Uitvoering gestart.'],
        ['fulfilled', '2026-01-20', 'Verantwoording ontvangen en goedgekeurd.'],
      ],
    },
    {
      title: 'Proef vooraankondiging via spraakverbinding',
      description:
        'De ambulance kondigt traumapatiënten telefonisch aan bij de SEH-arts; vervangen door de digitale vooraankondiging.',
      kind: 'functional',
      level: 'operational',
      parties: ['ambulancezorg', 'seh'],
      owner: 'ambulancezorg',
      links: ['ambulance-ter-plaatse', 'opvang-seh'],
      startDate: '2025-02-01',
      endDate: '2025-08-31',
      history: [
        ['draft', '2025-01-15', 'Voorstel van de werkgroep overdracht.'],
        ['agreed', '2025-01-30', 'Akkoord voor een proef van zeven maanden.'],
        ['in-progress', '2025-02-01', 'Proef gestart.'],
        ['expired', '2025-09-01', 'Proef afgelopen; vervangen door de digitale vooraankondiging.'],
      ],
    },
  ];
}

async function seedAgreements(
  tx: Queryable,
  state: GovernanceChain,
  ids: DemoIds,
  indicatorIds: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  const chainId = state.chain.id;
  for (const demo of demoAgreements(ids, today)) {
    const last = demo.history[demo.history.length - 1];
    if (last === undefined) {
      continue;
    }
    const fields = {
      title: demo.title,
      description: demo.description,
      kind: demo.kind,
      level: demo.level,
      partyPartnerIds: demo.parties.map((key) => ids.partner(key)),
      ownerPartnerId: ids.partner(demo.owner),
      linkIds: (demo.links ?? []).map((key) => ids.link(key)),
      indicatorIds: (demo.indicators ?? []).map((key) => indicatorIds.get(key) as string),
      startDate: demo.startDate,
      endDate: demo.endDate,
      dueDate: demo.dueDate ?? null,
      reviewDate: demo.reviewDate ?? null,
      signatures: (demo.signatures ?? []).map(([key, signedBy, signedOn]) => ({
        partnerId: ids.partner(key),
        signedBy,
        signedOn,
      })),
    };
    const id = await insertAgreement(tx, chainId, fields, last[0]);
    await replaceAgreementChildren(tx, chainId, id, fields);
    let from: AgreementStatus | null = null;
    for (const [to, on, reason] of demo.history) {
      await insertAgreementHistoryEntry(tx, chainId, id, {
        from,
        to,
        changedBy: DIRECTOR_ACTOR.name,
        changedAt: `${on}T10:00:00Z`,
        reason,
      });
      from = to;
    }
    // every status change after the registration raised the version, as through the API
    for (let version = 1; version < demo.history.length; version++) {
      await bumpAgreementVersion(tx, id, version);
    }
  }
}

/** How a partner feels about each area in a round: a base score and the areas that differ. */
interface DemoSentiment {
  readonly respondents: number;
  readonly base: number;
  readonly areas?: Partial<Record<CourseCheckArea, number>>;
  readonly comments?: Partial<Record<string, string>>;
}

const ROUND_ONE: Readonly<Record<string, DemoSentiment>> = {
  meldkamer: { respondents: 1, base: 3.9 },
  ambulancezorg: { respondents: 2, base: 4.2, areas: { 'capability-to-change': 4.5 } },
  seh: { respondents: 2, base: 3.8, areas: { resources: 3.2 } },
  'ok-traumachirurgie': {
    respondents: 2,
    base: 3.3,
    areas: { resources: 2.4, 'felt-necessity': 3.0 },
    comments: {
      'middelen-verdeling':
        'Een volledig nachtteam kost ons veel, terwijl de baten vooral bij de IC en de verzekeraar terechtkomen.',
    },
  },
  'intensive-care': { respondents: 1, base: 3.9 },
  verpleegafdeling: { respondents: 1, base: 3.7 },
  revalidatie: { respondents: 2, base: 3.8, areas: { 'scope-and-stakeholders': 3.5 } },
  gemeente: { respondents: 1, base: 3.6 },
  zorgverzekeraar: { respondents: 1, base: 3.9, areas: { resources: 3.6 } },
  traumacentrum: { respondents: 2, base: 4.3 },
};

const ROUND_TWO: Readonly<Record<string, DemoSentiment>> = {
  ...ROUND_ONE,
  ambulancezorg: { respondents: 2, base: 4.3, areas: { 'capability-to-change': 4.6 } },
  seh: { respondents: 2, base: 3.9, areas: { resources: 3.3 } },
  'ok-traumachirurgie': {
    respondents: 2,
    base: 3.4,
    areas: { resources: 2.5, 'felt-necessity': 3.4 },
    comments: {
      'middelen-verdeling':
        'De pilot met het nachtteam helpt, maar zonder compensatie vanaf 2027 kunnen wij dit niet volhouden.',
    },
  },
  revalidatie: {
    respondents: 2,
    base: 2.5,
    areas: { 'goals-and-vision': 2.6, 'scope-and-stakeholders': 2.2, trust: 2.0, 'on-course': 2.1, resources: 1.9 },
    comments: {
      'afbakening-juiste-partijen':
        'Wij worden pas betrokken als de patiënt al te lang op een verkeerd bed ligt; onze capaciteit telt niet mee in de ketenafspraken.',
      'middelen-capaciteit': 'Zonder extra bedden kunnen wij de afspraak over opname binnen 14 dagen niet waarmaken.',
    },
  },
  traumacentrum: { respondents: 2, base: 4.2 },
};

async function seedCourseChecks(tx: Queryable, state: GovernanceChain, ids: DemoIds): Promise<void> {
  const chainId = state.chain.id;
  const random = createSeededRandom(COURSE_CHECK_SEED);
  // A person answers much the same way each round: one personal deviation per respondent and
  // question, shared by both rounds, so that only real shifts in sentiment show up as change.
  const deviations = new Map<string, number>();
  const deviation = (partnerKey: string, respondent: number, questionKey: string): number => {
    const key = `${partnerKey}/${respondent}/${questionKey}`;
    let value = deviations.get(key);
    if (value === undefined) {
      value = random.normal() * 0.45;
      deviations.set(key, value);
    }
    return value;
  };
  const rounds = [
    {
      title: { nl: 'Koerscheck voorjaar 2026', en: 'Course check spring 2026' },
      opensOn: '2026-04-01',
      closesOn: '2026-04-21',
      sentiments: ROUND_ONE,
    },
    {
      title: { nl: 'Koerscheck najaar 2026', en: 'Course check autumn 2026' },
      opensOn: '2026-10-01',
      closesOn: '2026-10-21',
      sentiments: ROUND_TWO,
    },
  ];
  for (const round of rounds) {
    const roundId = await insertRound(tx, chainId, {
      title: round.title,
      questionSet: DEFAULT_COURSE_CHECK_QUESTION_SET,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      createdBy: DIRECTOR_ACTOR.name,
    });
    let day = 0;
    for (const [partnerKey, sentiment] of Object.entries(round.sentiments)) {
      for (let respondent = 0; respondent < sentiment.respondents; respondent++) {
        const answers = DEFAULT_COURSE_CHECK_QUESTION_SET.questions.map((question) => {
          const mean = sentiment.areas?.[question.area] ?? sentiment.base;
          const score = Math.min(5, Math.max(1, Math.round(mean + deviation(partnerKey, respondent, question.key))));
          const comment = respondent === 0 ? (sentiment.comments?.[question.key] ?? '') : '';
          return { questionKey: question.key, score, comment };
        });
        await insertResponse(tx, {
          chainId,
          roundId,
          partnerId: ids.partner(partnerKey),
          respondentKey: createRespondentKey(),
          answers,
          submittedAt: `${addDaysTo(round.opensOn, day % 14)}T${String(9 + (day % 8)).padStart(2, '0')}:15:00Z`,
        });
        day += 1;
      }
    }
  }
}

async function seedBusinessCase(tx: Queryable, state: GovernanceChain, ids: DemoIds): Promise<void> {
  const chainId = state.chain.id;
  const years = [2027, 2028, 2029, 2030];
  const ok = ids.partner('ok-traumachirurgie');
  const euros = (amount: number) => amount * 100;
  const lines = [
    ...years.map((year) => ({
      partnerId: ok,
      type: 'cost' as const,
      year,
      amountCents: euros(1_450_000),
      category: 'personeel',
      description: "Volledig OK-team (anesthesioloog, chirurg, 2 OK-assistenten) 's nachts in huis",
      beneficiaryPartnerId: null,
    })),
    {
      partnerId: ok,
      type: 'cost' as const,
      year: 2027,
      amountCents: euros(60_000),
      category: 'opleiding',
      description: 'Scholing en teamtraining nachtteam',
      beneficiaryPartnerId: null,
    },
    ...years.map((year) => ({
      partnerId: ok,
      type: 'benefit' as const,
      year,
      amountCents: euros(250_000),
      category: 'minder oproepdiensten',
      description: 'Minder vergoedingen voor oproepdiensten en uitgelopen nachten',
      beneficiaryPartnerId: null,
    })),
    ...years.map((year) => ({
      partnerId: ok,
      type: 'benefit' as const,
      year,
      amountCents: euros(520_000),
      category: 'kortere IC-ligduur',
      description: 'Snellere operatie: minder complicaties en kortere opname op de Intensive Care',
      beneficiaryPartnerId: ids.partner('intensive-care'),
    })),
    ...years.map((year) => ({
      partnerId: ok,
      type: 'benefit' as const,
      year,
      amountCents: euros(900_000),
      category: 'uitgespaarde zorgkosten',
      description: 'Minder heropnames, complicaties en langdurige zorg na ernstig letsel',
      beneficiaryPartnerId: ids.partner('zorgverzekeraar'),
    })),
    ...years.map((year) => ({
      partnerId: ok,
      type: 'benefit' as const,
      year,
      amountCents: euros(180_000),
      category: 'kortere opnameduur',
      description: 'Kortere opname op de verpleegafdeling traumatologie',
      beneficiaryPartnerId: ids.partner('verpleegafdeling'),
    })),
    ...years.map((year) => ({
      partnerId: ok,
      type: 'benefit' as const,
      year,
      amountCents: euros(150_000),
      category: 'maatschappelijke baten',
      description: 'Minder langdurige ondersteuning (Wmo) en eerder terug naar werk of school',
      beneficiaryPartnerId: ids.partner('gemeente'),
    })),
    {
      partnerId: ids.partner('intensive-care'),
      type: 'cost' as const,
      year: 2027,
      amountCents: euros(40_000),
      category: 'roosters',
      description: 'Aanpassing van de IC-roosters op de nieuwe instroom',
      beneficiaryPartnerId: null,
    },
  ];
  await insertBusinessCaseLines(tx, chainId, lines);
  await saveBusinessCaseSettings(tx, chainId, 0, { discountRate: 0.0225, startYear: 2027 });
}

async function seedInterventions(
  tx: Queryable,
  state: GovernanceChain,
  ids: DemoIds,
  indicatorIds: ReadonlyMap<string, string>,
): Promise<void> {
  const chainId = state.chain.id;
  const indicator = (key: string) => indicatorIds.get(key) as string;
  const okTeam = await insertIntervention(tx, chainId, {
    title: '24/7 OK-team aanwezig',
    hypothesis:
      "Als er ook 's nachts een volledig OK-team in huis is, hoeft niemand meer van huis te komen: de tijd van aankomst op de SEH tot de OK daalt 's nachts naar het niveau van de dag, " +
      'en daarmee stijgt het aandeel patiënten dat binnen het gouden uur wordt behandeld.',
    description:
      'Pilot van een jaar, gefinancierd uit de innovatiemiddelen van het ROAZ; de structurele financiering staat in het businessplan.',
    ownerPartnerId: ids.partner('ok-traumachirurgie'),
    linkIds: [ids.link('opvang-seh'), ids.link('levensreddende-behandeling')],
    indicatorIds: [indicator('wachttijd-seh-ok'), indicator('binnen-gouden-uur')],
    startDate: '2026-06-01',
    endDate: '2027-05-31',
    status: 'running',
  });
  await insertIntervention(tx, chainId, {
    title: 'Digitale vooraankondiging door de ambulance',
    hypothesis:
      'Als de ambulance de patiënt digitaal vooraankondigt met vitale waarden en verwachte aankomsttijd, staat het traumateam klaar en daalt de tijd tot de CT-scan.',
    description: 'Vervangt de telefonische vooraankondiging uit de proef van 2025.',
    ownerPartnerId: ids.partner('ambulancezorg'),
    linkIds: [ids.link('ambulance-ter-plaatse'), ids.link('opvang-seh')],
    indicatorIds: [indicator('seh-deur-tot-ct'), indicator('a1-binnen-15-minuten')],
    startDate: '2025-09-01',
    endDate: '2026-02-28',
    status: 'completed',
  });
  await insertIntervention(tx, chainId, {
    title: 'Transferverpleegkundige voor de instroom in de revalidatie',
    hypothesis:
      'Als een transferverpleegkundige de overplaatsing vanaf de ontslagindicatie regelt, starten meer patiënten binnen 14 dagen met revalideren en liggen er minder patiënten op een verkeerd bed.',
    description: 'Voorgesteld na de koerscheck van najaar 2026, waarin het draagvlak bij De Veldhoeve sterk daalde.',
    ownerPartnerId: ids.partner('revalidatie'),
    linkIds: [ids.link('verpleegafdeling'), ids.link('revalidatie')],
    indicatorIds: [indicator('overleving-30-dagen')],
    startDate: '2027-01-01',
    endDate: null,
    status: 'planned',
  });
  const evaluate = {
    asOf: '2026-10-31',
    maxWindowDays: 91,
    runInDays: 0,
  };
  await storeEvaluation(
    tx,
    chainId,
    okTeam,
    {
      ...evaluate,
      measure: {
        kind: 'flow-duration',
        fromLinkId: ids.link('opvang-seh'),
        toLinkId: ids.link('levensreddende-behandeling'),
      },
    },
    DIRECTOR_ACTOR,
    evaluate.asOf,
  );
  await storeEvaluation(
    tx,
    chainId,
    okTeam,
    {
      ...evaluate,
      measure: {
        kind: 'flow-norm',
        fromLinkId: ids.link('melding-112'),
        toLinkId: ids.link('levensreddende-behandeling'),
        maxMinutes: 60,
      },
    },
    DIRECTOR_ACTOR,
    evaluate.asOf,
  );
}
