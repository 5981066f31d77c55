/**
 * Every route of trajectory data: imports (upload, history, deletion, remembered mapping) and the
 * flow analyses. Aggregates need `flow.read`, case lists and trajectories `flow.cases`, imports
 * `flow.import`.
 */
import { DomainError } from '@ketenregie/core';
import type { ApiInstance } from '../../routes/api-instance.ts';
import type { AppContext } from '../../services/app-context.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from '../receive-upload.ts';
import { registerGetBottlenecks } from './analyses/get-bottlenecks.ts';
import { registerGetCaseTrajectory } from './analyses/get-case-trajectory.ts';
import { registerGetFlowSummary } from './analyses/get-flow-summary.ts';
import { registerGetHandovers } from './analyses/get-handovers.ts';
import { registerGetNormCompliance } from './analyses/get-norm-compliance.ts';
import { registerGetProcessMap } from './analyses/get-process-map.ts';
import { registerGetRework } from './analyses/get-rework.ts';
import { registerGetStalledCases } from './analyses/get-stalled-cases.ts';
import { registerGetTrends } from './analyses/get-trends.ts';
import { registerGetVariants } from './analyses/get-variants.ts';
import { registerListNormViolations } from './analyses/list-norm-violations.ts';
import { registerListStalledCases } from './analyses/list-stalled-cases.ts';
import { registerCreateFlowImport } from './imports/create-flow-import.ts';
import { registerDeleteFlowImport } from './imports/delete-flow-import.ts';
import { registerGetFlowImport } from './imports/get-flow-import.ts';
import { registerGetImportMapping } from './imports/get-import-mapping.ts';
import { registerListFlowImports } from './imports/list-flow-imports.ts';

/** Environment variable with the largest upload in MiB (default 512). */
export const UPLOAD_LIMIT_VARIABLE = 'KETENREGIE_IMPORT_MAX_MB';

/** The upload limit in bytes from the environment; `validation_failed` naming the variable when it is not a number. */
export function readUploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[UPLOAD_LIMIT_VARIABLE]?.trim();
  if (value === undefined || value === '') return DEFAULT_UPLOAD_LIMIT_BYTES;
  const megabytes = Number(value);
  if (!Number.isInteger(megabytes) || megabytes < 1 || megabytes > 65_536) {
    throw new DomainError('validation_failed', `${UPLOAD_LIMIT_VARIABLE} must be a whole number of MiB from 1`, [
      { path: UPLOAD_LIMIT_VARIABLE, message: 'e.g. 512' },
    ]);
  }
  return megabytes * 1024 * 1024;
}

/** Registers the import and analysis routes. */
export function registerFlowRoutes(app: ApiInstance, ctx: AppContext): void {
  registerCreateFlowImport(app, ctx, readUploadLimit());
  registerListFlowImports(app, ctx);
  registerGetFlowImport(app, ctx);
  registerDeleteFlowImport(app, ctx);
  registerGetImportMapping(app, ctx);
  registerGetFlowSummary(app, ctx);
  registerGetProcessMap(app, ctx);
  registerGetBottlenecks(app, ctx);
  registerGetHandovers(app, ctx);
  registerGetRework(app, ctx);
  registerGetNormCompliance(app, ctx);
  registerListNormViolations(app, ctx);
  registerGetVariants(app, ctx);
  registerGetTrends(app, ctx);
  registerGetStalledCases(app, ctx);
  registerListStalledCases(app, ctx);
  registerGetCaseTrajectory(app, ctx);
}
