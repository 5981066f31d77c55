/** GET /api/v1/chains/:chainId/flow/trends — cases started, events and throughput per local month. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowFilterQuerySchema, trendsSchema } from '../../schemas/analysis-schemas.ts';
import { getTrends } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getTrendsSchema = {
  tags: ['flow'],
  summary: 'Trends per month',
  operationId: 'getTrends',
  params: chainParamsSchema,
  querystring: flowFilterQuerySchema,
  response: { 200: trendsSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetTrends(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/trends',
    { schema: getTrendsSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getTrends(ctx.db, requireChainAccess(request), request.query),
  );
}
