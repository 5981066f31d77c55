/** GET /api/v1/admin/users — every account with its organisations (administrators). */
import { z } from 'zod';
import { findUsers } from '../../auth/account-service.ts';
import { userAccountSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listUsersSchema = {
  tags: ['administration'],
  summary: 'List users',
  operationId: 'listUsers',
  response: { 200: z.array(userAccountSchema), ...errorResponses(401, 403) },
};

/** Registers the route. */
export function registerListUsers(app: ApiInstance, ctx: AppContext): void {
  app.get('/api/v1/admin/users', { schema: listUsersSchema, config: { access: { scope: 'admin' } } }, async () =>
    (await findUsers(ctx.db)).map(toUserAccount),
  );
}

/** The API view of a user account. */
export function toUserAccount(user: Awaited<ReturnType<typeof findUsers>>[number]): z.infer<typeof userAccountSchema> {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    isDemo: user.isDemo,
    hasPassword: user.hasPassword,
    disabled: user.disabled,
    organisations: user.organisations.map(({ id, name }) => ({ id, name })),
  };
}
