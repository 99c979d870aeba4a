import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums of the public contract; their values are the domain's string literals. */
function enumOf<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const MemberRole = enumOf(['DIRECTOR', 'MANAGER', 'IC']);
export const InitiativeStatus = enumOf(['PROPOSED', 'DEFINED', 'PILOTING', 'SCALED', 'STOPPED']);
export const ImpactRecommendation = enumOf(['DIRECTOR_LED', 'DELEGATE_TO_MANAGER']);
export const MetricDirection = enumOf(['INCREASE', 'DECREASE']);
export const MetricCadence = enumOf(['DAILY', 'WEEKLY', 'MONTHLY']);
export const MetricKind = enumOf(['PRIMARY', 'GUARDRAIL']);
export const Cohort = enumOf(['PILOT', 'CONTROL']);
export const IterationOutcome = enumOf(['VALIDATED', 'INVALIDATED', 'INCONCLUSIVE']);
export const DecisionKind = enumOf(['PERSEVERE', 'PIVOT', 'SCALE', 'STOP']);
export const FeedbackKind = enumOf(['SUGGESTION', 'CONCERN', 'PRAISE']);
export const OverdueKind = enumOf(['ITERATION_PAST_END', 'DECISION_PENDING']);
export const WebhookEvent = enumOf([
  'DECISION_RECORDED',
  'ITERATION_COMPLETED',
  'INITIATIVE_SCALED',
  'INITIATIVE_STOPPED',
  'FEEDBACK_SUBMITTED',
  'DECISION_OVERDUE',
  'ANALYSIS_PARALYSIS',
]);
export const WebhookFormat = enumOf(['STANDARD', 'SLACK']);
export const DeliveryStatus = enumOf(['PENDING', 'RETRYING', 'DELIVERED', 'FAILED']);
export const PermutationMethod = enumOf(['EXACT', 'MONTE_CARLO']);
export const SpreadSource = enumOf(['STATED', 'READINGS']);

registerEnumType(MemberRole, { name: 'MemberRole' });
registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });
registerEnumType(ImpactRecommendation, { name: 'ImpactRecommendation' });
registerEnumType(MetricDirection, { name: 'MetricDirection' });
registerEnumType(MetricCadence, { name: 'MetricCadence' });
registerEnumType(MetricKind, { name: 'MetricKind' });
registerEnumType(Cohort, { name: 'Cohort' });
registerEnumType(IterationOutcome, { name: 'IterationOutcome' });
registerEnumType(DecisionKind, { name: 'DecisionKind' });
registerEnumType(FeedbackKind, { name: 'FeedbackKind' });
registerEnumType(OverdueKind, { name: 'OverdueKind' });
registerEnumType(WebhookEvent, { name: 'WebhookEvent' });
registerEnumType(WebhookFormat, {
  name: 'WebhookFormat',
  valuesMap: {
    STANDARD: { description: 'Signed JSON per the Standard Webhooks specification' },
    SLACK: { description: 'A Slack incoming-webhook message with a link to the dashboard' },
  },
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  valuesMap: {
    PENDING: { description: 'Not attempted yet' },
    RETRYING: { description: 'Attempted and failed; the next attempt is at nextAttemptAt' },
    DELIVERED: { description: 'The receiver answered with a 2xx status' },
    FAILED: { description: 'Given up after retrying for 24 hours' },
  },
});
registerEnumType(PermutationMethod, {
  name: 'PermutationMethod',
  description: 'EXACT: every split enumerated; MONTE_CARLO: random splits from a fixed seed',
});
registerEnumType(SpreadSource, { name: 'SpreadSource' });
