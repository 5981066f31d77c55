/** DELETE /api/v1/chains/:chainId/imports/:importId — delete an import and every one of its events. */
import { errorResponses } from '../../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../../http/request-context.ts';
import { noContentSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { deleteChainImport } from '../../services/flow-imports.ts';
import { importParamsSchema, importScopeOf } from '../flow-route-support.ts';

/** Route schema: 403 when a partner deletes another organisation's import. */
export const deleteFlowImportSchema = {
  tags: ['flow'],
  summary: 'Delete an import with its events',
  operationId: 'deleteFlowImport',
  params: importParamsSchema,
  response: { 204: noContentSchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerDeleteFlowImport(app: ApiInstance, ctx: AppContext): void {
  app.delete(
    '/api/v1/chains/:chainId/imports/:importId',
    { schema: deleteFlowImportSchema, config: { access: { scope: 'chain', permission: 'flow.import' } } },
    async (request, reply) => {
      const access = requireChainAccess(request);
      await deleteChainImport(ctx.db, actorOf(request), importScopeOf(access), access.chainId, request.params.importId);
      return reply.code(204).send();
    },
  );
}
