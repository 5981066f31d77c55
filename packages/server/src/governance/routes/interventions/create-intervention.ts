/** POST /api/v1/chains/:chainId/interventions — register an improvement intervention. */
import { createInterventionInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { interventionDetailSchema } from '../../schemas/intervention-api-schemas.ts';
import { createIntervention } from '../../services/intervention-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 400 naming the field. */
export const createInterventionSchema = {
  tags: ['interventions'],
  summary: 'Register an intervention against links and indicators, with its hypothesis',
  operationId: 'createIntervention',
  params: chainParamsSchema,
  body: createInterventionInputSchema,
  response: { 201: interventionDetailSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateIntervention(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/interventions',
    { schema: createInterventionSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createIntervention(ctx.db, request.params.chainId, request.body, requestActor(request))),
  );
}
