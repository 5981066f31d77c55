/** PATCH /api/v1/chains/:chainId — change the chain's own fields. */
import { chainDetailSchema, updateChainInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { updateChain } from '../../services/chain-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 409 `version_conflict` when stale, `conflict` when the new slug is taken. */
export const updateChainSchema = {
  tags: ['chains'],
  summary: 'Update a chain',
  operationId: 'updateChain',
  params: chainParamsSchema,
  body: updateChainInputSchema,
  response: { 200: chainDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateChain(app: ApiInstance, ctx: AppContext): void {
  app.patch(
    '/api/v1/chains/:chainId',
    { schema: updateChainSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => updateChain(ctx.db, requireChainAccess(request).chainId, request.body, actorOf(request)),
  );
}
