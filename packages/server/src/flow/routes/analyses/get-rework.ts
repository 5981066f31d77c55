/** GET /api/v1/chains/:chainId/flow/rework — activities repeated within a case and activities done by several partners in one case. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowLevelQuerySchema, reworkSchema } from '../../schemas/analysis-schemas.ts';
import { getRework } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getReworkSchema = {
  tags: ['flow'],
  summary: 'Rework and work done twice',
  operationId: 'getRework',
  params: chainParamsSchema,
  querystring: flowLevelQuerySchema,
  response: { 200: reworkSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetRework(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/rework',
    { schema: getReworkSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getRework(ctx.db, requireChainAccess(request), request.query),
  );
}
