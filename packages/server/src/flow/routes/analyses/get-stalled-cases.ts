/** GET /api/v1/chains/:chainId/flow/stalled — cases without an event for N days that are not at an end link, by where they were last seen. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { stalledQuerySchema, stalledSchema } from '../../schemas/analysis-schemas.ts';
import { getStalledCases } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getStalledCasesSchema = {
  tags: ['flow'],
  summary: 'Drop-outs and stalled cases in aggregate',
  operationId: 'getStalledCases',
  params: chainParamsSchema,
  querystring: stalledQuerySchema,
  response: { 200: stalledSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetStalledCases(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/stalled',
    { schema: getStalledCasesSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getStalledCases(ctx.db, requireChainAccess(request), request.query),
  );
}
