/** GET /api/v1/chains/:chainId/model — the chain as a portable model file (keys instead of ids). */
import { chainModelSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { exportChainModel } from '../../services/chain-model-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const getChainModelSchema = {
  tags: ['chain models'],
  summary: 'Export a chain as a portable model',
  operationId: 'getChainModel',
  params: chainParamsSchema,
  response: { 200: chainModelSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerGetChainModel(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/model',
    { schema: getChainModelSchema, config: { access: { scope: 'chain', permission: 'chain.read' } } },
    async (request) => exportChainModel(ctx.db, requireChainAccess(request).chainId),
  );
}
