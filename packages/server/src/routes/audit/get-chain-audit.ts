/** GET /api/v1/chains/:chainId/audit — the chain's audit log, newest first; `?format=csv` exports it. */
import { z } from 'zod';
import { auditEntrySchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../http/request-context.ts';
import { auditEntriesToCsv, listAudit, recordAudit } from '../../services/audit-service.ts';
import type { AppContext } from '../../services/app-context.ts';
import { chainParamsSchema, type ApiInstance } from '../api-instance.ts';
import { auditQuerySchema } from './audit-query.ts';

/** Route schema: JSON entries, or a CSV file with `?format=csv`. */
export const getChainAuditSchema = {
  tags: ['audit'],
  summary: 'Read or export the chain audit log',
  operationId: 'getChainAudit',
  params: chainParamsSchema,
  querystring: auditQuerySchema,
  response: { 200: z.array(auditEntrySchema), ...errorResponses(400, 401, 403, 404) },
};

/** Registers the route; reading and exporting the log are themselves recorded. */
export function registerGetChainAudit(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/chains/:chainId/audit',
    { schema: getChainAuditSchema, config: { access: { scope: 'chain', permission: 'audit.read' } } },
    async (request, reply) => {
      const access = requireChainAccess(request);
      const { format, limit, before } = request.query;
      await recordAudit(ctx.db, actorOf(request), {
        action: format === 'csv' ? 'audit.export' : 'audit.read',
        targetType: 'audit_log',
        chainId: access.chainId,
      });
      const entries = await listAudit(ctx.db, {
        chainId: access.chainId,
        limit: limit ?? (format === 'csv' ? 1000 : 100),
        beforeId: before ?? null,
      });
      if (format === 'csv') {
        const csv = auditEntriesToCsv(entries);
        // The CSV is sent as it is; the JSON serializer of the route does not apply to it.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${access.chainSlug}.csv"`)
          .serializer(() => csv)
          .send(entries);
      }
      return entries;
    },
  );
}
