/** POST /api/v1/admin/chains/:chainId/members — give an existing user a role on any chain (administrators). */
import { findChainMembers, grantChainRole } from '../../auth/account-service.ts';
import { chainMemberSchema, roleGrantInputSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 404 for an unknown chain, 400 naming `userId`, `organisationId` or `partnerId`. */
export const grantChainRoleSchema = {
  tags: ['administration'],
  summary: 'Grant a role on a chain (administrators)',
  operationId: 'grantChainRole',
  params: chainParamsSchema,
  body: roleGrantInputSchema,
  response: { 201: chainMemberSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerGrantChainRole(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/admin/chains/:chainId/members',
    { schema: grantChainRoleSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      const row = await grantChainRole(ctx.db, actorOf(request), request.params.chainId, request.body);
      const member = (await findChainMembers(ctx.db, row.chainId)).find((m) => m.id === row.id);
      if (member === undefined) {
        throw new Error('grantChainRole: the granted role is not listed');
      }
      return reply.code(201).send(member);
    },
  );
}
