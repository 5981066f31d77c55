/** GET /api/v1/chains — every chain, most recently changed first. */
import { chainSummarySchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import { listChains } from '../../services/chain-service.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listChainsSchema = {
  tags: ['chains'],
  summary: 'List chains',
  operationId: 'listChains',
  response: { 200: z.array(chainSummarySchema), ...errorResponses(500) },
};

/** Registers the route. */
export function registerListChains(app: ApiInstance, ctx: AppContext): void {
  app.get('/api/v1/chains', { schema: listChainsSchema }, async () => listChains(ctx.db));
}
