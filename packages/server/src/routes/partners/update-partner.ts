/** PATCH /api/v1/chains/:chainId/partners/:partnerId — change a partner. */
import { partnerSchema, updatePartnerInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { updatePartner } from '../../services/partner-service.ts';
import type { ApiInstance } from '../api-instance.ts';
import { partnerParamsSchema } from './partner-params.ts';

/** Route schema: 409 `version_conflict` when stale. */
export const updatePartnerSchema = {
  tags: ['partners'],
  summary: 'Update a partner',
  operationId: 'updatePartner',
  params: partnerParamsSchema,
  body: updatePartnerInputSchema,
  response: { 200: partnerSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdatePartner(app: ApiInstance, ctx: AppContext): void {
  app.patch(
    '/api/v1/chains/:chainId/partners/:partnerId',
    { schema: updatePartnerSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) =>
      updatePartner(
        ctx.db,
        requireChainAccess(request).chainId,
        request.params.partnerId,
        request.body,
        actorOf(request),
      ),
  );
}
