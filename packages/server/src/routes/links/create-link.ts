/** POST /api/v1/chains/:chainId/links — add a link at the end or at `position`. */
import { createLinkInputSchema, linkSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { createLink } from '../../services/link-service.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 400 names the field (e.g. `partnerIds.0` for a partner of another chain). */
export const createLinkSchema = {
  tags: ['links'],
  summary: 'Add a link to the primary process',
  operationId: 'createLink',
  params: chainParamsSchema,
  body: createLinkInputSchema,
  response: { 201: linkSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateLink(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/links',
    { schema: createLinkSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      return reply
        .code(201)
        .send(await createLink(ctx.db, requireChainAccess(request).chainId, request.body, actorOf(request)));
    },
  );
}
