/** POST /api/v1/chain-models — store a portable model as a new chain (administrators; the creator becomes its director). */
import { chainDetailSchema, chainModelSchema } from '@ketenregie/core';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { importChainModel } from '../../services/chain-model-service.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 400 names the field inside the model, 409 when the slug is taken. */
export const importChainModelSchema = {
  tags: ['chain models'],
  summary: 'Import a portable chain model as a new chain',
  operationId: 'importChainModel',
  body: chainModelSchema,
  response: { 201: chainDetailSchema, ...errorResponses(400, 401, 403, 409, 413) },
};

/** Registers the route. */
export function registerImportChainModel(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chain-models',
    { schema: importChainModelSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      return reply.code(201).send(await importChainModel(ctx.db, request.body, {}, actorOf(request)));
    },
  );
}
