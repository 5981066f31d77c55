/** POST /api/v1/chains/:chainId/indicators/:indicatorId/flow-measurements — recompute a process indicator from the flow data. */
import { versionSchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowMeasurementResultSchema } from '../../schemas/indicator-api-schemas.ts';
import { refreshFlowMeasurements } from '../../services/measurement-service.ts';
import { chainAccess, indicatorParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` when the indicator has no flow source, `version_conflict` when it was revised since. */
export const refreshFlowMeasurementsSchema = {
  tags: ['indicators'],
  summary: 'Recompute the measurements of a process indicator from the stored trajectory events',
  operationId: 'refreshFlowMeasurements',
  params: indicatorParamsSchema,
  body: z.object({ version: versionSchema.describe('The version of the indicator whose flow source to compute with') }),
  response: { 200: flowMeasurementResultSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerRefreshFlowMeasurements(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/indicators/:indicatorId/flow-measurements',
    { schema: refreshFlowMeasurementsSchema, config: chainAccess('governance.manage') },
    async (request) =>
      refreshFlowMeasurements(
        ctx.db,
        request.params.chainId,
        request.params.indicatorId,
        request.body.version,
        requestActor(request),
      ),
  );
}
