/** GET /api/v1/chains/:chainId/flow/cases/:caseId — every event of one pseudonymous case (case-level, audited). */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { caseTrajectorySchema } from '../../schemas/analysis-schemas.ts';
import { getCaseTrajectory } from '../../services/flow-analyses.ts';

/** Route schema. */
export const getCaseTrajectorySchema = {
  tags: ['flow'],
  summary: 'Read the trajectory of one case',
  operationId: 'getCaseTrajectory',
  params: chainParamsSchema.extend({ caseId: z.string().max(200).describe('Pseudonymous case id') }),
  response: { 200: caseTrajectorySchema, ...errorResponses(401, 403, 404) },
};

/** Registers the route. */
export function registerGetCaseTrajectory(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/flow/cases/:caseId',
    { schema: getCaseTrajectorySchema, config: { access: { scope: 'chain', permission: 'flow.cases' } } },
    async (request) => getCaseTrajectory(ctx.db, requireChainAccess(request), actorOf(request), request.params.caseId),
  );
}
