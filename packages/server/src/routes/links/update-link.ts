/** PATCH /api/v1/chains/:chainId/links/:linkId — change a link's fields (not its position). */
import { linkSchema, updateLinkInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { updateLink } from '../../services/link-service.ts';
import type { ApiInstance } from '../api-instance.ts';
import { linkParamsSchema } from './link-params.ts';

/** Route schema: 409 `version_conflict` when stale. */
export const updateLinkSchema = {
  tags: ['links'],
  summary: 'Update a link',
  operationId: 'updateLink',
  params: linkParamsSchema,
  body: updateLinkInputSchema,
  response: { 200: linkSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateLink(app: ApiInstance, ctx: AppContext): void {
  app.patch(
    '/api/v1/chains/:chainId/links/:linkId',
    { schema: updateLinkSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) =>
      updateLink(ctx.db, requireChainAccess(request).chainId, request.params.linkId, request.body, actorOf(request)),
  );
}
