/** GET /api/v1/chains/:chainId/health-summary — the regisseur's home page: are we still on course? */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { healthSummarySchema } from '../../schemas/health-api-schemas.ts';
import { asOfQuerySchema } from '../../schemas/shared-api-schemas.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { getHealthSummary } from '../../services/health-summary-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const getHealthSummarySchema = {
  tags: ['governance'],
  summary:
    'Indicator status, course-check warnings, agreements needing attention, partners losing money, running interventions',
  operationId: 'getHealthSummary',
  params: chainParamsSchema,
  querystring: asOfQuerySchema,
  response: { 200: healthSummarySchema, ...errorResponses(400, 404) },
};

/** Registers the route. */
export function registerGetHealthSummary(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/health-summary',
    { schema: getHealthSummarySchema, config: chainAccess('governance.read') },
    async (request) => getHealthSummary(ctx.db, request.params.chainId, request.query.asOf ?? todayInAmsterdam()),
  );
}
