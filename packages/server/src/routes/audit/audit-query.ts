/** Query string of the audit log routes. */
import { z } from 'zod';

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'must be a whole number from 1')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** `?limit=`, `?before=` (page by id) and `?format=json|csv`. */
export const auditQuerySchema = z.object({
  limit: wholeNumber(1000).optional().describe('Number of entries, at most 1000 (default 100)'),
  before: wholeNumber(Number.MAX_SAFE_INTEGER).optional().describe('Only entries with a smaller id (the next page)'),
  format: z.enum(['json', 'csv']).default('json').describe('`csv` downloads the entries as a CSV file'),
});
