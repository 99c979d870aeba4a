/** Every operation the dashboard sends, with the shape of its result. Names follow the public contract. */

export type InitiativeStatus = 'PROPOSED' | 'DEFINED' | 'PILOTING' | 'SCALED' | 'STOPPED';
export type DecisionKind = 'PERSEVERE' | 'PIVOT' | 'SCALE' | 'STOP';
export type IterationOutcome = 'VALIDATED' | 'INVALIDATED' | 'INCONCLUSIVE';
export type Cohort = 'PILOT' | 'CONTROL';
export type MemberRole = 'DIRECTOR' | 'MANAGER' | 'IC';

export const STATUSES: readonly InitiativeStatus[] = ['PROPOSED', 'DEFINED', 'PILOTING', 'SCALED', 'STOPPED'];

export interface TeamMember {
  id: string;
  name: string;
  role: MemberRole;
  managerId: string | null;
}
export interface TeamSummary {
  id: string;
  name: string;
  headcount: number;
  impactThreshold: number;
  paralysisLimitDays: number;
}
export interface StatusCount {
  status: InitiativeStatus;
  count: number;
}
export interface OverdueItem {
  initiativeId: string;
  iteration: number;
  kind: 'ITERATION_PAST_END' | 'DECISION_PENDING';
  since: string;
}
export interface TeamImpact {
  teamId: string;
  asOf: string;
  headcount: number;
  reachedMembers: number;
  coverage: number;
  activeInitiatives: number;
  initiativesByStatus: StatusCount[];
  hypothesisHitRate: number | null;
  medianDaysToDecision: number | null;
  overdue: OverdueItem[];
  analysisParalysis: string[];
}
export interface PortfolioImpact {
  asOf: string;
  headcount: number;
  reachedMembers: number;
  coverage: number;
  initiativesByStatus: StatusCount[];
  teams: TeamImpact[];
}
export interface ImpactAssessment {
  potentialReach: number;
  headcount: number;
  share: number;
  recommendation: 'DIRECTOR_LED' | 'DELEGATE_TO_MANAGER';
}
export interface SuccessMetric {
  id: string;
  name: string;
  unit: string;
  direction: 'INCREASE' | 'DECREASE';
  baseline: number;
  target: number;
  cadence: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  source: string;
  kind: 'PRIMARY' | 'GUARDRAIL';
  latest: number | null;
  progress: number | null;
  onTrack: boolean | null;
}
export interface Iteration {
  number: number;
  change: string;
  startedAt: string;
  plannedEndAt: string;
  completedAt: string | null;
  outcome: IterationOutcome | null;
  learnings: string | null;
  overdue: boolean;
}
export interface CohortStats {
  n: number;
  mean: number | null;
  sd: number | null;
}
export interface CohortComparison {
  metricId: string;
  iteration: number;
  pilot: CohortStats;
  control: CohortStats;
  difference: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
}
export interface MetricEvidence {
  metricId: string;
  name: string;
  baseline: number;
  target: number;
  latest: number | null;
  progress: number | null;
  comparison: CohortComparison | null;
}
export interface Decision {
  id: string;
  initiativeId: string;
  kind: DecisionKind;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  iteration: number;
  evidence: MetricEvidence[];
}
export interface Initiative {
  id: string;
  teamId: string;
  title: string;
  problem: string;
  status: InitiativeStatus;
  version: number;
  hypothesis: string | null;
  proposedBy: string;
  proposedAt: string;
  impact: ImpactAssessment;
  metrics: SuccessMetric[];
  ownerId: string | null;
  participantIds: string[];
  controlIds: string[];
  currentReach: number;
  iterations: Iteration[];
  decisions: Decision[];
}
export interface HypothesisRevision {
  statement: string;
  previous: string | null;
  decisionId: string;
  revisedAt: string;
}
export interface InitiativeListItem {
  id: string;
  teamId: string;
  title: string;
  status: InitiativeStatus;
  proposedAt: string;
  currentReach: number;
  ownerId: string | null;
  impact: Pick<ImpactAssessment, 'share' | 'recommendation'>;
  metrics: Array<Pick<SuccessMetric, 'id' | 'name' | 'unit' | 'latest' | 'target' | 'progress' | 'onTrack'>>;
}
export interface MetricPoint {
  periodStart: string;
  cohort: Cohort;
  iteration: number;
  n: number;
  mean: number;
  min: number;
  max: number;
}
export interface Feedback {
  id: string;
  initiativeId: string;
  authorId: string;
  /** Who put the feedback in: the author, or a director or manager who heard it from them. */
  recordedBy: string;
  kind: 'SUGGESTION' | 'CONCERN' | 'PRAISE';
  text: string;
  submittedAt: string;
}
export interface AuditEvent {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  occurredAt: string;
  actor: string;
  commandId: string | null;
  correlationId: string | null;
  data: unknown;
}
export interface AuditVerification {
  valid: boolean;
  checkedEvents: number;
  firstBrokenVersion: number | null;
}
export interface DecisionReplay {
  decision: Decision;
  initiativeBefore: Initiative;
  eventsBefore: number;
  recomputedEvidence: MetricEvidence[];
  evidenceMatches: boolean;
}

const IMPACT_FIELDS = `
  teamId asOf headcount reachedMembers coverage activeInitiatives
  initiativesByStatus { status count }
  hypothesisHitRate medianDaysToDecision
  overdue { initiativeId iteration kind since }
  analysisParalysis`;

const EVIDENCE_FIELDS = `
  metricId name baseline target latest progress
  comparison { metricId iteration pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue }`;

const INITIATIVE_FIELDS = `
  id teamId title problem status version hypothesis proposedBy proposedAt
  impact { potentialReach headcount share recommendation }
  metrics { id name unit direction baseline target cadence source kind latest progress onTrack }
  ownerId participantIds controlIds currentReach
  iterations { number change startedAt plannedEndAt completedAt outcome learnings overdue }
  decisions { id initiativeId kind rationale decidedBy decidedAt iteration evidence { ${EVIDENCE_FIELDS} } }`;

export const TEAMS_QUERY = `query Teams { teams { id name headcount impactThreshold paralysisLimitDays } }`;
export interface TeamsResult {
  teams: TeamSummary[];
}

export const PORTFOLIO_QUERY = `query Portfolio($asOf: DateTime) {
  portfolioImpact(asOf: $asOf) {
    asOf headcount reachedMembers coverage
    initiativesByStatus { status count }
    teams { ${IMPACT_FIELDS} }
  }
  teams { id name headcount impactThreshold paralysisLimitDays }
}`;
export interface PortfolioResult {
  portfolioImpact: PortfolioImpact;
  teams: TeamSummary[];
}

export const TEAM_IMPACT_QUERY = `query TeamImpact($teamId: ID!, $asOf: DateTime) {
  team(id: $teamId, asOf: $asOf) { id name headcount impactThreshold paralysisLimitDays }
  teamImpact(teamId: $teamId, asOf: $asOf) { ${IMPACT_FIELDS} }
}`;
export interface TeamImpactResult {
  team: TeamSummary | null;
  teamImpact: TeamImpact;
}

export const INITIATIVE_LIST_QUERY = `query InitiativeList($teamId: ID, $first: Int, $asOf: DateTime) {
  initiatives(filter: { teamId: $teamId }, first: $first, asOf: $asOf) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id teamId title status proposedAt currentReach ownerId
      impact { share recommendation }
      metrics { id name unit latest target progress onTrack }
    } }
  }
}`;
export interface InitiativeListResult {
  initiatives: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: InitiativeListItem }> };
}

export const INITIATIVE_QUERY = `query Initiative($id: ID!, $asOf: DateTime) {
  initiative(id: $id, asOf: $asOf) { ${INITIATIVE_FIELDS} }
}`;
export interface InitiativeResult {
  initiative: Initiative | null;
}

/** Asked on its own, so the page still works on a service without this extension. */
export const HYPOTHESIS_REVISIONS_QUERY = `query HypothesisRevisions($id: ID!, $asOf: DateTime) {
  initiative(id: $id, asOf: $asOf) { id hypothesisRevisions { statement previous decisionId revisedAt } }
}`;
export interface HypothesisRevisionsResult {
  initiative: { id: string; hypothesisRevisions: HypothesisRevision[] } | null;
}

export const TEAM_MEMBERS_QUERY = `query TeamMembers($teamId: ID!) {
  team(id: $teamId) { id name members { id name role managerId } }
}`;
export interface TeamMembersResult {
  team: { id: string; name: string; members: TeamMember[] } | null;
}

export interface RosterMember extends TeamMember {
  addedAt: string;
}
export interface Roster extends TeamSummary {
  version: number;
  members: RosterMember[];
}
/** A team with who is in it, for the roster and the forms that pick people. */
export const ROSTER_QUERY = `query Roster($teamId: ID!, $asOf: DateTime) {
  team(id: $teamId, asOf: $asOf) { id name version headcount impactThreshold paralysisLimitDays members { id name role managerId addedAt } }
}`;
export interface RosterResult {
  team: Roster | null;
}

export const METRIC_SERIES_QUERY = `query MetricSeries($initiativeId: ID!, $metricId: ID!, $asOf: DateTime) {
  metricSeries(initiativeId: $initiativeId, metricId: $metricId, asOf: $asOf) { periodStart cohort iteration n mean min max }
}`;
export interface MetricSeriesResult {
  metricSeries: MetricPoint[];
}

export const COHORT_COMPARISON_QUERY = `query CohortComparison($initiativeId: ID!, $metricId: ID!, $iteration: Int!, $asOf: DateTime) {
  cohortComparison(initiativeId: $initiativeId, metricId: $metricId, iteration: $iteration, asOf: $asOf) {
    metricId iteration pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue
  }
}`;
export interface CohortComparisonResult {
  cohortComparison: CohortComparison | null;
}

export interface MetricRule {
  metricId: string;
  kind: 'PRIMARY' | 'GUARDRAIL';
  minimumEffect: number | null;
  maximumHarm: number | null;
  confidence: number | null;
}
export interface DecisionRule {
  version: number;
  since: string | null;
  decisionId: string | null;
  metrics: MetricRule[];
}
export interface Recommendation {
  kind: DecisionKind;
  reasons: string[];
}
export interface DesignCheck {
  pilotSize: number | null;
  controlSize: number | null;
  confidence: number;
  smallestPossiblePValue: number | null;
  canReachConfidence: boolean | null;
  minimumDetectableEffect: number | null;
  warnings: string[];
}
export interface RuleMetric {
  id: string;
  name: string;
  unit: string;
  kind: 'PRIMARY' | 'GUARDRAIL';
}

const DESIGN_CHECK_FIELDS = `pilotSize controlSize confidence smallestPossiblePValue canReachConfidence minimumDetectableEffect warnings`;

/** The decision rule, its design check and the recommendations: asked on their own, so the page still works on a service without them. */
export const DECISION_RULE_QUERY = `query DecisionRule($id: ID!, $asOf: DateTime) {
  initiative(id: $id, asOf: $asOf) {
    id
    metrics { id name unit kind }
    decisionRule { version since decisionId metrics { metricId kind minimumEffect maximumHarm confidence } }
    decisionRules { version since decisionId }
    designCheck { ${DESIGN_CHECK_FIELDS} }
    iterations { number recommendation { kind reasons } }
    decisions { id iteration kind followsRule }
  }
}`;
export interface DecisionRuleResult {
  initiative: {
    id: string;
    metrics: RuleMetric[];
    decisionRule: DecisionRule | null;
    decisionRules: Array<Pick<DecisionRule, 'version' | 'since' | 'decisionId'>>;
    designCheck: DesignCheck | null;
    iterations: Array<{ number: number; recommendation: Recommendation | null }>;
    decisions: Array<{ id: string; iteration: number; kind: DecisionKind; followsRule: boolean | null }>;
  } | null;
}

/** The design check of planned cohort sizes, e.g. while a launch form is filled in. */
export const DESIGN_CHECK_QUERY = `query DesignCheck($id: ID!, $pilotSize: Int, $controlSize: Int) {
  initiative(id: $id) { id designCheck(pilotSize: $pilotSize, controlSize: $controlSize) { ${DESIGN_CHECK_FIELDS} } }
}`;
export interface DesignCheckResult {
  initiative: { id: string; designCheck: DesignCheck | null } | null;
}

/** What the rule recommends for one completed iteration, e.g. next to a decision form. */
export const RECOMMENDATION_QUERY = `query Recommendation($id: ID!) {
  initiative(id: $id) { id iterations { number recommendation { kind reasons } } }
}`;
export interface RecommendationResult {
  initiative: { id: string; iterations: Array<{ number: number; recommendation: Recommendation | null }> } | null;
}

export const FEEDBACK_QUERY = `query Feedback($initiativeId: ID!, $asOf: DateTime) {
  feedback(initiativeId: $initiativeId, asOf: $asOf) { id initiativeId authorId recordedBy kind text submittedAt }
}`;
export interface FeedbackResult {
  feedback: Feedback[];
}

export const DECISION_REPLAY_QUERY = `query DecisionReplay($decisionId: ID!) {
  decisionReplay(decisionId: $decisionId) {
    decision { id initiativeId kind rationale decidedBy decidedAt iteration evidence { ${EVIDENCE_FIELDS} } }
    initiativeBefore { ${INITIATIVE_FIELDS} }
    eventsBefore
    recomputedEvidence { ${EVIDENCE_FIELDS} }
    evidenceMatches
  }
}`;
export interface DecisionReplayResult {
  decisionReplay: DecisionReplay | null;
}

/** An extension of the contract: verified hash chain of an initiative's events. */
export const VERIFY_AUDIT_TRAIL_QUERY = `query VerifyAuditTrail($initiativeId: ID!) {
  verifyAuditTrail(initiativeId: $initiativeId) { valid checkedEvents firstBrokenVersion }
}`;
export interface VerifyAuditTrailResult {
  verifyAuditTrail: AuditVerification;
}

export const AUDIT_TRAIL_QUERY = `query AuditTrail($initiativeId: ID!, $first: Int, $after: String) {
  auditTrail(initiativeId: $initiativeId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { position streamId revision type occurredAt actor commandId correlationId data } }
  }
}`;
export interface AuditTrailResult {
  auditTrail: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: AuditEvent }>;
  };
}
