/** GET /api/v1/chains/:chainId/agreements/:agreementId — one agreement with its status history. */
import { agreementSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { getAgreement } from '../../services/agreement-service.ts';
import { agreementParamsSchema, chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const getAgreementSchema = {
  tags: ['agreements'],
  summary: 'Get an agreement with its parties, signatures and status history',
  operationId: 'getAgreement',
  params: agreementParamsSchema,
  response: { 200: agreementSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetAgreement(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/agreements/:agreementId',
    { schema: getAgreementSchema, config: chainAccess('governance.read') },
    async (request) => getAgreement(ctx.db, request.params.chainId, request.params.agreementId),
  );
}
