/** Path parameter of the invitation routes. */
import { z } from 'zod';

/** `:token`, the secret of the invitation link. */
export const invitationTokenParamsSchema = z.object({
  token: z.string().max(200).describe('The token of the invitation link'),
});
