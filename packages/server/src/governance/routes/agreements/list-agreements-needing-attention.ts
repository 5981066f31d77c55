/** GET /api/v1/chains/:chainId/agreements/attention — the anchoring view: nothing lapses silently. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { agreementNeedingAttentionSchema } from '../../schemas/health-api-schemas.ts';
import { asOfQuerySchema } from '../../schemas/shared-api-schemas.ts';
import { listAgreementsNeedingAttention } from '../../services/agreement-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listAgreementsNeedingAttentionSchema = {
  tags: ['agreements'],
  summary: 'Agreements whose review or due date passed or comes within 60 days, and long-term ones without review',
  operationId: 'listAgreementsNeedingAttention',
  params: chainParamsSchema,
  querystring: asOfQuerySchema,
  response: { 200: z.array(agreementNeedingAttentionSchema), ...errorResponses(400, 404) },
};

/** Registers the route. */
export function registerListAgreementsNeedingAttention(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/agreements/attention',
    { schema: listAgreementsNeedingAttentionSchema, config: chainAccess('governance.read') },
    async (request) =>
      listAgreementsNeedingAttention(ctx.db, request.params.chainId, request.query.asOf ?? todayInAmsterdam()),
  );
}
