/** POST /api/v1/chains/:chainId/course-check/rounds/:roundId/responses — a partner contact answers the round. */
import { courseCheckResponseInputSchema } from '@ketenregie/core';
import { errorResponses } from '../../../http/error-response.ts';
import type { ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { submittedResponseSchema } from '../../schemas/course-check-api-schemas.ts';
import { submitResponse } from '../../services/course-check-service.ts';
import { todayInAmsterdam } from '../../services/governance-clock.ts';
import { chainAccess, requestActor, roundParamsSchema } from '../governance-route-support.ts';

/** Route schema: 409 `conflict` outside the round's dates. The answer never contains a respondent key. */
export const submitResponseSchema = {
  tags: ['course-check'],
  summary: "Submit one anonymous respondent's answers on behalf of a partner",
  operationId: 'submitCourseCheckResponse',
  params: roundParamsSchema,
  body: courseCheckResponseInputSchema,
  response: { 201: submittedResponseSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerSubmitResponse(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/course-check/rounds/:roundId/responses',
    { schema: submitResponseSchema, config: chainAccess('governance.contribute') },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await submitResponse(
            ctx.db,
            request.params.chainId,
            request.params.roundId,
            request.body,
            requestActor(request),
            todayInAmsterdam(),
          ),
        ),
  );
}
