/** GET /api/v1/chains/:chainId/agreements — every agreement with its status history. */
import { agreementSchema } from '@ketenregie/core';
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { listAgreements } from '../../services/agreement-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listAgreementsSchema = {
  tags: ['agreements'],
  summary: 'List the agreements of a chain with their status history',
  operationId: 'listAgreements',
  params: chainParamsSchema,
  response: { 200: z.array(agreementSchema), ...errorResponses(404) },
};

/** Registers the route. */
export function registerListAgreements(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/agreements',
    { schema: listAgreementsSchema, config: chainAccess('governance.read') },
    async (request) => listAgreements(ctx.db, request.params.chainId),
  );
}
