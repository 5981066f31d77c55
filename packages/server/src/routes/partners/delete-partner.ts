/** DELETE /api/v1/chains/:chainId/partners/:partnerId?version=N — remove a partner no link names. */
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import { deletePartner } from '../../services/partner-service.ts';
import { noContentSchema, versionQuerySchema, type ApiInstance } from '../api-instance.ts';
import { partnerParamsSchema } from './partner-params.ts';

/** Route schema: 409 `conflict` while a link names the partner. */
export const deletePartnerSchema = {
  tags: ['partners'],
  summary: 'Delete a partner',
  operationId: 'deletePartner',
  params: partnerParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 401, 403, 404, 409) },
};

/** Registers the route. */
export function registerDeletePartner(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/partners/:partnerId',
    { schema: deletePartnerSchema, config: { access: { scope: 'chain', permission: 'chain.manage' } } },
    async (request, reply) => {
      await deletePartner(
        ctx.db,
        requireChainAccess(request).chainId,
        request.params.partnerId,
        request.query.version,
        actorOf(request),
      );
      return reply.code(204).send();
    },
  );
}
