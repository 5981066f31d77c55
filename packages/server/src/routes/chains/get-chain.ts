/** GET /api/v1/chains/:chainId — a chain with its partners, links and trajectory totals. */
import { chainDetailSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import { getChainDetail } from '../../services/chain-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const getChainSchema = {
  tags: ['chains'],
  summary: 'Get a chain by id or slug',
  operationId: 'getChain',
  params: chainParamsSchema,
  response: { 200: chainDetailSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetChain(app: ApiInstance, ctx: AppContext): void {
  app.get('/api/v1/chains/:chainId', { schema: getChainSchema }, async (request) =>
    getChainDetail(ctx.db, request.params.chainId),
  );
}
