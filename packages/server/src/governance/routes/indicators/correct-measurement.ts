/** POST /api/v1/chains/:chainId/indicators/:indicatorId/measurements/:period/revisions — correct a value. */
import { measurementPeriodSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { correctMeasurementInputSchema, currentMeasurementSchema } from '../../schemas/indicator-api-schemas.ts';
import { correctMeasurement } from '../../services/measurement-service.ts';
import { chainAccess, indicatorParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `version_conflict` (path `basedOnRevision`) when someone corrected the period since. */
export const correctMeasurementSchema = {
  tags: ['indicators'],
  summary: 'Correct the value of a period: a new revision; earlier revisions stay',
  operationId: 'correctMeasurement',
  params: indicatorParamsSchema.extend({ period: measurementPeriodSchema }),
  body: correctMeasurementInputSchema,
  response: { 201: currentMeasurementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCorrectMeasurement(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/indicators/:indicatorId/measurements/:period/revisions',
    { schema: correctMeasurementSchema, config: chainAccess('governance.contribute') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await correctMeasurement(
            ctx.db,
            request.params.chainId,
            request.params.indicatorId,
            request.params.period,
            request.body,
            requestActor(request),
          ),
        ),
  );
}
