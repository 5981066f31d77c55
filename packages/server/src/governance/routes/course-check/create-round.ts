/** POST /api/v1/chains/:chainId/course-check/rounds — open a course-check round for all partners. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { createRoundInputSchema, roundSummarySchema } from '../../schemas/course-check-api-schemas.ts';
import { createRound } from '../../services/course-check-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema. */
export const createRoundSchema = {
  tags: ['course-check'],
  summary: "Open a course-check round with a copy of the chain's (or the given) questions",
  operationId: 'createCourseCheckRound',
  params: chainParamsSchema,
  body: createRoundInputSchema,
  response: { 201: roundSummarySchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerCreateRound(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/course-check/rounds',
    { schema: createRoundSchema, config: chainAccess('governance.manage') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createRound(ctx.db, request.params.chainId, request.body, requestActor(request), todayInAmsterdam()),
        ),
  );
}
