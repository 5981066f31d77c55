/** DELETE /api/v1/session — sign out: ends the session and clears the cookie (also when there was none). */
import { endSession } from '../../auth/session-service.ts';
import { clearSessionCookie, readSessionCookie } from '../../http/access-control.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import { recordAudit } from '../../services/audit-service.ts';
import type { AppContext } from '../../services/app-context.ts';
import { noContentSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const signOutSchema = {
  tags: ['session'],
  summary: 'Sign out',
  operationId: 'signOut',
  response: { 204: noContentSchema, ...errorResponses(403) },
};

/** Registers the route. After signing out, the automatic demo sign-in stays off for this browser. */
export function registerSignOut(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/session',
    { schema: signOutSchema, config: { access: { scope: 'public' } } },
    async (request, reply) => {
      const secret = readSessionCookie(request);
      if (secret !== undefined) {
        await ctx.db.transaction(async (tx) => {
          await endSession(tx, secret);
          if (request.caller !== null) {
            await recordAudit(tx, actorOf(request), { action: 'session.sign_out', targetType: 'session' });
          }
        });
      }
      clearSessionCookie(request, reply, ctx.auth.demoLogin !== 'off');
      return reply.code(204).send();
    },
  );
}
