/** GET /api/health — whether the server and its database answer; for load balancers and monitoring. */
import { z } from 'zod';
import type { AppContext } from '../../services/app-context.ts';
import { checkHealth } from '../../services/health-service.ts';
import type { ApiInstance } from '../api-instance.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  version: z.string(),
});

/** Route schema: 200 when healthy, 503 (same shape) when the database does not answer. */
export const getHealthSchema = {
  tags: ['health'],
  summary: 'Health of the server and its database',
  operationId: 'getHealth',
  response: { 200: healthSchema, 503: healthSchema },
};

/** Registers the route. */
export function registerGetHealth(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/health',
    { schema: getHealthSchema, config: { access: { scope: 'public' } } },
    async (_request, reply) => {
      const report = await checkHealth(ctx.db);
      return reply.code(report.status === 'ok' ? 200 : 503).send({ ...report, version: ctx.version });
    },
  );
}
