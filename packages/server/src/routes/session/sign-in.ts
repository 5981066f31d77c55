/** POST /api/v1/session — sign in with e-mail address and password; sets the session cookie. */
import { describeSession } from '../../auth/describe-session.ts';
import { signIn } from '../../auth/sign-in-service.ts';
import { endSession } from '../../auth/session-service.ts';
import { readSessionCookie, setSessionCookie } from '../../http/access-control.ts';
import { sessionSchema, signInInputSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 401 for a wrong address or password (one message for both), 429 when rate-limited. */
export const signInSchema = {
  tags: ['session'],
  summary: 'Sign in',
  operationId: 'signIn',
  body: signInInputSchema,
  response: { 200: sessionSchema, ...errorResponses(400, 401, 403, 413, 429) },
};

/** Registers the route. */
export function registerSignIn(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/session',
    { schema: signInSchema, config: { access: { scope: 'public' } } },
    async (request, reply) => {
      const { userId, session } = await signIn(ctx.db, { ...request.body, ip: request.ip }, ctx.auth);
      // The new session replaces the one the browser had, so an old (possibly planted) id stops working.
      const previous = readSessionCookie(request);
      if (previous !== undefined) {
        await endSession(ctx.db, previous);
      }
      setSessionCookie(request, reply, session);
      return describeSession(ctx.db, userId, session.expiresAt.toISOString());
    },
  );
}
