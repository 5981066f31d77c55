/** Path parameters of the partner routes. */
import { z } from 'zod';
import { chainParamsSchema } from '../api-instance.ts';

/** `:chainId` (id or slug) and `:partnerId`; a malformed partner id is answered with 404. */
export const partnerParamsSchema = chainParamsSchema.extend({
  partnerId: z.string().describe('Id of the partner'),
});
