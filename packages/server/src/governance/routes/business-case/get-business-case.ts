/** GET /api/v1/chains/:chainId/business-case — who pays, who gains: NPV per partner, matrix, warnings, compensation. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { businessCaseOverviewSchema } from '../../schemas/business-case-api-schemas.ts';
import { getBusinessCase } from '../../services/business-case-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const getBusinessCaseSchema = {
  tags: ['business-case'],
  summary: 'The business cases: net result and NPV per partner and for the chain, who pays and who gains, compensation',
  operationId: 'getBusinessCase',
  params: chainParamsSchema,
  response: { 200: businessCaseOverviewSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetBusinessCase(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/business-case',
    { schema: getBusinessCaseSchema, config: chainAccess('governance.read') },
    async (request) => getBusinessCase(ctx.db, request.params.chainId),
  );
}
