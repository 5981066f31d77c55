/** POST /api/v1/chains/:chainId/measurements/csv — upload measurements of several indicators, all or nothing. */
import { errorResponses } from '../../../http/error-response.ts';
import { chainParamsSchema, type ApiInstance } from '../../../routes/api-instance.ts';
import type { AppContext } from '../../../services/app-context.ts';
import { measurementCsvInputSchema, measurementCsvResultSchema } from '../../schemas/indicator-api-schemas.ts';
import { uploadMeasurementsCsv } from '../../services/measurement-service.ts';
import { chainAccess, requestActor } from '../governance-route-support.ts';

/** Route schema: 400 listing every problem with its line and field, and nothing stored. */
export const uploadMeasurementsCsvSchema = {
  tags: ['indicators'],
  summary: 'Upload measurements as CSV (indicator, period, value, note); stored whole or not at all',
  operationId: 'uploadMeasurementsCsv',
  params: chainParamsSchema,
  body: measurementCsvInputSchema,
  response: { 200: measurementCsvResultSchema, ...errorResponses(400, 404, 409, 413) },
};

/** Registers the route. */
export function registerUploadMeasurementsCsv(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/chains/:chainId/measurements/csv',
    { schema: uploadMeasurementsCsvSchema, config: chainAccess('governance.contribute') },
    async (request) => uploadMeasurementsCsv(ctx.db, request.params.chainId, request.body.csv, requestActor(request)),
  );
}
