/** GET /api/v1/chains/:chainId/indicators/:indicatorId — definition, status, series, path, trend, forecast and history. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { indicatorDetailSchema } from '../../schemas/indicator-api-schemas.ts';
import { getIndicatorDetail } from '../../services/indicator-service.ts';
import { chainAccess, indicatorParamsSchema } from '../governance-route-support.ts';

/** Route schema. */
export const getIndicatorSchema = {
  tags: ['indicators'],
  summary: 'Get an indicator with its series, path, trend line, forecast and version history',
  operationId: 'getIndicator',
  params: indicatorParamsSchema,
  response: { 200: indicatorDetailSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetIndicator(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/indicators/:indicatorId',
    { schema: getIndicatorSchema, config: chainAccess('governance.read') },
    async (request) => getIndicatorDetail(ctx.db, request.params.chainId, request.params.indicatorId),
  );
}
