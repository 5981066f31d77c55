/** POST /api/v1/chains/:chainId/indicators/:indicatorId/measurements — the first value of a period. */
import { measurementInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { currentMeasurementSchema } from '../../schemas/indicator-api-schemas.ts';
import { addMeasurement } from '../../services/measurement-service.ts';
import { chainAccess, indicatorParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` when the period already has a value (correct it instead). */
export const addMeasurementSchema = {
  tags: ['indicators'],
  summary: "Add the value of a period (a partner only for its own organisation's indicators)",
  operationId: 'addMeasurement',
  params: indicatorParamsSchema,
  body: measurementInputSchema,
  response: { 201: currentMeasurementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerAddMeasurement(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/indicators/:indicatorId/measurements',
    { schema: addMeasurementSchema, config: chainAccess('governance.contribute') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addMeasurement(
            ctx.db,
            request.params.chainId,
            request.params.indicatorId,
            request.body,
            requestActor(request),
          ),
        ),
  );
}
