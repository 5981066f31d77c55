/** PUT /api/v1/chains/:chainId/agreements/:agreementId — change an agreement's fields (its owner or the director). */
import { agreementSchema, updateAgreementInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { updateAgreement } from '../../services/agreement-service.ts';
import { agreementParamsSchema, chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: the complete fields with the version they were based on; 409 `version_conflict` when stale. */
export const updateAgreementSchema = {
  tags: ['agreements'],
  summary: 'Change the fields of an agreement (not its status)',
  operationId: 'updateAgreement',
  params: agreementParamsSchema,
  body: updateAgreementInputSchema,
  response: { 200: agreementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateAgreement(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/agreements/:agreementId',
    { schema: updateAgreementSchema, config: chainAccess('governance.contribute') },
    async (request) =>
      updateAgreement(ctx.db, request.params.chainId, request.params.agreementId, request.body, requestActor(request)),
  );
}
