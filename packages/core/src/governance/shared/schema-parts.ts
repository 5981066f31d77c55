/**
 * Building blocks shared by the governance schemas: dates, text fields and bilingual labels.
 * Kept internal to the governance module except for {@link bilingualTextSchema}.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from '../../chain/chain-schemas.ts';

/** A calendar date as `YYYY-MM-DD` (no time, no zone); invalid days such as 2024-02-30 are refused. */
export const calendarDateSchema = z.iso.date();

/** A moment with an explicit offset or `Z`, e.g. `2024-03-01T09:30:00+01:00`. */
export const momentSchema = z.iso.datetime({ offset: true });

/** A non-empty line of text with surrounding white space removed. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Optional longer text; empty string when absent. */
export const optionalText = (max: number) => z.string().trim().max(max).default('');

/** A key: lower-case words joined by single hyphens, unique within its collection. */
export const keySchema = z
  .string()
  .min(1)
  .max(60)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens (e.g. "wachttijd-intake")');

/** A finite number (no NaN, no Infinity). */
export const finiteNumberSchema = z.number().refine(Number.isFinite, 'must be a finite number');

/** A list of ids in which each id occurs once. */
export const idListSchema = z
  .array(z.string().min(1))
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'each id may be listed once');

/**
 * A text in both languages of the product: Dutch (`nl`, the default language of the interface)
 * and English (`en`). Used for question sets, verdicts and explanations composed from data.
 */
export const bilingualTextSchema = z.object({
  nl: requiredText(4000),
  en: requiredText(4000),
});
/** See {@link bilingualTextSchema}. */
export type BilingualText = z.infer<typeof bilingualTextSchema>;

/** The two interface languages. */
export type Language = keyof BilingualText;
