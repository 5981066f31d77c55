/** POST /api/v1/invitations/:token/accept — accept an invitation: create the account or confirm the existing one, and sign in. */
import { describeSession } from '../../auth/describe-session.ts';
import { acceptInvitation } from '../../auth/invitation-service.ts';
import { setSessionCookie } from '../../http/access-control.ts';
import { acceptInvitationInputSchema, sessionSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';
import { invitationTokenParamsSchema } from './invitation-params.ts';

/** Route schema: 404 when the link is unknown, used or expired; 401 for a wrong password of an existing account. */
export const acceptInvitationSchema = {
  tags: ['invitations'],
  summary: 'Accept an invitation',
  operationId: 'acceptInvitation',
  params: invitationTokenParamsSchema,
  body: acceptInvitationInputSchema,
  response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerAcceptInvitation(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/invitations/:token/accept',
    { schema: acceptInvitationSchema, config: { access: { scope: 'public' } } },
    async (request, reply) => {
      const { userId, session } = await acceptInvitation(
        ctx.db,
        request.params.token,
        { ...request.body, ip: request.ip },
        ctx.auth,
      );
      setSessionCookie(request, reply, session);
      return describeSession(ctx.db, userId, session.expiresAt.toISOString());
    },
  );
}
