/**
 * Schemas of the common agenda: indicators, their versions and their measurements.
 *
 * An indicator is agreed by consensus and then held fixed: changing anything about it creates a new
 * version that records why and who agreed, and every earlier version stays visible. A measurement is
 * never overwritten: a correction is a new revision of the same period, and the latest revision counts.
 */
import { z } from 'zod';
import { versionSchema } from '../../chain/chain-schemas.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { lastDayOfMonth, pad } from '../shared/dates.ts';
import {
  calendarDateSchema,
  finiteNumberSchema,
  idListSchema,
  keySchema,
  momentSchema,
  optionalText,
  requiredText,
} from '../shared/schema-parts.ts';

/**
 * What an indicator measures: `societal` — the shared result for the target group (maatschappelijke
 * prestatie); `organisational` — one partner's own performance (organisatieprestatie), owned by that
 * partner; `process` — a figure of the chain process computed from the flow data (e.g. the share of
 * cases within the golden hour).
 */
export const INDICATOR_KINDS = ['societal', 'organisational', 'process'] as const;
/** See {@link INDICATOR_KINDS}. */
export const indicatorKindSchema = z.enum(INDICATOR_KINDS);
/** See {@link INDICATOR_KINDS}. */
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/** Which way is good: a higher value (e.g. share within norm) or a lower one (e.g. waiting time). */
export const INDICATOR_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
/** See {@link INDICATOR_DIRECTIONS}. */
export const indicatorDirectionSchema = z.enum(INDICATOR_DIRECTIONS);
/** See {@link INDICATOR_DIRECTIONS}. */
export type IndicatorDirection = z.infer<typeof indicatorDirectionSchema>;

/** How often the indicator is measured; it fixes the form of the measurement periods. */
export const MEASUREMENT_FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
/** See {@link MEASUREMENT_FREQUENCIES}. */
export const measurementFrequencySchema = z.enum(MEASUREMENT_FREQUENCIES);
/** See {@link MEASUREMENT_FREQUENCIES}. */
export type MeasurementFrequency = z.infer<typeof measurementFrequencySchema>;

/** A value at a date: the baseline (where we started) or the target (where we agreed to be). */
export const indicatorReferencePointSchema = z.object({
  value: finiteNumberSchema,
  date: calendarDateSchema,
});
/** See {@link indicatorReferencePointSchema}. */
export type IndicatorReferencePoint = z.infer<typeof indicatorReferencePointSchema>;

/** The fields of an indicator definition as agreed by the partners, without refinements. */
const indicatorFieldsObject = z.object({
  /** Stable key within the chain, e.g. `binnen-gouden-uur`. */
  key: keySchema,
  name: requiredText(200),
  kind: indicatorKindSchema,
  /** How the figure is computed: numerator, denominator, source, what counts and what does not. */
  definition: requiredText(4000),
  /** Unit shown next to values, e.g. `%`, `minuten`, `cliënten`. */
  unit: requiredText(40),
  direction: indicatorDirectionSchema,
  baseline: indicatorReferencePointSchema,
  target: indicatorReferencePointSchema,
  frequency: measurementFrequencySchema,
  /** The partner responsible for the figure; required for organisational indicators, null = the chain director. */
  ownerPartnerId: z.string().min(1).nullable().default(null),
  /** Links of the primary process whose work this indicator reflects. */
  linkIds: idListSchema.default([]),
  /**
   * Societal indicators this (organisational or process) indicator contributes to; this is the
   * contribution graph that shows whether partners improve their own figures while the shared
   * result stands still. Empty for societal indicators.
   */
  contributesToIndicatorIds: idListSchema.default([]),
});

/** The fields of an indicator definition after parsing. */
export type IndicatorFields = z.infer<typeof indicatorFieldsObject>;

/**
 * Lists what is inconsistent within one indicator definition, each with the field path: the target
 * date must lie after the baseline date; the target must be better than the baseline in the stated
 * direction (a target equal to or worse than the baseline leaves no path to measure progress on);
 * an organisational indicator needs an owner partner; a societal indicator contributes to nothing.
 */
export function findIndicatorProblems(fields: IndicatorFields): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (fields.target.date <= fields.baseline.date) {
    problems.push({ path: 'target.date', message: 'the target date must lie after the baseline date' });
  }
  const improvement =
    fields.direction === 'higher-is-better'
      ? fields.target.value - fields.baseline.value
      : fields.baseline.value - fields.target.value;
  if (!(improvement > 0)) {
    problems.push({
      path: 'target.value',
      message:
        fields.direction === 'higher-is-better'
          ? 'higher is better, so the target must be higher than the baseline'
          : 'lower is better, so the target must be lower than the baseline',
    });
  }
  if (fields.kind === 'organisational' && fields.ownerPartnerId === null) {
    problems.push({ path: 'ownerPartnerId', message: 'an organisational indicator is owned by one partner' });
  }
  if (fields.kind === 'societal' && fields.contributesToIndicatorIds.length > 0) {
    problems.push({
      path: 'contributesToIndicatorIds',
      message: 'a societal indicator is the shared result; organisational and process indicators contribute to it',
    });
  }
  return problems;
}

function refineIndicator(fields: IndicatorFields, ctx: z.RefinementCtx): void {
  for (const problem of findIndicatorProblems(fields)) {
    ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
  }
}

/** Who agreed to a version of an indicator: a person on behalf of a partner. */
export const indicatorAgreementSchema = z.object({
  partnerId: z.string().min(1),
  personName: requiredText(200),
});
/** See {@link indicatorAgreementSchema}. */
export type IndicatorAgreement = z.infer<typeof indicatorAgreementSchema>;

/** Why a version exists and who agreed to it, on which date. */
const versionRecordFields = {
  /** Why this version was made, e.g. "Vastgesteld in het bestuurlijk overleg" or "Doel bijgesteld na herijking". */
  reason: requiredText(2000),
  /** The partners' representatives who agreed; at least one. */
  agreedBy: z
    .array(indicatorAgreementSchema)
    .min(1, 'record who agreed')
    .max(500)
    .refine((list) => new Set(list.map((a) => a.partnerId)).size === list.length, 'each partner may agree once'),
  /** The date of the decision. */
  agreedOn: calendarDateSchema,
};

/** Input to create an indicator: its definition (version 1) with the record of its agreement. */
export const createIndicatorInputSchema = indicatorFieldsObject
  .extend(versionRecordFields)
  .superRefine(refineIndicator);
/** See {@link createIndicatorInputSchema}. */
export type CreateIndicatorInput = z.input<typeof createIndicatorInputSchema>;

/**
 * Input to change an indicator: the complete new definition, the version it was based on (refused
 * when stale), why it changed and who agreed. It creates a new version; the old one stays.
 */
export const reviseIndicatorInputSchema = indicatorFieldsObject
  .extend(versionRecordFields)
  .extend({ version: versionSchema })
  .superRefine(refineIndicator);
/** See {@link reviseIndicatorInputSchema}. */
export type ReviseIndicatorInput = z.input<typeof reviseIndicatorInputSchema>;

/** One version of an indicator: a full snapshot of the definition with the record of its agreement. */
export const indicatorVersionSchema = indicatorFieldsObject.extend(versionRecordFields).extend({
  indicatorId: z.string(),
  /** 1 for the first agreed definition, +1 for every change. */
  version: versionSchema,
  /** When the version was stored. */
  createdAt: momentSchema,
});
/** See {@link indicatorVersionSchema}. */
export type IndicatorVersion = z.infer<typeof indicatorVersionSchema>;

/** An indicator as the API returns it: its current version. */
export const indicatorSchema = indicatorFieldsObject.extend(versionRecordFields).extend({
  id: z.string(),
  chainId: z.string(),
  version: versionSchema,
  createdAt: momentSchema,
});
/** See {@link indicatorSchema}. */
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * Lists broken invariants across the indicators of one chain: keys unique; every contribution
 * points at an existing societal indicator of the same set. Paths are `indicators.<index>.<field>`.
 */
export function findIndicatorSetProblems(
  indicators: readonly Pick<Indicator, 'id' | 'key' | 'kind' | 'contributesToIndicatorIds'>[],
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const keys = new Set<string>();
  indicators.forEach((indicator, i) => {
    if (keys.has(indicator.key)) {
      problems.push({ path: `indicators.${i}.key`, message: `indicator key "${indicator.key}" is used twice` });
    }
    keys.add(indicator.key);
    indicator.contributesToIndicatorIds.forEach((targetId, j) => {
      const target = byId.get(targetId);
      if (target === undefined) {
        problems.push({
          path: `indicators.${i}.contributesToIndicatorIds.${j}`,
          message: 'no such indicator in this chain',
        });
      } else if (target.kind !== 'societal') {
        problems.push({
          path: `indicators.${i}.contributesToIndicatorIds.${j}`,
          message: `"${target.key}" is not a societal indicator`,
        });
      }
    });
  });
  return problems;
}

/**
 * A measurement period: `2024` (a year), `2024-Q2` (a quarter) or `2024-05` (a month). Its form
 * must match the indicator's frequency.
 */
export const measurementPeriodSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/, 'use 2024 (year), 2024-Q2 (quarter) or 2024-05 (month)');

/** A parsed period: its frequency and its first and last day. */
export interface ParsedMeasurementPeriod {
  readonly frequency: MeasurementFrequency;
  readonly startDate: string;
  /** The last day of the period; a measurement is placed on this date in trends and charts. */
  readonly endDate: string;
}

/** Parses a valid period string (see {@link measurementPeriodSchema}) into its frequency and dates. */
export function parseMeasurementPeriod(period: string): ParsedMeasurementPeriod {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) {
    return { frequency: 'yearly', startDate: `${pad(year, 4)}-01-01`, endDate: `${pad(year, 4)}-12-31` };
  }
  if (period[5] === 'Q') {
    const quarter = Number(period.slice(6));
    const firstMonth = (quarter - 1) * 3 + 1;
    return {
      frequency: 'quarterly',
      startDate: `${pad(year, 4)}-${pad(firstMonth, 2)}-01`,
      endDate: lastDayOfMonth(year, firstMonth + 2),
    };
  }
  const month = Number(period.slice(5, 7));
  return {
    frequency: 'monthly',
    startDate: `${pad(year, 4)}-${pad(month, 2)}-01`,
    endDate: lastDayOfMonth(year, month),
  };
}

/** Where a measurement came from. `flow` = computed by the platform from the trajectory data. */
export const MEASUREMENT_SOURCES = ['manual', 'csv', 'api', 'flow'] as const;
/** See {@link MEASUREMENT_SOURCES}. */
export const measurementSourceSchema = z.enum(MEASUREMENT_SOURCES);
/** See {@link MEASUREMENT_SOURCES}. */
export type MeasurementSource = z.infer<typeof measurementSourceSchema>;

/** Input for one measurement (or a correction of it): the period, the value and an optional note. */
export const measurementInputSchema = z.object({
  period: measurementPeriodSchema,
  value: finiteNumberSchema,
  /** Why a correction was made, or anything a reader should know about the figure. */
  note: optionalText(1000),
});
/** See {@link measurementInputSchema}. */
export type MeasurementInput = z.input<typeof measurementInputSchema>;

/** Lists problems of a measurement for an indicator of the given frequency: the period must have its form. */
export function findMeasurementProblems(
  frequency: MeasurementFrequency,
  input: Pick<z.infer<typeof measurementInputSchema>, 'period'>,
): ErrorDetail[] {
  const parsed = parseMeasurementPeriod(input.period);
  if (parsed.frequency === frequency) return [];
  const example = { monthly: '2024-05', quarterly: '2024-Q2', yearly: '2024' }[frequency];
  return [{ path: 'period', message: `this indicator is measured ${frequency}; use a period like ${example}` }];
}

/**
 * One stored revision of a measurement. The first value of a period is revision 1; each correction
 * adds the next revision and never changes an earlier one.
 */
export const measurementRevisionSchema = z.object({
  indicatorId: z.string(),
  period: measurementPeriodSchema,
  value: finiteNumberSchema,
  revision: z.number().int().min(1),
  recordedAt: momentSchema,
  /** The person or system (API token name) that recorded it. */
  recordedBy: requiredText(200),
  source: measurementSourceSchema,
  note: z.string().max(1000),
});
/** See {@link measurementRevisionSchema}. */
export type MeasurementRevision = z.infer<typeof measurementRevisionSchema>;
