/** GET /api/v1/chains/:chainId/imports/:importId — one import of the history. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowImportSchema } from '../../schemas/import-schemas.ts';
import { getChainImport } from '../../services/flow-imports.ts';
import { importParamsSchema } from '../flow-route-support.ts';

/** Route schema. */
export const getFlowImportSchema = {
  tags: ['flow'],
  summary: 'Read one import',
  operationId: 'getFlowImport',
  params: importParamsSchema,
  response: { 200: flowImportSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerGetFlowImport(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/imports/:importId',
    { schema: getFlowImportSchema, config: { access: { scope: 'chain', permission: 'flow.import' } } },
    async (request) => getChainImport(ctx.db, requireChainAccess(request).chainId, request.params.importId),
  );
}
