/** GET /api/v1/chains/:chainId/flow/summary — the headline figures (cases, events, period, case durations, per partner) and warnings. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowFilterQuerySchema, flowSummarySchema } from '../../schemas/analysis-schemas.ts';
import { getFlowSummary } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getFlowSummarySchema = {
  tags: ['flow'],
  summary: 'Headline figures of the chain’s trajectory data',
  operationId: 'getFlowSummary',
  params: chainParamsSchema,
  querystring: flowFilterQuerySchema,
  response: { 200: flowSummarySchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetFlowSummary(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/summary',
    { schema: getFlowSummarySchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getFlowSummary(ctx.db, requireChainAccess(request), request.query),
  );
}
