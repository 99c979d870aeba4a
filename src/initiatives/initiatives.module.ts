import { Module } from '@nestjs/common';
import { CohortComparisonResolver } from './cohort-comparison/cohort-comparison.resolver';
import { CompleteIterationHandler } from './complete-iteration/complete-iteration.handler';
import { CompleteIterationResolver } from './complete-iteration/complete-iteration.resolver';
import { DecisionLogResolver } from './decision-log/decision-log.resolver';
import { DefineSuccessMetricHandler } from './define-success-metric/define-success-metric.handler';
import { DefineSuccessMetricResolver } from './define-success-metric/define-success-metric.resolver';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { InitiativeDetailsResolver } from './initiative-details/initiative-details.resolver';
import { InitiativeQueries } from './initiative-details/initiative.queries';
import { InitiativeMutations } from './initiative-mutation';
import { LaunchPilotHandler } from './launch-pilot/launch-pilot.handler';
import { LaunchPilotResolver } from './launch-pilot/launch-pilot.resolver';
import { MetricSeriesResolver } from './metric-series/metric-series.resolver';
import { ProposeInitiativeHandler } from './propose-initiative/propose-initiative.handler';
import { ProposeInitiativeResolver } from './propose-initiative/propose-initiative.resolver';
import { RecordDecisionHandler } from './record-decision/record-decision.handler';
import { RecordDecisionResolver } from './record-decision/record-decision.resolver';
import { RecordMeasurementHandler } from './record-measurement/record-measurement.handler';
import { RecordMeasurementResolver } from './record-measurement/record-measurement.resolver';
import { StartIterationHandler } from './start-iteration/start-iteration.handler';
import { StartIterationResolver } from './start-iteration/start-iteration.resolver';
import { StateHypothesisHandler } from './state-hypothesis/state-hypothesis.handler';
import { StateHypothesisResolver } from './state-hypothesis/state-hypothesis.resolver';
import { SubmitFeedbackHandler } from './submit-feedback/submit-feedback.handler';
import { SubmitFeedbackResolver } from './submit-feedback/submit-feedback.resolver';
import { TeamImpactQueries } from './team-impact/team-impact.queries';
import { TeamImpactResolver } from './team-impact/team-impact.resolver';

@Module({
  providers: [
    InitiativeQueries,
    InitiativeMutations,
    TeamImpactQueries,
    InitiativeDetailsResolver,
    TeamImpactResolver,
    MetricSeriesResolver,
    CohortComparisonResolver,
    DecisionLogResolver,
    FeedbackResolver,
    ProposeInitiativeHandler,
    ProposeInitiativeResolver,
    StateHypothesisHandler,
    StateHypothesisResolver,
    DefineSuccessMetricHandler,
    DefineSuccessMetricResolver,
    LaunchPilotHandler,
    LaunchPilotResolver,
    StartIterationHandler,
    StartIterationResolver,
    RecordMeasurementHandler,
    RecordMeasurementResolver,
    CompleteIterationHandler,
    CompleteIterationResolver,
    RecordDecisionHandler,
    RecordDecisionResolver,
    SubmitFeedbackHandler,
    SubmitFeedbackResolver,
  ],
  exports: [InitiativeQueries, TeamImpactQueries],
})
export class InitiativesModule {}
