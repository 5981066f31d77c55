/**
 * Schemas of the business-case API: lines with their version, the chain's settings (discount rate
 * and year 0), and the results (net per partner and year, NPV, who-pays-who-gains matrix, warnings
 * and the compensation proposal), typed against core's result.
 */
import {
  DEFAULT_DISCOUNT_RATE,
  businessCaseLineInputSchema,
  businessCaseLineSchema,
  businessCaseOptionsSchema,
  versionSchema,
  type BusinessCaseResult,
} from '@ketenregie/core';
import { z } from 'zod';
import { bilingualOutputSchema } from './shared-api-schemas.ts';

/** Input to change a line: the complete line and the version it was based on. */
export const updateBusinessCaseLineInputSchema = businessCaseLineInputSchema.safeExtend({ version: versionSchema });
/** See {@link updateBusinessCaseLineInputSchema}. */
export type UpdateBusinessCaseLineData = z.output<typeof updateBusinessCaseLineInputSchema>;

/** A stored line with its version. */
export const storedBusinessCaseLineSchema = businessCaseLineSchema.extend({ version: versionSchema });

/** The chain's settings of the computation. */
export const businessCaseSettingsSchema = z.object({
  discountRate: z.number(),
  startYear: z.number().int().nullable(),
  /** 0 while the chain uses the defaults (discount rate 2.25%, year 0 = the earliest year). */
  version: z.number().int().min(0),
});
/** See {@link businessCaseSettingsSchema}. */
export type BusinessCaseSettings = z.infer<typeof businessCaseSettingsSchema>;

/** The settings while a chain has not set its own. */
export const DEFAULT_BUSINESS_CASE_SETTINGS: BusinessCaseSettings = {
  discountRate: DEFAULT_DISCOUNT_RATE,
  startYear: null,
  version: 0,
};

/** Input to change the settings; `version` 0 when the chain used the defaults. */
export const updateBusinessCaseSettingsInputSchema = businessCaseOptionsSchema.extend({
  version: z.number().int().min(0).describe('The version the change is based on; 0 when the chain used the defaults'),
});
/** See {@link updateBusinessCaseSettingsInputSchema}. */
export type UpdateBusinessCaseSettingsData = z.output<typeof updateBusinessCaseSettingsInputSchema>;

const compensationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-needed'), explanation: bilingualOutputSchema }),
  z.object({ kind: z.literal('chain-loses'), chainNpvCents: z.number().int(), explanation: bilingualOutputSchema }),
  z.object({
    kind: z.literal('proposal'),
    totalLossCents: z.number().int(),
    totalGainCents: z.number().int(),
    transfers: z.array(z.object({ fromPartnerId: z.string(), toPartnerId: z.string(), amountCents: z.number().int() })),
    outcomes: z.array(
      z.object({
        partnerId: z.string(),
        npvBeforeCents: z.number().int(),
        paidCents: z.number().int(),
        receivedCents: z.number().int(),
        npvAfterCents: z.number().int(),
      }),
    ),
    explanation: bilingualOutputSchema,
  }),
]);

/** Core's business-case result. */
export const businessCaseResultSchema: z.ZodType<BusinessCaseResult> = z.object({
  discountRate: z.number(),
  startYear: z.number().int().nullable(),
  years: z.array(z.number().int()),
  partnerYears: z.array(
    z.object({
      partnerId: z.string(),
      year: z.number().int(),
      costsCents: z.number().int(),
      benefitsCents: z.number().int(),
      netCents: z.number().int(),
      presentValueCents: z.number(),
    }),
  ),
  partners: z.array(
    z.object({
      partnerId: z.string(),
      name: z.string(),
      costsCents: z.number().int(),
      benefitsCents: z.number().int(),
      netCents: z.number().int(),
      npvCents: z.number().int(),
    }),
  ),
  chain: z.object({
    costsCents: z.number().int(),
    benefitsCents: z.number().int(),
    netCents: z.number().int(),
    npvCents: z.number().int(),
  }),
  flows: z.array(
    z.object({
      payerPartnerId: z.string(),
      beneficiaryPartnerId: z.string(),
      benefitsCents: z.number().int(),
      presentValueCents: z.number().int(),
    }),
  ),
  warnings: z.array(
    z.discriminatedUnion('code', [
      z.object({
        code: z.literal('partner-loses-while-chain-gains'),
        partnerId: z.string(),
        npvCents: z.number().int(),
      }),
      z.object({ code: z.literal('chain-loses'), npvCents: z.number().int() }),
    ]),
  ),
  compensation: compensationSchema,
});

/** The business-case page: the settings used and the computed result over the partners with lines. */
export const businessCaseOverviewSchema = z.object({
  settings: businessCaseSettingsSchema,
  lineCount: z.number().int(),
  result: businessCaseResultSchema,
});
/** See {@link businessCaseOverviewSchema}. */
export type BusinessCaseOverview = z.infer<typeof businessCaseOverviewSchema>;
