/** POST /api/v1/templates/:key/chains — a new chain from a template, optionally with its own slug and name. */
import { chainDetailSchema, chainFieldsSchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { createChainFromTemplate } from '../../services/template-service.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 409 `conflict` when the slug (the template's own when none is given) is taken. */
export const createChainFromTemplateSchema = {
  tags: ['templates'],
  summary: 'Create a chain from a template',
  operationId: 'createChainFromTemplate',
  params: z.object({ key: z.string().describe('Key of the template') }),
  body: z.object({
    slug: chainFieldsSchema.shape.slug.optional(),
    name: chainFieldsSchema.shape.name.optional(),
  }),
  response: { 201: chainDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateChainFromTemplate(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/templates/:key/chains',
    { schema: createChainFromTemplateSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      const detail = await createChainFromTemplate(
        ctx.db,
        ctx.templates,
        request.params.key,
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(detail);
    },
  );
}
