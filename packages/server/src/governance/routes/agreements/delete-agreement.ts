/** DELETE /api/v1/chains/:chainId/agreements/:agreementId?version=N — remove an agreement with its history. */
import { errorResponses } from '../../../http/error-response.ts';
import { noContentSchema, versionQuerySchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { deleteAgreement } from '../../services/agreement-service.ts';
import { agreementParamsSchema, chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema. */
export const deleteAgreementSchema = {
  tags: ['agreements'],
  summary: 'Delete an agreement',
  operationId: 'deleteAgreement',
  params: agreementParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 404, 409) },
};

/** Registers the route. */
export function registerDeleteAgreement(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/agreements/:agreementId',
    { schema: deleteAgreementSchema, config: chainAccess('governance.manage') },
    async (request, reply) => {
      await deleteAgreement(
        ctx.db,
        request.params.chainId,
        request.params.agreementId,
        request.query.version,
        requestActor(request),
      );
      return reply.code(204).send();
    },
  );
}
