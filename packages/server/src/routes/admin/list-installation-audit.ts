/** GET /api/v1/admin/audit — the installation's whole audit log, newest first (administrators). */
import { z } from 'zod';
import { auditEntrySchema } from '../../http/account-schemas.ts';
import { errorResponses } from '../../http/error-response.ts';
import { actorOf } from '../../http/request-context.ts';
import { listAudit, recordAudit } from '../../services/audit-service.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';
import { auditQuerySchema } from '../audit/audit-query.ts';

/** Route schema. */
export const listInstallationAuditSchema = {
  tags: ['administration'],
  summary: 'Read the installation audit log (administrators)',
  operationId: 'listInstallationAudit',
  querystring: auditQuerySchema.omit({ format: true }),
  response: { 200: z.array(auditEntrySchema), ...errorResponses(400, 401, 403) },
};

/** Registers the route; reading the log is itself recorded. */
export function registerListInstallationAudit(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/admin/audit',
    { schema: listInstallationAuditSchema, config: { access: { scope: 'admin' } } },
    async (request) => {
      await recordAudit(ctx.db, actorOf(request), { action: 'audit.read', targetType: 'audit_log' });
      return listAudit(ctx.db, { chainId: null, limit: request.query.limit, beforeId: request.query.before ?? null });
    },
  );
}
