/** PUT /api/v1/chains/:chainId/links/order — put the links of the primary process in a new order. */
import { linkSchema, reorderLinksInputSchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { reorderLinks } from '../../services/link-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 409 `conflict` unless the ids are exactly the current links. */
export const reorderLinksSchema = {
  tags: ['links'],
  summary: 'Reorder the links',
  operationId: 'reorderLinks',
  params: chainParamsSchema,
  body: reorderLinksInputSchema,
  response: { 200: z.array(linkSchema), ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerReorderLinks(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/links/order',
    { schema: reorderLinksSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => reorderLinks(ctx.db, requireChainAccess(request).chainId, request.body, actorOf(request)),
  );
}
