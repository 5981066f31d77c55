/** GET /api/v1/session — who am I: the user, their organisations and their roles per chain. */
import { describeSession } from '../../auth/describe-session.ts';
import { sessionSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { requireUser } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 401 when not signed in. */
export const getSessionSchema = {
  tags: ['session'],
  summary: 'The signed-in user and their roles',
  operationId: 'getSession',
  response: { 200: sessionSchema, ...errorResponses(401, 403) },
};

/** Registers the route. */
export function registerGetSession(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/session',
    { schema: getSessionSchema, config: { access: { scope: 'signed-in' } } },
    async (request) => {
      const user = requireUser(request);
      return describeSession(ctx.db, user.userId, user.sessionExpiresAt);
    },
  );
}
