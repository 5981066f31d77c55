/** POST /api/v1/chains/:chainId/invitations — invite someone to a role on the chain (directors). */
import { createInvitation } from '../../auth/invitation-service.ts';
import { chainInvitationInputSchema, createdInvitationSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { publicBaseUrl } from '../../http/public-url.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: the answer holds the single-use link, shown only now. */
export const createChainInvitationSchema = {
  tags: ['members'],
  summary: 'Invite someone to the chain',
  operationId: 'createChainInvitation',
  params: chainParamsSchema,
  body: chainInvitationInputSchema,
  response: { 201: createdInvitationSchema, ...errorResponses(400, 401, 403, 404, 413) },
};

/** Registers the route. */
export function registerCreateChainInvitation(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/invitations',
    { schema: createChainInvitationSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      const { email, role, organisationId, partnerId } = request.body;
      const created = await createInvitation(
        ctx.db,
        actorOf(request),
        {
          email,
          organisationId,
          makeAdmin: false,
          chain: { chainId: requireChainAccess(request).chainId, role, partnerId },
        },
        publicBaseUrl(request, ctx.auth),
      );
      return reply.code(201).send(created);
    },
  );
}
