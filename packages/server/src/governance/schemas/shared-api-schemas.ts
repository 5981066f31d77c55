/** Small schemas shared by the governance API: dates, moments, bilingual texts and path parameters. */
import { z } from 'zod';

/** A calendar date `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** A moment with an offset, as the database returns timestamps (`…Z`). */
export const momentOutputSchema = z.iso.datetime({ offset: true });

/** A text in Dutch and English (outputs only; inputs use core's bilingualTextSchema). */
export const bilingualOutputSchema = z.object({ nl: z.string(), en: z.string() });

/** `?asOf=YYYY-MM-DD`: compute as of this date instead of today (in Amsterdam). */
export const asOfQuerySchema = z.object({
  asOf: dateSchema.optional().describe('Compute as of this date (YYYY-MM-DD) instead of today in Europe/Amsterdam'),
});
