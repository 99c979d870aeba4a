import { loadConfig } from '../src/config/config';
import { resolveJwtSecret } from '../src/shared/auth/jwt-secret';
import { signToken } from '../src/shared/auth/tokens';

/**
 * Loads a demo story into a running service over GraphQL, as any user's script would. Every
 * step has a stable id and commandId, so running it twice adds nothing.
 */
const URL = process.env.PILOTLOG_URL ?? 'http://127.0.0.1:3000/graphql';
const DAY = 86_400_000;

let token = '';

async function gql(query: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data ?? {};
}

const mutation = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { id } }`;
const weeksAgo = (n: number) => new Date(Math.floor(Date.now() / (7 * DAY) - n) * 7 * DAY).toISOString();
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString();

async function main(): Promise<void> {
  const config = loadConfig();
  token = await signToken(resolveJwtSecret(config.jwtSecret, config.dataDir), {
    sub: 'dana.director',
    role: 'DIRECTOR',
    teams: '*',
  });
  let step = 0;
  const send = (name: string, type: string, input: Record<string, unknown>) =>
    gql(mutation(name, type), { ...input, commandId: `demo-${++step}` });

  await send('registerTeam', 'RegisterTeamInput', { teamId: 'smb', name: 'SMB account development' });
  const add = (memberId: string, name: string, role: string, managerId?: string) =>
    send('addTeamMember', 'AddTeamMemberInput', { teamId: 'smb', memberId, name, role, managerId });
  await add('dana.director', 'Dana Director', 'DIRECTOR');
  const managers = ['maya', 'omar', 'li'];
  for (const m of managers) await add(m, m[0].toUpperCase() + m.slice(1), 'MANAGER');
  const reps = Array.from({ length: 20 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
  for (const [i, r] of reps.entries()) await add(r, `Rep ${i + 1}`, 'IC', managers[i % 3]);

  await send('proposeInitiative', 'ProposeInitiativeInput', {
    initiativeId: 'channel',
    teamId: 'smb',
    title: 'Prospect on LinkedIn',
    problem: 'Cold email reply rates keep falling',
    potentialReach: 20,
  });
  await send('stateHypothesis', 'StateHypothesisInput', {
    initiativeId: 'channel',
    statement: 'We believe that prospecting on LinkedIn for SMB reps will engage more customers each week',
  });
  await send('defineSuccessMetric', 'DefineSuccessMetricInput', {
    initiativeId: 'channel',
    metricId: 'engaged',
    name: 'Customers engaged per week',
    unit: 'customers',
    direction: 'INCREASE',
    baseline: 10,
    target: 15,
    cadence: 'WEEKLY',
    source: 'CRM activity report',
  });
  await send('launchPilot', 'LaunchPilotInput', {
    initiativeId: 'channel',
    ownerId: 'maya',
    participantIds: reps.slice(0, 4),
    controlIds: reps.slice(4, 8),
  });
  const weeks = async (change: string, pilot: number[][], control: number[][], firstWeek: number) => {
    await send('startIteration', 'StartIterationInput', { initiativeId: 'channel', change, plannedEndAt: inDays(14) });
    for (const [w, values] of pilot.entries()) {
      for (const [i, value] of values.entries()) {
        await send('recordMeasurement', 'RecordMeasurementInput', {
          initiativeId: 'channel',
          metricId: 'engaged',
          value,
          periodStart: weeksAgo(firstWeek - w),
          cohort: 'PILOT',
          participantId: reps[i],
        });
        await send('recordMeasurement', 'RecordMeasurementInput', {
          initiativeId: 'channel',
          metricId: 'engaged',
          value: control[w][i],
          periodStart: weeksAgo(firstWeek - w),
          cohort: 'CONTROL',
          participantId: reps[4 + i],
        });
      }
    }
  };
  await weeks(
    'Reps send LinkedIn connection requests',
    [
      [11, 12, 10, 13],
      [12, 11, 11, 12],
    ],
    [
      [10, 12, 11, 11],
      [11, 10, 12, 11],
    ],
    6,
  );
  await send('completeIteration', 'CompleteIterationInput', {
    initiativeId: 'channel',
    outcome: 'INCONCLUSIVE',
    learnings: 'Connection requests alone are mostly ignored',
  });
  await send('recordDecision', 'RecordDecisionInput', {
    initiativeId: 'channel',
    kind: 'PIVOT',
    rationale: 'Engagement barely moved; try voice notes instead of plain requests',
    revisedHypothesis: 'We believe that LinkedIn voice notes for SMB reps will engage more customers each week',
  });
  await weeks(
    'Reps follow up with voice notes',
    [
      [14, 15, 13, 16],
      [15, 16, 14, 17],
    ],
    [
      [10, 11, 10, 11],
      [10, 11, 9, 10],
    ],
    3,
  );
  await send('completeIteration', 'CompleteIterationInput', {
    initiativeId: 'channel',
    outcome: 'VALIDATED',
    learnings: 'Voice notes roughly double replies',
  });
  await send('recordDecision', 'RecordDecisionInput', {
    initiativeId: 'channel',
    kind: 'SCALE',
    rationale: 'Pilot reps engaged about five more customers a week than the control group',
  });

  await send('proposeInitiative', 'ProposeInitiativeInput', {
    initiativeId: 'followups',
    teamId: 'smb',
    title: 'Same-day follow-ups',
    problem: 'Inbound leads go cold',
    potentialReach: 3,
  });
  await send('stateHypothesis', 'StateHypothesisInput', {
    initiativeId: 'followups',
    statement: 'We believe that calling new leads the same day will raise demo bookings',
  });
  await send('defineSuccessMetric', 'DefineSuccessMetricInput', {
    initiativeId: 'followups',
    metricId: 'demos',
    name: 'Demos booked per week',
    unit: 'demos',
    direction: 'INCREASE',
    baseline: 2,
    target: 4,
    cadence: 'WEEKLY',
    source: 'Calendar',
  });
  await send('launchPilot', 'LaunchPilotInput', {
    initiativeId: 'followups',
    ownerId: 'omar',
    participantIds: reps.slice(8, 11),
  });
  await send('startIteration', 'StartIterationInput', {
    initiativeId: 'followups',
    change: 'Call every new lead the same day',
    plannedEndAt: inDays(7),
  });
  await send('proposeInitiative', 'ProposeInitiativeInput', {
    initiativeId: 'handbook',
    teamId: 'smb',
    title: 'Shared objection handbook',
    problem: 'Answers to common objections vary from rep to rep',
    potentialReach: 20,
  });
  for (const [i, [kind, text]] of [
    ['PRAISE', 'Voice notes feel natural and customers answer'],
    ['CONCERN', 'Recording notes takes time away from calls'],
    ['SUGGESTION', 'Share the best voice notes in the weekly meeting'],
  ].entries()) {
    await send('submitFeedback', 'SubmitFeedbackInput', { initiativeId: 'channel', authorId: reps[i], kind, text });
  }
  console.log(`Demo story loaded into ${URL}: team "smb", initiatives "channel", "followups", "handbook".`);
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
