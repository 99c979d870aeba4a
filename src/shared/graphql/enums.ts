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
registerEnumType(PermutationMethod, {
  name: 'PermutationMethod',
  description: 'EXACT: every split enumerated; MONTE_CARLO: random splits from a fixed seed',
});
registerEnumType(SpreadSource, { name: 'SpreadSource' });
