/** PATCH /api/v1/admin/users/:userId — make a user administrator or not, disable or enable them (administrators). */
import { z } from 'zod';
import { updateUser } from '../../auth/account-service.ts';
import { userAccountSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';
import { toUserAccount } from './list-users.ts';

/** Route schema: 409 when it would leave no administrator who can sign in. */
export const updateUserSchema = {
  tags: ['administration'],
  summary: 'Update a user',
  operationId: 'updateUser',
  params: z.object({ userId: z.string() }),
  body: z.object({ isAdmin: z.boolean().optional(), disabled: z.boolean().optional() }),
  response: { 200: userAccountSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateUser(app: ApiInstance, ctx: AppContext): void {
  app.patch(
    '/api/v1/admin/users/:userId',
    { schema: updateUserSchema, config: { access: { scope: 'admin' } } },
    async (request) => toUserAccount(await updateUser(ctx.db, actorOf(request), request.params.userId, request.body)),
  );
}
