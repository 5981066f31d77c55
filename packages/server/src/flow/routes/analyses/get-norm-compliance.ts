/** GET /api/v1/chains/:chainId/flow/norms — share of cases within each link's norm, per month and part of the day, and where violations lose time. */
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowFilterQuerySchema, normsSchema } from '../../schemas/analysis-schemas.ts';
import { getNormCompliance } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getNormComplianceSchema = {
  tags: ['flow'],
  summary: 'Norm compliance of every link with a norm',
  operationId: 'getNormCompliance',
  params: chainParamsSchema,
  querystring: flowFilterQuerySchema,
  response: { 200: normsSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetNormCompliance(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/norms',
    { schema: getNormComplianceSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getNormCompliance(ctx.db, requireChainAccess(request), request.query),
  );
}
