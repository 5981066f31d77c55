/** POST /api/v1/chains — a new, empty chain (administrators; the creator becomes its director). */
import { chainDetailSchema, createChainInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { createChain } from '../../services/chain-service.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 409 `conflict` when the slug is taken. */
export const createChainSchema = {
  tags: ['chains'],
  summary: 'Create a chain',
  operationId: 'createChain',
  body: createChainInputSchema,
  response: { 201: chainDetailSchema, ...errorResponses(400, 401, 403, 409, 413) },
};

/** Registers the route. */
export function registerCreateChain(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains',
    { schema: createChainSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      return reply.code(201).send(await createChain(ctx.db, request.body, actorOf(request)));
    },
  );
}
