/** PUT /api/v1/chains/:chainId/course-check/question-set — change the questions of future rounds. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { questionSetStateSchema, updateQuestionSetInputSchema } from '../../schemas/course-check-api-schemas.ts';
import { updateQuestionSet } from '../../services/course-check-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 409 `version_conflict` when stale. */
export const updateQuestionSetSchema = {
  tags: ['course-check'],
  summary: "Replace the chain's course-check question set (rounds already opened keep theirs)",
  operationId: 'updateCourseCheckQuestionSet',
  params: chainParamsSchema,
  body: updateQuestionSetInputSchema,
  response: { 200: questionSetStateSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUpdateQuestionSet(app: ApiInstance, ctx: AppContext): void {
  app.put(
    '/api/v1/chains/:chainId/course-check/question-set',
    { schema: updateQuestionSetSchema, config: chainAccess('governance.manage') },
    async (request) => updateQuestionSet(ctx.db, request.params.chainId, request.body, requestActor(request)),
  );
}
