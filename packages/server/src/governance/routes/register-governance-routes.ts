/** Every route of the governance API (issue 4), registered in one place. */
import type { ApiInstance } from '../../routes/api-instance.ts';
import type { AppContext } from '../../services/app-context.ts';
import { registerGovernanceSchemas } from '../schemas/register-governance-schemas.ts';
import { registerChangeAgreementStatus } from './agreements/change-agreement-status.ts';
import { registerCreateAgreement } from './agreements/create-agreement.ts';
import { registerDeleteAgreement } from './agreements/delete-agreement.ts';
import { registerGetAgreement } from './agreements/get-agreement.ts';
import { registerListAgreementsNeedingAttention } from './agreements/list-agreements-needing-attention.ts';
import { registerListAgreements } from './agreements/list-agreements.ts';
import { registerSignAgreement } from './agreements/sign-agreement.ts';
import { registerUpdateAgreement } from './agreements/update-agreement.ts';
import { registerCreateBusinessCaseLine } from './business-case/create-business-case-line.ts';
import { registerDeleteBusinessCaseLine } from './business-case/delete-business-case-line.ts';
import { registerGetBusinessCase } from './business-case/get-business-case.ts';
import { registerListBusinessCaseLines } from './business-case/list-business-case-lines.ts';
import { registerUpdateBusinessCaseLine } from './business-case/update-business-case-line.ts';
import { registerUpdateBusinessCaseSettings } from './business-case/update-business-case-settings.ts';
import { registerCreateRound } from './course-check/create-round.ts';
import { registerGetQuestionSet } from './course-check/get-question-set.ts';
import { registerGetRoundResults } from './course-check/get-round-results.ts';
import { registerGetRound } from './course-check/get-round.ts';
import { registerListRounds } from './course-check/list-rounds.ts';
import { registerSubmitResponse } from './course-check/submit-response.ts';
import { registerUpdateQuestionSet } from './course-check/update-question-set.ts';
import { registerGetHealthSummary } from './health/get-health-summary.ts';
import { registerAddMeasurement } from './indicators/add-measurement.ts';
import { registerCorrectMeasurement } from './indicators/correct-measurement.ts';
import { registerCreateIndicator } from './indicators/create-indicator.ts';
import { registerGetIndicator } from './indicators/get-indicator.ts';
import { registerListIndicators } from './indicators/list-indicators.ts';
import { registerListMeasurements } from './indicators/list-measurements.ts';
import { registerRefreshFlowMeasurements } from './indicators/refresh-flow-measurements.ts';
import { registerReviseIndicator } from './indicators/revise-indicator.ts';
import { registerUploadMeasurementsCsv } from './indicators/upload-measurements-csv.ts';
import { registerCreateIntervention } from './interventions/create-intervention.ts';
import { registerDeleteIntervention } from './interventions/delete-intervention.ts';
import { registerEvaluateIntervention } from './interventions/evaluate-intervention.ts';
import { registerGetIntervention } from './interventions/get-intervention.ts';
import { registerListInterventions } from './interventions/list-interventions.ts';
import { registerUpdateIntervention } from './interventions/update-intervention.ts';

/** Registers the governance routes under `/api/v1/chains/:chainId/…`. */
export function registerGovernanceRoutes(app: ApiInstance, ctx: AppContext): void {
  registerGovernanceSchemas();
  registerListIndicators(app, ctx);
  registerCreateIndicator(app, ctx);
  registerGetIndicator(app, ctx);
  registerReviseIndicator(app, ctx);
  registerListMeasurements(app, ctx);
  registerAddMeasurement(app, ctx);
  registerCorrectMeasurement(app, ctx);
  registerUploadMeasurementsCsv(app, ctx);
  registerRefreshFlowMeasurements(app, ctx);

  registerListAgreements(app, ctx);
  registerCreateAgreement(app, ctx);
  registerListAgreementsNeedingAttention(app, ctx);
  registerGetAgreement(app, ctx);
  registerUpdateAgreement(app, ctx);
  registerDeleteAgreement(app, ctx);
  registerChangeAgreementStatus(app, ctx);
  registerSignAgreement(app, ctx);

  registerGetQuestionSet(app, ctx);
  registerUpdateQuestionSet(app, ctx);
  registerListRounds(app, ctx);
  registerCreateRound(app, ctx);
  registerGetRound(app, ctx);
  registerGetRoundResults(app, ctx);
  registerSubmitResponse(app, ctx);

  registerGetBusinessCase(app, ctx);
  registerUpdateBusinessCaseSettings(app, ctx);
  registerListBusinessCaseLines(app, ctx);
  registerCreateBusinessCaseLine(app, ctx);
  registerUpdateBusinessCaseLine(app, ctx);
  registerDeleteBusinessCaseLine(app, ctx);

  registerListInterventions(app, ctx);
  registerCreateIntervention(app, ctx);
  registerGetIntervention(app, ctx);
  registerUpdateIntervention(app, ctx);
  registerDeleteIntervention(app, ctx);
  registerEvaluateIntervention(app, ctx);

  registerGetHealthSummary(app, ctx);
}
