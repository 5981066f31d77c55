/** GET /api/v1/chains/:chainId/flow/handovers — the partner × partner matrix with the waiting at each boundary, and ping-pong. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowFilterQuerySchema, handoversSchema } from '../../schemas/analysis-schemas.ts';
import { getHandovers } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getHandoversSchema = {
  tags: ['flow'],
  summary: 'Handovers between partners',
  operationId: 'getHandovers',
  params: chainParamsSchema,
  querystring: flowFilterQuerySchema,
  response: { 200: handoversSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetHandovers(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/handovers',
    { schema: getHandoversSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getHandovers(ctx.db, requireChainAccess(request), request.query),
  );
}
