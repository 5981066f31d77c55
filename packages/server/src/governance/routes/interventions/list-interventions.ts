/** GET /api/v1/chains/:chainId/interventions — every intervention with its evaluations. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { interventionDetailSchema } from '../../schemas/intervention-api-schemas.ts';
import { listInterventions } from '../../services/intervention-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listInterventionsSchema = {
  tags: ['interventions'],
  summary: 'List the improvement interventions with their evaluations',
  operationId: 'listInterventions',
  params: chainParamsSchema,
  response: { 200: z.array(interventionDetailSchema), ...errorResponses(404) },
};

/** Registers the route. */
export function registerListInterventions(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/interventions',
    { schema: listInterventionsSchema, config: chainAccess('governance.read') },
    async (request) => listInterventions(ctx.db, request.params.chainId),
  );
}
