/** GET /api/v1/chains/:chainId/flow/bottlenecks — edges ranked by the waiting they contribute (with 90th percentile and day parts), and per norm where violations lose time. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { bottlenecksSchema, flowLevelQuerySchema } from '../../schemas/analysis-schemas.ts';
import { getBottlenecks } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getBottlenecksSchema = {
  tags: ['flow'],
  summary: 'Bottleneck ranking',
  operationId: 'getBottlenecks',
  params: chainParamsSchema,
  querystring: flowLevelQuerySchema,
  response: { 200: bottlenecksSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetBottlenecks(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/bottlenecks',
    { schema: getBottlenecksSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getBottlenecks(ctx.db, requireChainAccess(request), request.query),
  );
}
