/** GET /api/v1/chains — the chains the caller holds a role on, most recently changed first. */
import { chainSummarySchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import { requireUser } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { listChains } from '../../services/chain-service.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listChainsSchema = {
  tags: ['chains'],
  summary: 'List chains',
  operationId: 'listChains',
  response: { 200: z.array(chainSummarySchema), ...errorResponses(401, 403, 500) },
};

/** Registers the route. */
export function registerListChains(app: ApiInstance, ctx: AppContext): void {
  app.get('/api/v1/chains', { schema: listChainsSchema, config: { access: { scope: 'signed-in' } } }, async (request) =>
    listChains(ctx.db, requireUser(request).userId),
  );
}
