/** Path parameters of the link routes. */
import { z } from 'zod';
import { chainParamsSchema } from '../api-instance.ts';

/** `:chainId` (id or slug) and `:linkId`; a malformed link id is answered with 404. */
export const linkParamsSchema = chainParamsSchema.extend({
  linkId: z.string().describe('Id of the link'),
});
