/** GET /api/v1/chains/:chainId/tokens — the chain's API tokens, revoked ones included (directors). */
import { z } from 'zod';
import { findChainApiTokens } from '../../auth/api-token-service.ts';
import { apiTokenSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listApiTokensSchema = {
  tags: ['api tokens'],
  summary: 'List API tokens of the chain',
  operationId: 'listApiTokens',
  params: chainParamsSchema,
  response: { 200: z.array(apiTokenSchema), ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerListApiTokens(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/tokens',
    { schema: listApiTokensSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request) => findChainApiTokens(ctx.db, requireChainAccess(request).chainId),
  );
}
