/** POST /api/v1/chains/:chainId/agreements/:agreementId/signatures — a party signs the agreement. */
import { agreementSchema, agreementSignatureSchema, versionSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { signAgreement } from '../../services/agreement-service.ts';
import { agreementParamsSchema, chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` when the partner already signed, `version_conflict` when stale. */
export const signAgreementSchema = {
  tags: ['agreements'],
  summary: 'Sign an agreement on behalf of a party (who signed, and when)',
  operationId: 'signAgreement',
  params: agreementParamsSchema,
  body: agreementSignatureSchema.extend({ version: versionSchema }),
  response: { 200: agreementSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerSignAgreement(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/agreements/:agreementId/signatures',
    { schema: signAgreementSchema, config: chainAccess('governance.contribute') },
    async (request) =>
      signAgreement(ctx.db, request.params.chainId, request.params.agreementId, request.body, requestActor(request)),
  );
}
