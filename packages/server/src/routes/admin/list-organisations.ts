/** GET /api/v1/organisations — every organisation (names only), to pick from when inviting. */
import { z } from 'zod';
import { findOrganisations } from '../../auth/account-service.ts';
import { organisationSchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

/** Route schema. */
export const listOrganisationsSchema = {
  tags: ['organisations'],
  summary: 'List organisations',
  operationId: 'listOrganisations',
  response: { 200: z.array(organisationSchema), ...errorResponses(401, 403) },
};

/** Registers the route. */
export function registerListOrganisations(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/organisations',
    { schema: listOrganisationsSchema, config: { access: { scope: 'signed-in' } } },
    async () => (await findOrganisations(ctx.db)).map(({ id, name }) => ({ id, name })),
  );
}
