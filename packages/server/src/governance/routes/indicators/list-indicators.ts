/** GET /api/v1/chains/:chainId/indicators — the common agenda: every indicator with its status, and the contribution graph. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { indicatorListSchema } from '../../schemas/indicator-api-schemas.ts';
import { listIndicators } from '../../services/indicator-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listIndicatorsSchema = {
  tags: ['indicators'],
  summary: 'List the indicators with their status and the contribution graph',
  operationId: 'listIndicators',
  params: chainParamsSchema,
  response: { 200: indicatorListSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerListIndicators(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/indicators',
    { schema: listIndicatorsSchema, config: chainAccess('governance.read') },
    async (request) => listIndicators(ctx.db, request.params.chainId),
  );
}
