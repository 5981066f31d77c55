/** GET /api/v1/chains/:chainId/business-case/lines — every cost and benefit line. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { storedBusinessCaseLineSchema } from '../../schemas/business-case-api-schemas.ts';
import { listLines } from '../../services/business-case-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listBusinessCaseLinesSchema = {
  tags: ['business-case'],
  summary: 'List the cost and benefit lines of all partners',
  operationId: 'listBusinessCaseLines',
  params: chainParamsSchema,
  response: { 200: z.array(storedBusinessCaseLineSchema), ...errorResponses(404) },
};

/** Registers the route. */
export function registerListBusinessCaseLines(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/business-case/lines',
    { schema: listBusinessCaseLinesSchema, config: chainAccess('governance.read') },
    async (request) => listLines(ctx.db, request.params.chainId),
  );
}
