/** GET /api/v1/chains/:chainId/invitations — the chain's open invitations (directors). */
import { z } from 'zod';
import { findChainInvitations } from '../../auth/invitation-service.ts';
import { invitationSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listChainInvitationsSchema = {
  tags: ['members'],
  summary: 'List open invitations of the chain',
  operationId: 'listChainInvitations',
  params: chainParamsSchema,
  response: { 200: z.array(invitationSchema), ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerListChainInvitations(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/invitations',
    { schema: listChainInvitationsSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => findChainInvitations(ctx.db, requireChainAccess(request).chainId),
  );
}
