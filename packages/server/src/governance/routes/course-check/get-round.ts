/** GET /api/v1/chains/:chainId/course-check/rounds/:roundId — a round with its questions and participation. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { roundDetailSchema } from '../../schemas/course-check-api-schemas.ts';
import { getRound } from '../../services/course-check-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess, roundParamsSchema } from '../governance-route-support.ts';

/** Route schema. */
export const getRoundSchema = {
  tags: ['course-check'],
  summary: 'Get a course-check round with its questions and how many responses each partner gave',
  operationId: 'getCourseCheckRound',
  params: roundParamsSchema,
  response: { 200: roundDetailSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetRound(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/course-check/rounds/:roundId',
    { schema: getRoundSchema, config: chainAccess('governance.read') },
    async (request) => getRound(ctx.db, request.params.chainId, request.params.roundId, todayInAmsterdam()),
  );
}
