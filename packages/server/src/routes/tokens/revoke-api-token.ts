/** DELETE /api/v1/chains/:chainId/tokens/:tokenId — revoke an API token at once (directors). */
import { z } from 'zod';
import { revokeChainApiToken } from '../../auth/api-token-service.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, noContentSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const revokeApiTokenSchema = {
  tags: ['api tokens'],
  summary: 'Revoke an API token',
  operationId: 'revokeApiToken',
  params: chainParamsSchema.extend({ tokenId: z.string() }),
  response: { 204: noContentSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerRevokeApiToken(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/tokens/:tokenId',
    { schema: revokeApiTokenSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await revokeChainApiToken(ctx.db, actorOf(request), requireChainAccess(request).chainId, request.params.tokenId);
      return reply.code(204).send();
    },
  );
}
