/** PUT /api/v1/chains/:chainId/interventions/:interventionId — change an intervention. */
import { updateInterventionInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { interventionDetailSchema } from '../../schemas/intervention-api-schemas.ts';
import { updateIntervention } from '../../services/intervention-service.ts';
import { chainAccess, interventionParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: the complete fields with the version they were based on; 409 `version_conflict` when stale. */
export const updateInterventionSchema = {
  tags: ['interventions'],
  summary: 'Change an intervention (fields, status, period)',
  operationId: 'updateIntervention',
  params: interventionParamsSchema,
  body: updateInterventionInputSchema,
  response: { 200: interventionDetailSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateIntervention(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/interventions/:interventionId',
    { schema: updateInterventionSchema, config: chainAccess('governance.manage') },
    async (request) =>
      updateIntervention(
        ctx.db,
        request.params.chainId,
        request.params.interventionId,
        request.body,
        requestActor(request),
      ),
  );
}
