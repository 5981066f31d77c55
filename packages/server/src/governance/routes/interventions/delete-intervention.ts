/** DELETE /api/v1/chains/:chainId/interventions/:interventionId?version=N — remove an intervention and its evaluations. */
import { errorResponses } from '../../../http/error-response.ts';
import { noContentSchema, versionQuerySchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { deleteIntervention } from '../../services/intervention-service.ts';
import { chainAccess, interventionParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema. */
export const deleteInterventionSchema = {
  tags: ['interventions'],
  summary: 'Delete an intervention with its evaluations',
  operationId: 'deleteIntervention',
  params: interventionParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 404, 409) },
};

/** Registers the route. */
export function registerDeleteIntervention(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/interventions/:interventionId',
    { schema: deleteInterventionSchema, config: chainAccess('governance.manage') },
    async (request, reply) => {
      await deleteIntervention(
        ctx.db,
        request.params.chainId,
        request.params.interventionId,
        request.query.version,
        requestActor(request),
      );
      return reply.code(204).send();
    },
  );
}
