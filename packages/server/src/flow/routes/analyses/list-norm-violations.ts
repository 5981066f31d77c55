/** GET /api/v1/chains/:chainId/flow/norms/:linkId/violations — the cases that exceeded a link's norm (case-level, audited). */
import { errorResponses } from '../../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../../http/request-context.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowFilterQuerySchema, normViolationsSchema } from '../../schemas/analysis-schemas.ts';
import { listNormViolations } from '../../services/flow-analyses.ts';
import { caseListQuerySchema, flowLinkParamsSchema } from '../flow-route-support.ts';

/** Route schema. */
export const listNormViolationsSchema = {
  tags: ['flow'],
  summary: 'List the cases that violated a link’s norm',
  operationId: 'listNormViolations',
  params: flowLinkParamsSchema,
  querystring: flowFilterQuerySchema.extend(caseListQuerySchema.shape),
  response: { 200: normViolationsSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerListNormViolations(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/norms/:linkId/violations',
    { schema: listNormViolationsSchema, config: { access: { scope: 'chain', permission: 'flow.cases' } } },
    async (request) =>
      listNormViolations(ctx.db, requireChainAccess(request), actorOf(request), request.params.linkId, request.query),
  );
}
