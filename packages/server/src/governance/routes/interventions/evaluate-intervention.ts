/** POST /api/v1/chains/:chainId/interventions/:interventionId/evaluations — compare before and after, and store it. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import {
  evaluateInterventionInputSchema,
  interventionEvaluationSchema,
} from '../../schemas/intervention-api-schemas.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { evaluateIntervention } from '../../services/intervention-service.ts';
import { chainAccess, interventionParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` when no day after the start has passed yet. */
export const evaluateInterventionSchema = {
  tags: ['interventions'],
  summary:
    'Evaluate an intervention: before/after on the flow data or an indicator, with a bootstrap interval and a verdict',
  operationId: 'evaluateIntervention',
  params: interventionParamsSchema,
  body: evaluateInterventionInputSchema,
  response: { 201: interventionEvaluationSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerEvaluateIntervention(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/interventions/:interventionId/evaluations',
    { schema: evaluateInterventionSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await evaluateIntervention(
            ctx.db,
            request.params.chainId,
            request.params.interventionId,
            request.body,
            requestActor(request),
            todayInAmsterdam(),
          ),
        ),
  );
}
