/**
 * Names the main governance schemas in the server's OpenAPI registry, so that the description lists
 * each once under `components.schemas` and a client generator gets one type per shape.
 */
import { agreementSchema } from '@ketenregie/core';
import { openApiRegistry } from '../../http/openapi-registry.ts';
import { businessCaseOverviewSchema } from './business-case-api-schemas.ts';
import { roundDetailSchema, roundResultsSchema, roundSummarySchema } from './course-check-api-schemas.ts';
import { healthSummarySchema } from './health-api-schemas.ts';
import {
  governanceIndicatorSchema,
  indicatorDetailSchema,
  indicatorListSchema,
  measurementListSchema,
} from './indicator-api-schemas.ts';
import { interventionDetailSchema, interventionEvaluationSchema } from './intervention-api-schemas.ts';

const NAMED = [
  [governanceIndicatorSchema, 'GovernanceIndicator'],
  [indicatorListSchema, 'IndicatorList'],
  [indicatorDetailSchema, 'IndicatorDetail'],
  [measurementListSchema, 'MeasurementList'],
  [agreementSchema, 'Agreement'],
  [roundSummarySchema, 'CourseCheckRound'],
  [roundDetailSchema, 'CourseCheckRoundDetail'],
  [roundResultsSchema, 'CourseCheckRoundResults'],
  [businessCaseOverviewSchema, 'BusinessCaseOverview'],
  [interventionDetailSchema, 'Intervention'],
  [interventionEvaluationSchema, 'InterventionEvaluation'],
  [healthSummarySchema, 'HealthSummary'],
] as const;

/** Adds the names once (the registry is shared by every app instance of the process). */
export function registerGovernanceSchemas(): void {
  for (const [schema, id] of NAMED) {
    if (!openApiRegistry.has(schema)) {
      openApiRegistry.add(schema, { id });
    }
  }
}
