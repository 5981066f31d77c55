/** DELETE /api/v1/chains/:chainId/business-case/lines/:lineId?version=N — remove a line. */
import { errorResponses } from '../../../http/error-response.ts';
import { noContentSchema, versionQuerySchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { deleteLine } from '../../services/business-case-service.ts';
import { chainAccess, lineParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema. */
export const deleteBusinessCaseLineSchema = {
  tags: ['business-case'],
  summary: 'Delete a cost or benefit line',
  operationId: 'deleteBusinessCaseLine',
  params: lineParamsSchema,
  querystring: versionQuerySchema,
  response: { 204: noContentSchema, ...errorResponses(400, 404, 409) },
};

/** Registers the route. */
export function registerDeleteBusinessCaseLine(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/business-case/lines/:lineId',
    { schema: deleteBusinessCaseLineSchema, config: chainAccess('governance.contribute') },
    async (request, reply) => {
      await deleteLine(
        ctx.db,
        request.params.chainId,
        request.params.lineId,
        request.query.version,
        requestActor(request),
      );
      return reply.code(204).send();
    },
  );
}
