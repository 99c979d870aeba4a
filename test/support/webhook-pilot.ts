import { Gql } from './graphql-client';
import { ok } from './story';

export interface SmallPilot {
  teamId: string;
  initiativeId: string;
  managerId: string;
  icId: string;
}

/** A team of one manager and one IC, and an initiative piloting with the IC: the least a webhook can report on. */
export async function smallPilot(gql: Gql, name: string): Promise<SmallPilot> {
  const send = (query: string, input: Record<string, unknown>) => ok(gql(query, { input }));
  const teamId = `team-${name}`;
  const initiativeId = `initiative-${name}`;
  const managerId = `manager-${name}`;
  const icId = `ic-${name}`;
  await send(`mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id } }`, {
    teamId,
    name: `Team ${name}`,
    paralysisLimitDays: 10,
  });
  const addMember = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }`;
  await send(addMember, { teamId, memberId: managerId, name: 'Maria Manager', role: 'MANAGER' });
  await send(addMember, { teamId, memberId: icId, name: 'Ivan IC', role: 'IC', managerId });
  await send(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
    initiativeId,
    teamId,
    title: `Pilot ${name}`,
    problem: 'Replies are slow',
    potentialReach: 1,
  });
  await send(`mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { id } }`, {
    initiativeId,
    statement: 'We believe that templates for reps will double replies',
  });
  await send(`mutation($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { id } }`, {
    initiativeId,
    metricId: 'replies',
    name: 'Replies per week',
    unit: 'replies',
    direction: 'INCREASE',
    baseline: 10,
    target: 20,
    cadence: 'WEEKLY',
    source: 'CRM',
  });
  await send(`mutation($input: LaunchPilotInput!) { launchPilot(input: $input) { id } }`, {
    initiativeId,
    ownerId: managerId,
    participantIds: [icId],
  });
  return { teamId, initiativeId, managerId, icId };
}

export async function submitFeedback(gql: Gql, pilot: SmallPilot, text: string): Promise<void> {
  await ok(
    gql(`mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`, {
      input: { initiativeId: pilot.initiativeId, authorId: pilot.icId, kind: 'CONCERN', text },
    }),
  );
}

export async function startIteration(gql: Gql, pilot: SmallPilot, plannedEndAt: string): Promise<void> {
  await ok(
    gql(`mutation($input: StartIterationInput!) { startIteration(input: $input) { id } }`, {
      input: { initiativeId: pilot.initiativeId, change: 'Reply templates', plannedEndAt },
    }),
  );
}

export async function completeIteration(gql: Gql, pilot: SmallPilot): Promise<void> {
  await ok(
    gql(`mutation($input: CompleteIterationInput!) { completeIteration(input: $input) { id } }`, {
      input: { initiativeId: pilot.initiativeId, outcome: 'VALIDATED', learnings: 'Templates help' },
    }),
  );
}

export async function decide(gql: Gql, pilot: SmallPilot, kind: string): Promise<string> {
  const data = await ok<{ recordDecision: { decisions: { id: string }[] } }>(
    gql(`mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decisions { id } } }`, {
      input: { initiativeId: pilot.initiativeId, kind, rationale: 'Replies doubled in the pilot' },
    }),
  );
  return data.recordDecision.decisions[data.recordDecision.decisions.length - 1].id;
}

export interface CreatedWebhook {
  id: string;
  secret: string | null;
}

export async function createWebhook(
  gql: Gql,
  input: { url: string; events: string[]; teamIds: string[]; format?: string; webhookId?: string },
): Promise<CreatedWebhook> {
  const data = await ok<{ createWebhook: CreatedWebhook }>(
    gql(`mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { id secret } }`, { input }),
  );
  return data.createWebhook;
}

export interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export async function deliveriesOf(gql: Gql, webhookId: string): Promise<Delivery[]> {
  const data = await ok<{ webhookDeliveries: { edges: { node: Delivery }[] } }>(
    gql(
      `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 500) { edges { node { id event status attempts lastResponseCode lastError nextAttemptAt } } } }`,
      { id: webhookId },
    ),
  );
  return data.webhookDeliveries.edges.map((edge) => edge.node);
}
