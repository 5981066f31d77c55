/** DELETE /api/v1/chains/:chainId/members/:memberId — take a role away (directors); the last director stays. */
import { z } from 'zod';
import { revokeChainRole } from '../../auth/account-service.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, noContentSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 409 for the chain's last director. */
export const revokeChainMemberSchema = {
  tags: ['members'],
  summary: 'Remove a role from a chain member',
  operationId: 'revokeChainMember',
  params: chainParamsSchema.extend({ memberId: z.string().describe('Id of the role assignment') }),
  response: { 204: noContentSchema, ...errorResponses(401, 403, 404, 409) },
};

/** Registers the route. */
export function registerRevokeChainMember(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/members/:memberId',
    { schema: revokeChainMemberSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await revokeChainRole(ctx.db, actorOf(request), requireChainAccess(request).chainId, request.params.memberId);
      return reply.code(204).send();
    },
  );
}
