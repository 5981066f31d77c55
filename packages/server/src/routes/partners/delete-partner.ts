/** DELETE /api/v1/chains/:chainId/partners/:partnerId?version=N — remove a partner no link names. */
import { errorResponses } from '../../http/error-response.ts';
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
  response: { 204: noContentSchema, ...errorResponses(400, 404, 409) },
};

/** Registers the route. */
export function registerDeletePartner(app: ApiInstance, ctx: AppContext): void {
  app.delete('/api/v1/chains/:chainId/partners/:partnerId', { schema: deletePartnerSchema }, async (request, reply) => {
    await deletePartner(ctx.db, request.params.chainId, request.params.partnerId, request.query.version);
    return reply.code(204).send();
  });
}
