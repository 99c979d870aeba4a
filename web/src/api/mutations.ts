/** Every write the dashboard sends: one mutation per command, each answering the entity as its write left it. */
import type { Cohort, DecisionKind, Initiative, IterationOutcome, MemberRole } from './queries';

/** What every command input may carry besides its fields; the dashboard sets both. */
export interface Sender {
  commandId?: string;
  expectedVersion?: number;
}

const TEAM_ANSWER = `id name version headcount members { id name role managerId addedAt }`;
const INITIATIVE_ANSWER = `id teamId status version`;

export interface TeamAnswer {
  id: string;
  name: string;
  version: number;
  headcount: number;
}
export type InitiativeAnswer = Pick<Initiative, 'id' | 'teamId' | 'status' | 'version'>;

export const REGISTER_TEAM = `mutation RegisterTeam($input: RegisterTeamInput!) { registerTeam(input: $input) { ${TEAM_ANSWER} } }`;
export interface RegisterTeamInput extends Sender {
  teamId?: string;
  name: string;
  impactThreshold?: number;
  paralysisLimitDays?: number;
}

export interface NewTeamMember {
  memberId: string;
  name: string;
  role: MemberRole;
  managerId?: string;
}

export const ADD_TEAM_MEMBER = `mutation AddTeamMember($input: AddTeamMemberInput!) { addTeamMember(input: $input) { ${TEAM_ANSWER} } }`;
export interface AddTeamMemberInput extends Sender, NewTeamMember {
  teamId: string;
}

export const ADD_TEAM_MEMBERS = `mutation AddTeamMembers($input: AddTeamMembersInput!) { addTeamMembers(input: $input) { ${TEAM_ANSWER} } }`;
export interface AddTeamMembersInput extends Sender {
  teamId: string;
  members: NewTeamMember[];
}

export const REMOVE_TEAM_MEMBER = `mutation RemoveTeamMember($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { ${TEAM_ANSWER} } }`;
export interface RemoveTeamMemberInput extends Sender {
  teamId: string;
  memberId: string;
}

export const PROPOSE_INITIATIVE = `mutation ProposeInitiative($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface ProposeInitiativeInput extends Sender {
  initiativeId?: string;
  teamId: string;
  title: string;
  problem: string;
  potentialReach: number;
}

export const STATE_HYPOTHESIS = `mutation StateHypothesis($input: StateHypothesisInput!) { stateHypothesis(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface StateHypothesisInput extends Sender {
  initiativeId: string;
  statement: string;
}

export const DEFINE_SUCCESS_METRIC = `mutation DefineSuccessMetric($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface DefineSuccessMetricInput extends Sender {
  initiativeId: string;
  metricId?: string;
  name: string;
  unit: string;
  direction: 'INCREASE' | 'DECREASE';
  baseline: number;
  target: number;
  cadence: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  source: string;
  kind: 'PRIMARY' | 'GUARDRAIL';
}

export const LAUNCH_PILOT = `mutation LaunchPilot($input: LaunchPilotInput!) { launchPilot(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface LaunchPilotInput extends Sender {
  initiativeId: string;
  ownerId: string;
  participantIds: string[];
  controlIds: string[];
}

export const START_ITERATION = `mutation StartIteration($input: StartIterationInput!) { startIteration(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface StartIterationInput extends Sender {
  initiativeId: string;
  change: string;
  plannedEndAt: string;
}

export const COMPLETE_ITERATION = `mutation CompleteIteration($input: CompleteIterationInput!) { completeIteration(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface CompleteIterationInput extends Sender {
  initiativeId: string;
  outcome: IterationOutcome;
  learnings: string;
}

export interface Reading {
  metricId: string;
  value: number;
  periodStart: string;
  cohort: Cohort;
  participantId?: string;
}

export const RECORD_MEASUREMENTS = `mutation RecordMeasurements($input: RecordMeasurementsInput!) { recordMeasurements(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface RecordMeasurementsInput extends Sender {
  initiativeId: string;
  readings: Reading[];
}

export const RECORD_DECISION = `mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { ${INITIATIVE_ANSWER} decisions { id kind } } }`;
export interface RecordDecisionInput extends Sender {
  initiativeId: string;
  kind: DecisionKind;
  rationale: string;
  revisedHypothesis?: string;
}

export const SUBMIT_FEEDBACK = `mutation SubmitFeedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { ${INITIATIVE_ANSWER} } }`;
export interface SubmitFeedbackInput extends Sender {
  initiativeId: string;
  authorId: string;
  kind: 'SUGGESTION' | 'CONCERN' | 'PRAISE';
  text: string;
}
