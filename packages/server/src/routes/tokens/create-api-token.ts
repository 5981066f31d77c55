/** POST /api/v1/chains/:chainId/tokens — issue an API token for a partner's system (directors); the token is shown once. */
import { API_TOKEN_PURPOSES } from '@ketenregie/core';
import { z } from 'zod';
import { createApiToken } from '../../auth/api-token-service.ts';
import { createdApiTokenSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';

/** Route schema: 400 naming `partnerId` for a partner of another chain. */
export const createApiTokenSchema = {
  tags: ['api tokens'],
  summary: 'Issue an API token',
  operationId: 'createApiToken',
  params: chainParamsSchema,
  body: z.object({
    name: z.string().trim().min(1).max(200).describe('What the token is for, e.g. the sending system'),
    partnerId: z.string().describe('The partner whose organisation the token acts for'),
    purpose: z.enum(API_TOKEN_PURPOSES),
  }),
  response: { 201: createdApiTokenSchema, ...errorResponses(400, 401, 403, 404, 413) },
};

/** Registers the route. */
export function registerCreateApiToken(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/tokens',
    { schema: createApiTokenSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      const created = await createApiToken(ctx.db, actorOf(request), requireChainAccess(request).chainId, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );
}
