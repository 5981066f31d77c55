/** PUT /api/v1/chains/:chainId/business-case/settings — discount rate and year 0 of the computation. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import {
  businessCaseSettingsSchema,
  updateBusinessCaseSettingsInputSchema,
} from '../../schemas/business-case-api-schemas.ts';
import { updateSettings } from '../../services/business-case-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `version_conflict` when stale; 400 when a line would fall before year 0. */
export const updateBusinessCaseSettingsSchema = {
  tags: ['business-case'],
  summary: 'Set the discount rate and year 0 of the business-case computation',
  operationId: 'updateBusinessCaseSettings',
  params: chainParamsSchema,
  body: updateBusinessCaseSettingsInputSchema,
  response: { 200: businessCaseSettingsSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateBusinessCaseSettings(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/business-case/settings',
    { schema: updateBusinessCaseSettingsSchema, config: chainAccess('governance.manage') },
    async (request) => updateSettings(ctx.db, request.params.chainId, request.body, requestActor(request)),
  );
}
