/** GET /api/v1/invitations/:token — what an invitation link offers, before accepting it. */
import { previewInvitation } from '../../auth/invitation-service.ts';
import { invitationPreviewSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';
import { invitationTokenParamsSchema } from './invitation-params.ts';

/** Route schema: 404 for unknown, used, revoked or expired links. */
export const getInvitationSchema = {
  tags: ['invitations'],
  summary: 'Preview an invitation',
  operationId: 'getInvitation',
  params: invitationTokenParamsSchema,
  response: { 200: invitationPreviewSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetInvitation(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/invitations/:token',
    { schema: getInvitationSchema, config: { access: { scope: 'public' } } },
    async (request) => {
      const { invitation, accountExists } = await previewInvitation(ctx.db, request.params.token);
      return {
        email: invitation.email,
        organisationName: invitation.organisationName,
        chainName: invitation.chainName,
        role: invitation.role,
        accountExists,
        expiresAt: invitation.expiresAt,
      };
    },
  );
}
