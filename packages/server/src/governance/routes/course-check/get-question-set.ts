/** GET /api/v1/chains/:chainId/course-check/question-set — the questions new rounds use. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { questionSetStateSchema } from '../../schemas/course-check-api-schemas.ts';
import { getQuestionSet } from '../../services/course-check-service.ts';
import { chainAccess } from '../governance-route-support.ts';

/** Route schema. */
export const getQuestionSetSchema = {
  tags: ['course-check'],
  summary: "Get the chain's course-check question set (the default set until the director changes it)",
  operationId: 'getCourseCheckQuestionSet',
  params: chainParamsSchema,
  response: { 200: questionSetStateSchema, ...errorResponses(404) },
};

/** Registers the route. */
export function registerGetQuestionSet(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/course-check/question-set',
    { schema: getQuestionSetSchema, config: chainAccess('governance.read') },
    async (request) => getQuestionSet(ctx.db, request.params.chainId),
  );
}
