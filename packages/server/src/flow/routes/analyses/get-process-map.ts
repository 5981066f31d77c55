/** GET /api/v1/chains/:chainId/flow/process-map — the directly-follows graph: nodes with frequencies and service times, edges with waiting times. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowLevelQuerySchema, processMapSchema } from '../../schemas/analysis-schemas.ts';
import { getProcessMap } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getProcessMapSchema = {
  tags: ['flow'],
  summary: 'Process map per activity or per link',
  operationId: 'getProcessMap',
  params: chainParamsSchema,
  querystring: flowLevelQuerySchema,
  response: { 200: processMapSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetProcessMap(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/process-map',
    { schema: getProcessMapSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getProcessMap(ctx.db, requireChainAccess(request), request.query),
  );
}
