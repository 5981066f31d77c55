/** GET /api/v1/chains/:chainId/interventions/:interventionId — one intervention with its evaluations. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { interventionDetailSchema } from '../../schemas/intervention-api-schemas.ts';
import { getIntervention } from '../../services/intervention-service.ts';
import { chainAccess, interventionParamsSchema } from '../governance-route-support.ts';

/** Route schema. */
export const getInterventionSchema = {
  tags: ['interventions'],
  summary: 'Get an intervention with its evaluations',
  operationId: 'getIntervention',
  params: interventionParamsSchema,
  response: { 200: interventionDetailSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetIntervention(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/interventions/:interventionId',
    { schema: getInterventionSchema, config: chainAccess('governance.read') },
    async (request) => getIntervention(ctx.db, request.params.chainId, request.params.interventionId),
  );
}
