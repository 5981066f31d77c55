/** DELETE /api/v1/chains/:chainId/links/:linkId?version=N — remove a link; later links move up. */
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { deleteLink } from '../../services/link-service.ts';
import { noContentSchema, versionQuerySchema, type ApiInstance } from '../api-instance.ts';
import { linkParamsSchema } from './link-params.ts';

/** Route schema: 409 `conflict` when another link's norm is measured from this one. */
export const deleteLinkSchema = {
  tags: ['links'],
  summary: 'Delete a link',
  operationId: 'deleteLink',
  params: linkParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 401, 403, 404, 409) },
};

/** Registers the route. */
export function registerDeleteLink(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/links/:linkId',
    { schema: deleteLinkSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await deleteLink(
        ctx.db,
        requireChainAccess(request).chainId,
        request.params.linkId,
        request.query.version,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );
}
