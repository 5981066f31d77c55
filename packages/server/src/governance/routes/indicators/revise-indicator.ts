/** POST /api/v1/chains/:chainId/indicators/:indicatorId/versions — agree on a new version of an indicator. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import {
  governanceIndicatorSchema,
  reviseGovernanceIndicatorInputSchema,
} from '../../schemas/indicator-api-schemas.ts';
import { reviseIndicator } from '../../services/indicator-service.ts';
import { chainAccess, indicatorParamsSchema, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `version_conflict` when `version` is not the current version. */
export const reviseIndicatorSchema = {
  tags: ['indicators'],
  summary: 'Revise an indicator: a new version with why and who agreed; earlier versions stay',
  operationId: 'reviseIndicator',
  params: indicatorParamsSchema,
  body: reviseGovernanceIndicatorInputSchema,
  response: { 201: governanceIndicatorSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerReviseIndicator(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/indicators/:indicatorId/versions',
    { schema: reviseIndicatorSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await reviseIndicator(
            ctx.db,
            request.params.chainId,
            request.params.indicatorId,
            request.body,
            requestActor(request),
          ),
        ),
  );
}
