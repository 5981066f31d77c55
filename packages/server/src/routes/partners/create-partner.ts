/** POST /api/v1/chains/:chainId/partners — add a partner to a chain. */
import { createPartnerInputSchema, partnerSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { createPartner } from '../../services/partner-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 400 on `key` when another partner of the chain uses it. */
export const createPartnerSchema = {
  tags: ['partners'],
  summary: 'Add a partner',
  operationId: 'createPartner',
  params: chainParamsSchema,
  body: createPartnerInputSchema,
  response: { 201: partnerSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreatePartner(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/partners',
    { schema: createPartnerSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      return reply
        .code(201)
        .send(await createPartner(ctx.db, requireChainAccess(request).chainId, request.body, actorOf(request)));
    },
  );
}
