/** GET /api/v1/chains/:chainId/import-mappings/:partnerId — the column mapping a partner used last time. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { importMappingSchema } from '../../schemas/import-schemas.ts';
import { getImportMapping } from '../../services/flow-imports.ts';

/** Route schema: the defaults with `remembered: false` when the partner has not imported a CSV yet. */
export const getImportMappingSchema = {
  tags: ['flow'],
  summary: 'Read the column mapping a partner used last time',
  operationId: 'getImportMapping',
  params: chainParamsSchema.extend({ partnerId: z.string().describe('Id or key of the partner') }),
  response: {
    200: z.object({ mapping: importMappingSchema, remembered: z.boolean() }).describe('RememberedImportMapping'),
    ...errorResponses(401, 403, 404),
  },
};

/** Registers the route. */
export function registerGetImportMapping(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/import-mappings/:partnerId',
    { schema: getImportMappingSchema, config: { access: { scope: 'chain', permission: 'flow.import' } } },
    async (request) => getImportMapping(ctx.db, requireChainAccess(request).chainId, request.params.partnerId),
  );
}
