/**
 * Schemas of the partner business cases: who pays, who gains. Amounts are integer euro cents so
 * that sums never drift.
 */
import { z } from 'zod';
import type { ErrorDetail } from '../../shared/errors.ts';
import { optionalText, requiredText } from '../shared/schema-parts.ts';

/** A cost is paid by the line's partner; a benefit is produced by it and lands at the beneficiary. */
export const BUSINESS_CASE_LINE_TYPES = ['cost', 'benefit'] as const;
/** See {@link BUSINESS_CASE_LINE_TYPES}. */
export const businessCaseLineTypeSchema = z.enum(BUSINESS_CASE_LINE_TYPES);
/** See {@link BUSINESS_CASE_LINE_TYPES}. */
export type BusinessCaseLineType = z.infer<typeof businessCaseLineTypeSchema>;

/** Largest amount of one line: € 10 billion, so that sums of up to 5,000 lines stay exact integers. */
export const MAX_LINE_AMOUNT_CENTS = 1_000_000_000_000;

const businessCaseLineObject = z.object({
  /**
   * The partner whose business case the line belongs to: for a cost the partner that pays it; for a
   * benefit the partner whose effort produces it (the payer in the who-pays-who-gains matrix).
   */
  partnerId: z.string().min(1),
  type: businessCaseLineTypeSchema,
  /** Calendar year in which the amount falls. */
  year: z.number().int().min(1900).max(2200),
  /** Positive amount in euro cents; the type says whether it is a cost or a benefit. */
  amountCents: z.number().int().min(1).max(MAX_LINE_AMOUNT_CENTS),
  /** E.g. `personeel`, `uitgespaarde zorgkosten`, `ICT`. */
  category: requiredText(100),
  description: optionalText(1000),
  /**
   * For a benefit: the partner where it lands, when that is another partner than the one that pays
   * for it (the wrong-pocket problem). Null = the line's own partner. Always null for a cost.
   */
  beneficiaryPartnerId: z.string().min(1).nullable().default(null),
});

/** Lists inconsistencies of one line: a cost has no beneficiary. */
export function findBusinessCaseLineProblems(line: z.infer<typeof businessCaseLineObject>): ErrorDetail[] {
  return line.type === 'cost' && line.beneficiaryPartnerId !== null
    ? [
        {
          path: 'beneficiaryPartnerId',
          message: 'a cost is borne by its own partner; only a benefit can land elsewhere',
        },
      ]
    : [];
}

/** Input for one cost or benefit line. */
export const businessCaseLineInputSchema = businessCaseLineObject.superRefine((line, ctx) => {
  for (const problem of findBusinessCaseLineProblems(line)) {
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  }
});
/** See {@link businessCaseLineInputSchema}. */
export type BusinessCaseLineInput = z.input<typeof businessCaseLineInputSchema>;

/** A stored line as the API returns it. */
export const businessCaseLineSchema = businessCaseLineObject.extend({
  id: z.string(),
  chainId: z.string(),
});
/** See {@link businessCaseLineSchema}. */
export type BusinessCaseLine = z.infer<typeof businessCaseLineSchema>;

/**
 * Default discount rate: 2.25% a year, the standard rate of Dutch social cost-benefit analysis
 * (Werkgroep discontovoet, 2020). Each chain can set its own.
 */
export const DEFAULT_DISCOUNT_RATE = 0.0225;

/** Settings of the business-case computation. */
export const businessCaseOptionsSchema = z.object({
  /** Yearly discount rate as a fraction (0.04 = 4%), from 0 to 1. */
  discountRate: z.number().min(0).max(1).default(DEFAULT_DISCOUNT_RATE),
  /** The year that is year 0 (not discounted); null = the earliest year of the lines. */
  startYear: z.number().int().min(1900).max(2200).nullable().default(null),
});
/** See {@link businessCaseOptionsSchema}. */
export type BusinessCaseOptions = z.infer<typeof businessCaseOptionsSchema>;
