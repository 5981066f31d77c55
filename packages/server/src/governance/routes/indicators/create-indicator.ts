/** POST /api/v1/chains/:chainId/indicators — agree on a new indicator (version 1). */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import {
  createGovernanceIndicatorInputSchema,
  governanceIndicatorSchema,
} from '../../schemas/indicator-api-schemas.ts';
import { createIndicator } from '../../services/indicator-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 400 naming the field (also for partners, links or indicators of another chain). */
export const createIndicatorSchema = {
  tags: ['indicators'],
  summary: 'Create an indicator with the record of who agreed to it',
  operationId: 'createIndicator',
  params: chainParamsSchema,
  body: createGovernanceIndicatorInputSchema,
  response: { 201: governanceIndicatorSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateIndicator(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/indicators',
    { schema: createIndicatorSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply.code(201).send(await createIndicator(ctx.db, request.params.chainId, request.body, requestActor(request))),
  );
}
