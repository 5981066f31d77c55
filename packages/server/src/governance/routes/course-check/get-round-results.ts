/** GET /api/v1/chains/:chainId/course-check/rounds/:roundId/results — heat map, spread, change and warnings. */
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { roundResultsSchema } from '../../schemas/course-check-api-schemas.ts';
import { getRoundResults } from '../../services/course-check-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess, roundParamsSchema } from '../governance-route-support.ts';

/** Route schema. */
export const getRoundResultsSchema = {
  tags: ['course-check'],
  summary: 'Results of a round: heat map partner × building block, averages, spread, change and warnings',
  operationId: 'getCourseCheckResults',
  params: roundParamsSchema,
  response: { 200: roundResultsSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetRoundResults(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/course-check/rounds/:roundId/results',
    { schema: getRoundResultsSchema, config: chainAccess('governance.read') },
    async (request) => getRoundResults(ctx.db, request.params.chainId, request.params.roundId, todayInAmsterdam()),
  );
}
