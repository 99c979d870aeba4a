import { Gql, GraphQLResponse, StoryClock } from './graphql-client';

/**
 * The reference story, driven over GraphQL as a user's script would: an SMB account-development
 * team (a director, 3 managers, 20 ICs); a director-led initiative piloted with 4 ICs and a
 * control group of 4 through an INCONCLUSIVE iteration, a PIVOT, a VALIDATED iteration and SCALE;
 * a manager-led initiative whose iteration runs past its planned end; an idle proposal.
 */
export const STORY_START = '2026-01-05T09:00:00.000Z';

export interface Story {
  teamId: string;
  channel: string;
  delegated: string;
  idle: string;
  metricId: string;
  delegatedMetricId: string;
  pivotDecisionId: string;
  scaleDecisionId: string;
  /** Instants captured during the story, with what was true then. */
  moments: Record<'afterLaunch' | 'afterPivot' | 'afterScale' | 'end', string>;
  managers: string[];
  ics: string[];
}

export const PILOT_ITERATION_1 = [11, 12, 10, 13];
export const CONTROL_ITERATION_1 = [10, 12, 11, 11];
export const PILOT_ITERATION_2 = [15, 16, 14, 17];
export const CONTROL_ITERATION_2 = [10, 11, 9, 10];

export async function ok<T>(response: Promise<GraphQLResponse<T>>): Promise<T> {
  const result = await response;
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(2, '0')}`;

export async function loadStory(app: { gql: Gql }, clock: StoryClock, suffix = ''): Promise<Story> {
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) =>
    ok<T>(app.gql<T>(query, variables));
  const teamId = `smb${suffix}`;
  const managers = [1, 2, 3].map((n) => id(`mgr${suffix}-`, n));
  const ics = Array.from({ length: 20 }, (_, i) => id(`ic${suffix}-`, i + 1));
  await clock.set(STORY_START);

  await gql(`mutation($input: RegisterTeamInput!) { registerTeam(input: $input) { id } }`, {
    input: { teamId, name: 'SMB account development', impactThreshold: 0.5, paralysisLimitDays: 21 },
  });
  const addMember = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { version } }`;
  await gql(addMember, { input: { teamId, memberId: `dir${suffix}`, name: 'Dana Director', role: 'DIRECTOR' } });
  for (const [i, m] of managers.entries()) {
    await gql(addMember, { input: { teamId, memberId: m, name: `Manager ${i + 1}`, role: 'MANAGER' } });
  }
  for (const [i, ic] of ics.entries()) {
    const managerId = managers[i % 3];
    await gql(addMember, { input: { teamId, memberId: ic, name: `Rep ${i + 1}`, role: 'IC', managerId } });
  }

  const propose = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`;
  const channel = `channel${suffix}`;
  await gql(propose, {
    input: {
      initiativeId: channel,
      teamId,
      title: 'Prospect on a new channel',
      problem: 'Cold email reply rates keep falling',
      potentialReach: 20,
    },
  });
  await gql(`mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { status } }`, {
    input: {
      initiativeId: channel,
      statement: 'We believe that prospecting on LinkedIn for SMB reps will engage more customers each week',
    },
  });
  const metricId = `engaged${suffix}`;
  const defineMetric = `mutation($input: DefineSuccessMetricInput!) { defineSuccessMetric(input: $input) { status } }`;
  await gql(defineMetric, {
    input: {
      initiativeId: channel,
      metricId,
      name: 'Customers engaged per week',
      unit: 'customers',
      direction: 'INCREASE',
      baseline: 10,
      target: 15,
      cadence: 'WEEKLY',
      source: 'CRM activity report',
    },
  });
  const launch = `mutation($input: LaunchPilotInput!) { launchPilot(input: $input) { status } }`;
  await clock.advanceDays(2);
  await gql(launch, {
    input: {
      initiativeId: channel,
      ownerId: managers[0],
      participantIds: ics.slice(0, 4),
      controlIds: ics.slice(4, 8),
    },
  });
  const afterLaunch = clock.now();

  const startIteration = `mutation($input: StartIterationInput!) { startIteration(input: $input) { version } }`;
  const measure = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { version } }`;
  const complete = `mutation($input: CompleteIterationInput!) { completeIteration(input: $input) { version } }`;
  const decide = `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { decisions { id kind } } }`;

  async function iteration(change: string, pilot: number[], control: number[], weekStart: string) {
    await clock.advanceDays(1);
    const plannedEndAt = new Date(Date.parse(clock.now()) + 14 * 86_400_000).toISOString();
    await gql(startIteration, { input: { initiativeId: channel, change, plannedEndAt } });
    await clock.advanceDays(7);
    for (const [i, value] of pilot.entries()) {
      await gql(measure, {
        input: {
          initiativeId: channel,
          metricId,
          value,
          periodStart: weekStart,
          cohort: 'PILOT',
          participantId: ics[i],
        },
      });
    }
    for (const [i, value] of control.entries()) {
      await gql(measure, {
        input: {
          initiativeId: channel,
          metricId,
          value,
          periodStart: weekStart,
          cohort: 'CONTROL',
          participantId: ics[4 + i],
        },
      });
    }
    await clock.advanceDays(6);
  }

  await iteration('Reps send LinkedIn connection requests', PILOT_ITERATION_1, CONTROL_ITERATION_1, '2026-01-12');
  await gql(complete, {
    input: { initiativeId: channel, outcome: 'INCONCLUSIVE', learnings: 'Requests alone are ignored' },
  });
  await clock.advanceDays(1);
  const pivot = await gql<{ recordDecision: { decisions: Array<{ id: string }> } }>(decide, {
    input: {
      initiativeId: channel,
      kind: 'PIVOT',
      rationale: 'Engagement barely moved; try voice notes instead of plain requests',
      revisedHypothesis: 'We believe that LinkedIn voice notes for SMB reps will engage more customers each week',
    },
  });
  const afterPivot = clock.now();
  await iteration('Reps follow up with voice notes', PILOT_ITERATION_2, CONTROL_ITERATION_2, '2026-01-26');
  await gql(complete, {
    input: { initiativeId: channel, outcome: 'VALIDATED', learnings: 'Voice notes double replies' },
  });
  await clock.advanceDays(1);
  const scale = await gql<{ recordDecision: { decisions: Array<{ id: string }> } }>(decide, {
    input: { initiativeId: channel, kind: 'SCALE', rationale: 'Pilot reps engaged 5.5 more customers a week' },
  });
  const afterScale = clock.now();

  const delegated = `followups${suffix}`;
  await gql(propose, {
    input: {
      initiativeId: delegated,
      teamId,
      title: 'Same-day follow-ups',
      problem: 'Leads go cold',
      potentialReach: 3,
    },
  });
  await gql(`mutation($input: StateHypothesisInput!) { stateHypothesis(input: $input) { status } }`, {
    input: { initiativeId: delegated, statement: 'We believe same-day follow-ups will raise demo bookings' },
  });
  const delegatedMetricId = `demos${suffix}`;
  await gql(defineMetric, {
    input: {
      initiativeId: delegated,
      metricId: delegatedMetricId,
      name: 'Demos booked per week',
      unit: 'demos',
      direction: 'INCREASE',
      baseline: 2,
      target: 4,
      cadence: 'WEEKLY',
      source: 'Calendar',
    },
  });
  await gql(launch, { input: { initiativeId: delegated, ownerId: managers[1], participantIds: ics.slice(8, 11) } });
  await gql(startIteration, {
    input: {
      initiativeId: delegated,
      change: 'Call every new lead the same day',
      plannedEndAt: new Date(Date.parse(clock.now()) + 7 * 86_400_000).toISOString(),
    },
  });

  const idle = `idle${suffix}`;
  await gql(propose, {
    input: {
      initiativeId: idle,
      teamId,
      title: 'Shared objection handbook',
      problem: 'Answers vary',
      potentialReach: 20,
    },
  });
  await gql(`mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`, {
    input: { initiativeId: channel, authorId: ics[0], kind: 'PRAISE', text: 'Voice notes feel natural' },
  });
  await clock.advanceDays(30);
  return {
    teamId,
    channel,
    delegated,
    idle,
    metricId,
    delegatedMetricId,
    pivotDecisionId: pivot.recordDecision.decisions[0].id,
    scaleDecisionId: scale.recordDecision.decisions[1].id,
    moments: { afterLaunch, afterPivot, afterScale, end: clock.now() },
    managers,
    ics,
  };
}
