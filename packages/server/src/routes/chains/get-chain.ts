/**
 * GET /api/v1/chains/:chainId — a chain with its partners, links and trajectory totals. For roles
 * without case-level access the totals are withheld when they cover fewer cases than the chain's
 * small-cell threshold.
 */
import { computeVisibleChainDetail, visibleChainDetailSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { getChainDetail } from '../../services/chain-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const getChainSchema = {
  tags: ['chains'],
  summary: 'Get a chain by id or slug',
  operationId: 'getChain',
  params: chainParamsSchema,
  response: { 200: visibleChainDetailSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerGetChain(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId',
    { schema: getChainSchema, config: { access: { scope: 'chain', permission: 'chain.read' } } },
    async (request) => {
      const access = requireChainAccess(request);
      const detail = await getChainDetail(ctx.db, access.chainId);
      return computeVisibleChainDetail(detail, access.smallCellThreshold, access.seesCases);
    },
  );
}
