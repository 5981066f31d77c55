/** E-mail addresses as the accounts store them: trimmed and lower-cased. */
import { z } from 'zod';

/** An e-mail address in input; normalised to its stored form. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an e-mail address' }))
  .describe('E-mail address; compared without regard to case');

/** The stored form of an address typed by someone. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
