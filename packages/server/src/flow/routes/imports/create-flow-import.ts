/**
 * POST /api/v1/chains/:chainId/imports — upload a partner's event extract (CSV, XES, OCEL) as the
 * raw request body; the query string says which partner delivered it and how to read it.
 */
import { DomainError } from '@ketenregie/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guessEventLogFormat, type EventLogFormat } from '../../../importers/read-event-log-file.ts';
import { errorResponses } from '../../../http/error-response.ts';
import { actorOf, requireChainAccess } from '../../../http/request-context.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { receiveUpload } from '../../receive-upload.ts';
import { createdFlowImportSchema, importQuerySchema } from '../../schemas/import-schemas.ts';
import { importEventFile } from '../../services/import-event-file.ts';
import { importScopeOf } from '../flow-route-support.ts';

/** Route schema: 400 names file, line and field of the first 20 problems; 409 for a file imported before. */
export const createFlowImportSchema = {
  tags: ['flow'],
  summary: 'Import an event extract',
  description:
    'Send the file itself as the request body (any content type, e.g. application/octet-stream; .gz is unpacked by name). ' +
    'Case ids are pseudonymised with the chain’s key before anything is stored; the import is all or nothing; ' +
    'events stored already (same fingerprint) are skipped. Missing mapping fields come from the partner’s last mapping.',
  operationId: 'createFlowImport',
  params: chainParamsSchema,
  querystring: importQuerySchema,
  consumes: ['application/octet-stream', 'text/csv', 'application/json', 'application/xml', 'application/gzip'],
  body: z
    .unknown()
    .describe('The file itself, streamed to disk as it arrives (not parsed as JSON, whatever its content type)'),
  response: { 201: createdFlowImportSchema, ...errorResponses(400, 401, 403, 404, 409, 413) },
};

/** The format a content type names, if it names one. */
function formatOfContentType(contentType: string | undefined): EventLogFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv' || type === 'text/tab-separated-values') return 'csv';
  if (type === 'application/xes+xml') return 'xes';
  if (type === 'application/ocel+json' || type === 'application/ocel+xml') return 'ocel';
  return undefined;
}

/** Registers the route in a scope of its own that leaves the body unparsed, so it can be streamed. */
export function registerCreateFlowImport(app: ApiInstance, ctx: AppContext, limitBytes: number): void {
  void app.register((plain, _options, done) => {
    plain.removeAllContentTypeParsers();
    plain.addContentTypeParser('*', (_request, _payload, done) => {
      done(null);
    });
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/v1/chains/:chainId/imports',
      { schema: createFlowImportSchema, config: { access: { scope: 'chain', permission: 'flow.import' } } },
      async (request, reply) => {
        const access = requireChainAccess(request);
        const { query } = request;
        const format =
          query.format ?? guessEventLogFormat(query.fileName) ?? formatOfContentType(request.headers['content-type']);
        if (format === undefined) {
          throw new DomainError('validation_failed', 'Cannot tell the format of the file', [
            { path: 'format', message: 'give ?format=csv, xes or ocel, or a fileName with its extension' },
          ]);
        }
        const declared = Number(request.headers['content-length']);
        const upload = await receiveUpload(
          request.raw,
          query.fileName,
          limitBytes,
          Number.isFinite(declared) ? declared : undefined,
        );
        try {
          const mapping = {
            caseColumn: query.caseColumn,
            activityColumn: query.activityColumn,
            timestampColumn: query.timestampColumn,
            startTimestampColumn: query.startTimestampColumn,
            resourceColumn: query.resourceColumn,
            partnerColumn: query.partnerColumn,
            delimiter: query.delimiter,
            timeZone: query.timeZone,
            objectType: query.objectType,
            identifyingColumns: query.identifyingColumns,
            identifiersPseudonymised: query.identifiersPseudonymised,
          };
          const created = await importEventFile(ctx.db, actorOf(request), importScopeOf(access), {
            chainId: access.chainId,
            partnerId: query.partnerId ?? null,
            path: upload.path,
            format,
            mapping,
            pseudonymKeyVersion: query.pseudonymKeyVersion,
            rememberMapping: query.rememberMapping,
            fileSha256: upload.sha256,
            fileBytes: upload.bytes,
          });
          return await reply.code(201).send(created);
        } finally {
          await upload.remove();
        }
      },
    );
    done();
  });
}
