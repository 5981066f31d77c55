/** POST /api/v1/organisations — register an organisation (administrators). */
import { z } from 'zod';
import { createOrganisation } from '../../auth/account-service.ts';
import { organisationSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema: 409 when the name is taken. */
export const createOrganisationSchema = {
  tags: ['organisations'],
  summary: 'Create an organisation',
  operationId: 'createOrganisation',
  body: z.object({ name: z.string().trim().min(1).max(200) }),
  response: { 201: organisationSchema, ...errorResponses(400, 401, 403, 409, 413) },
};

/** Registers the route. */
export function registerCreateOrganisation(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/organisations',
    { schema: createOrganisationSchema, config: { access: { scope: 'admin' } } },
    async (request, reply) => {
      const organisation = await createOrganisation(ctx.db, actorOf(request), request.body.name);
      return reply.code(201).send({ id: organisation.id, name: organisation.name });
    },
  );
}
