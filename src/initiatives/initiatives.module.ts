import { Module } from '@nestjs/common';
import { CohortComparisonResolver } from './cohort-comparison/cohort-comparison.resolver';
import { CompleteIterationHandler } from './complete-iteration/complete-iteration.command';
import { CompleteIterationResolver } from './complete-iteration/complete-iteration.resolver';
import { DecisionLogResolver } from './decision-log/decision-log.resolver';
import { DefineSuccessMetricHandler } from './define-success-metric/define-success-metric.command';
import { DefineSuccessMetricResolver } from './define-success-metric/define-success-metric.resolver';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { InitiativeDetailsResolver } from './initiative-details/initiative-details.resolver';
import { IterationResolver } from './initiative-details/iteration.resolver';
import { LaunchPilotHandler } from './launch-pilot/launch-pilot.command';
import { LaunchPilotResolver } from './launch-pilot/launch-pilot.resolver';
import { MetricSeriesResolver } from './metric-series/metric-series.resolver';
import { ProposeInitiativeHandler } from './propose-initiative/propose-initiative.command';
import { ProposeInitiativeResolver } from './propose-initiative/propose-initiative.resolver';
import { RecordDecisionHandler } from './record-decision/record-decision.command';
import { RecordDecisionResolver } from './record-decision/record-decision.resolver';
import { RecordMeasurementHandler } from './record-measurement/record-measurement.command';
import { RecordMeasurementResolver } from './record-measurement/record-measurement.resolver';
import { RecordMeasurementsHandler } from './record-measurements/record-measurements.command';
import { RecordMeasurementsResolver } from './record-measurements/record-measurements.resolver';
import { StartIterationHandler } from './start-iteration/start-iteration.command';
import { StartIterationResolver } from './start-iteration/start-iteration.resolver';
import { StateHypothesisHandler } from './state-hypothesis/state-hypothesis.command';
import { StateHypothesisResolver } from './state-hypothesis/state-hypothesis.resolver';
import { SubmitFeedbackHandler } from './submit-feedback/submit-feedback.command';
import { SubmitFeedbackResolver } from './submit-feedback/submit-feedback.resolver';
import { TeamImpactResolver } from './team-impact/team-impact.resolver';

/** Initiatives: each read slice's resolver, and each command's handler and mutation. */
@Module({
  providers: [
    InitiativeDetailsResolver,
    IterationResolver,
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
    RecordMeasurementsHandler,
    RecordMeasurementsResolver,
    CompleteIterationHandler,
    CompleteIterationResolver,
    RecordDecisionHandler,
    RecordDecisionResolver,
    SubmitFeedbackHandler,
    SubmitFeedbackResolver,
  ],
})
export class InitiativesModule {}
