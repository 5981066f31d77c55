/** POST /api/v1/chains/:chainId/business-case/lines — add a cost or benefit line (a partner for its own business case). */
import { businessCaseLineInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { storedBusinessCaseLineSchema } from '../../schemas/business-case-api-schemas.ts';
import { createLine } from '../../services/business-case-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 400 naming the field. */
export const createBusinessCaseLineSchema = {
  tags: ['business-case'],
  summary: 'Add a cost or benefit line (integer euro cents; a benefit may land at another partner)',
  operationId: 'createBusinessCaseLine',
  params: chainParamsSchema,
  body: businessCaseLineInputSchema,
  response: { 201: storedBusinessCaseLineSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateBusinessCaseLine(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/business-case/lines',
    { schema: createBusinessCaseLineSchema, config: chainAccess('governance.contribute') },
    async (request, reply) =>
      reply.code(201).send(await createLine(ctx.db, request.params.chainId, request.body, requestActor(request))),
  );
}
