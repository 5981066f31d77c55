/** PUT /api/v1/chains/:chainId/business-case/lines/:lineId — change a line. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import {
  storedBusinessCaseLineSchema,
  updateBusinessCaseLineInputSchema,
} from '../../schemas/business-case-api-schemas.ts';
import { updateLine } from '../../services/business-case-service.ts';
import { chainAccess, lineParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `version_conflict` when stale. */
export const updateBusinessCaseLineSchema = {
  tags: ['business-case'],
  summary: 'Change a cost or benefit line',
  operationId: 'updateBusinessCaseLine',
  params: lineParamsSchema,
  body: updateBusinessCaseLineInputSchema,
  response: { 200: storedBusinessCaseLineSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateBusinessCaseLine(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/business-case/lines/:lineId',
    { schema: updateBusinessCaseLineSchema, config: chainAccess('governance.contribute') },
    async (request) =>
      updateLine(ctx.db, request.params.chainId, request.params.lineId, request.body, requestActor(request)),
  );
}
