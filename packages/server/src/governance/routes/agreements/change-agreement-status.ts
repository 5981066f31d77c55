/** POST /api/v1/chains/:chainId/agreements/:agreementId/status-changes — move an agreement to another status, with the reason. */
import { agreementSchema, agreementStatusChangeInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { changeAgreementStatus } from '../../services/agreement-service.ts';
import { agreementParamsSchema, chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` (path `to`) for a move the transition table does not allow, `version_conflict` when stale. */
export const changeAgreementStatusSchema = {
  tags: ['agreements'],
  summary: 'Change the status of an agreement (recorded with who, when and why)',
  operationId: 'changeAgreementStatus',
  params: agreementParamsSchema,
  body: agreementStatusChangeInputSchema,
  response: { 200: agreementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerChangeAgreementStatus(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/agreements/:agreementId/status-changes',
    { schema: changeAgreementStatusSchema, config: chainAccess('governance.contribute') },
    async (request) =>
      changeAgreementStatus(
        ctx.db,
        request.params.chainId,
        request.params.agreementId,
        request.body,
        requestActor(request),
      ),
  );
}
