/** GET /api/v1/chains/:chainId/flow/stalled/cases — the stalled cases themselves (case-level, audited). */
import { errorResponses } from '../../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { stalledCaseListSchema, stalledQuerySchema } from '../../schemas/analysis-schemas.ts';
import { listStalledCases } from '../../services/flow-analyses.ts';

/** Route schema. */
export const listStalledCasesSchema = {
  tags: ['flow'],
  summary: 'List the stalled cases, longest idle first',
  operationId: 'listStalledCases',
  params: chainParamsSchema,
  querystring: stalledQuerySchema,
  response: { 200: stalledCaseListSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerListStalledCases(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/stalled/cases',
    { schema: listStalledCasesSchema, config: { access: { scope: 'chain', permission: 'flow.cases' } } },
    async (request) => listStalledCases(ctx.db, requireChainAccess(request), actorOf(request), request.query),
  );
}
