/** DELETE /api/v1/chains/:chainId/invitations/:invitationId — withdraw an open invitation (directors). */
import { z } from 'zod';
import { revokeInvitation } from '../../auth/invitation-service.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, noContentSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const revokeChainInvitationSchema = {
  tags: ['members'],
  summary: 'Withdraw an invitation',
  operationId: 'revokeChainInvitation',
  params: chainParamsSchema.extend({ invitationId: z.string() }),
  response: { 204: noContentSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerRevokeChainInvitation(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/invitations/:invitationId',
    { schema: revokeChainInvitationSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await revokeInvitation(
        ctx.db,
        actorOf(request),
        requireChainAccess(request).chainId,
        request.params.invitationId,
      );
      return reply.code(204).send();
    },
  );
}
