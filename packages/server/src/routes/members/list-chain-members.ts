/** GET /api/v1/chains/:chainId/members — who holds which role on the chain (directors). */
import { z } from 'zod';
import { findChainMembers } from '../../auth/account-service.ts';
import { chainMemberSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listChainMembersSchema = {
  tags: ['members'],
  summary: 'List the members of a chain',
  operationId: 'listChainMembers',
  params: chainParamsSchema,
  response: { 200: z.array(chainMemberSchema), ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerListChainMembers(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/members',
    { schema: listChainMembersSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => findChainMembers(ctx.db, requireChainAccess(request).chainId),
  );
}
