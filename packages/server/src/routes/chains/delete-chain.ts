/** DELETE /api/v1/chains/:chainId?version=N — remove a chain with everything in it. */
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { deleteChain } from '../../services/chain-service.ts';
import { chainParamsSchema, noContentSchema, versionQuerySchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const deleteChainSchema = {
  tags: ['chains'],
  summary: 'Delete a chain',
  operationId: 'deleteChain',
  params: chainParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 401, 403, 404, 409) },
};

/** Registers the route. */
export function registerDeleteChain(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId',
    { schema: deleteChainSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await deleteChain(ctx.db, requireChainAccess(request).chainId, request.query.version, actorOf(request));
      return reply.code(204).send();
    },
  );
}
