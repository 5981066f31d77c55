/** GET /api/v1/templates — the chain templates a new chain can start from. */
import { z } from 'zod';
import { errorResponses } from '../../http/error-response.ts';
import type { AppContext } from '../../services/app-context.ts';
import { summariseTemplate } from '../../services/template-service.ts';
import type { ApiInstance } from '../api-instance.ts';

const bilingualSchema = z.object({ nl: z.string(), en: z.string() });

/** What the template picker shows of one template. */
export const templateSummarySchema = z.object({
  key: z.string(),
  title: bilingualSchema,
  description: bilingualSchema,
  partners: z.number().int().describe('Number of partners in the template chain'),
  links: z.number().int().describe('Number of links in its primary process'),
  hasTrajectories: z.boolean().describe('Whether the template comes with demo trajectory data'),
});

/** Route schema. */
export const listTemplatesSchema = {
  tags: ['templates'],
  summary: 'List chain templates',
  operationId: 'listTemplates',
  response: { 200: z.array(templateSummarySchema), ...errorResponses(401, 403, 500) },
};

/** Registers the route. */
export function registerListTemplates(app: ApiInstance, ctx: AppContext): void {
  app.get('/api/v1/templates', { schema: listTemplatesSchema, config: { access: { scope: 'signed-in' } } }, () =>
    ctx.templates.templates.map(summariseTemplate),
  );
}
