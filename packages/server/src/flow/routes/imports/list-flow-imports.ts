/** GET /api/v1/chains/:chainId/imports — the import history: who, when, how many events, which partner. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowImportSchema } from '../../schemas/import-schemas.ts';
import { listChainImports } from '../../services/flow-imports.ts';

/** Route schema. */
export const listFlowImportsSchema = {
  tags: ['flow'],
  summary: 'List the imports of a chain, newest first',
  operationId: 'listFlowImports',
  params: chainParamsSchema,
  response: { 200: z.array(flowImportSchema), ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerListFlowImports(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/imports',
    { schema: listFlowImportsSchema, config: { access: { scope: 'chain', permission: 'flow.import' } } },
    async (request) => listChainImports(ctx.db, requireChainAccess(request).chainId),
  );
}
