/** GET /api/v1/chains/:chainId/course-check/rounds — every round, newest first, with its participation. */
import { z } from 'zod';
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { roundSummarySchema } from '../../schemas/course-check-api-schemas.ts';
import { listRounds } from '../../services/course-check-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const listRoundsSchema = {
  tags: ['course-check'],
  summary: 'List the course-check rounds, newest first',
  operationId: 'listCourseCheckRounds',
  params: chainParamsSchema,
  response: { 200: z.array(roundSummarySchema), ...errorResponses(404) },
};

/** Registers the route. */
export function registerListRounds(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/course-check/rounds',
    { schema: listRoundsSchema, config: chainAccess('governance.read') },
    async (request) => listRounds(ctx.db, request.params.chainId, todayInAmsterdam()),
  );
}
