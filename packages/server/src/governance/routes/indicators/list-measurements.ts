/** GET /api/v1/chains/:chainId/indicators/:indicatorId/measurements — current values and every revision. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { measurementListSchema } from '../../schemas/indicator-api-schemas.ts';
import { listMeasurements } from '../../services/measurement-service.ts';
import { chainAccess, indicatorParamsSchema } from '../governance-route-support.ts';

/** Route schema. */
export const listMeasurementsSchema = {
  tags: ['indicators'],
  summary: 'List the measurements of an indicator: the value that counts per period and every revision',
  operationId: 'listMeasurements',
  params: indicatorParamsSchema,
  response: { 200: measurementListSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerListMeasurements(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/indicators/:indicatorId/measurements',
    { schema: listMeasurementsSchema, config: chainAccess('governance.read') },
    async (request) => listMeasurements(ctx.db, request.params.chainId, request.params.indicatorId),
  );
}
