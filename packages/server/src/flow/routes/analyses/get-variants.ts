/** GET /api/v1/chains/:chainId/flow/variants — the variants with their share and median duration; small variants are withheld from roles without case access. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { flowLevelQuerySchema, variantsSchema } from '../../schemas/analysis-schemas.ts';
import { getVariants } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getVariantsSchema = {
  tags: ['flow'],
  summary: 'Variants, most frequent first',
  operationId: 'getVariants',
  params: chainParamsSchema,
  querystring: flowLevelQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(1000).default(20) }),
  response: { 200: variantsSchema, ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route. */
export function registerGetVariants(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/variants',
    { schema: getVariantsSchema, config: { access: { scope: 'chain', permission: 'flow.read' } } },
    async (request) => getVariants(ctx.db, requireChainAccess(request), request.query),
  );
}
