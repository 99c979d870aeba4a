/**
 * The demo's story, as the GraphQL mutations its people would have sent, each at the instant it
 * happened. Dates are fixed (not relative to the day the demo runs) so that the README's `asOf`
 * examples and sample outputs stay true on every machine and on every run.
 *
 * An SMB account-development team (a director, 3 managers, 20 reps) over 14 weeks of 2026:
 * - "channel", director-led: prospecting on LinkedIn, piloted with 4 reps and a control group of 4,
 *   with a decision rule written before launch (a minimum effect of 2 customers a week) and a
 *   baseline week of readings. The first iteration is INCONCLUSIVE and the rule recommends to
 *   PERSEVERE; the director overrides it with a PIVOT to voice notes, which restates the rule to a
 *   minimum effect of 3. The second iteration is VALIDATED, the rule recommends SCALE and the
 *   initiative is scaled to the whole team, as recommended.
 * - "followups", small enough to be delegated to a manager, who decides to PERSEVERE after a first
 *   inconclusive iteration; the second iteration runs past its planned end and is never closed.
 * - "handbook", proposed and never launched: analysis paralysis after 21 days.
 */

export type Actor = 'dana' | 'maya' | 'omar' | 'rep01' | 'rep02' | 'rep03' | 'rep09';

export interface DemoStep {
  /** When it happened: the service's clock reads this instant while it handles the step. */
  at: string;
  /** Whose token sends it: the actor written into the event. */
  actor: Actor;
  mutation: string;
  input: Record<string, unknown>;
  /** Stable, so running the demo again appends nothing. */
  commandId: string;
}

export const DEMO_TEAM = { id: 'smb', name: 'SMB account development' };
export const DEMO_INITIATIVES = ['channel', 'followups', 'handbook'];

/** Instants worth looking at with `asOf`, printed by the demo and used in the README's examples. */
export const DEMO_MOMENTS = {
  pilotLaunched: '2026-01-09T17:00:00Z',
  midPilot: '2026-02-11T12:00:00Z',
  scaled: '2026-02-24T12:00:00Z',
  overdue: '2026-03-30T12:00:00Z',
  end: '2026-04-10T18:00:00Z',
} as const;

export const DEMO_MOMENT_LABELS: Record<keyof typeof DEMO_MOMENTS, string> = {
  pilotLaunched: 'the LinkedIn pilot has just launched, its first iteration running',
  midPilot: 'mid-pilot: the second iteration (voice notes) is running after the pivot',
  scaled: 'the LinkedIn initiative has just been scaled to the whole team',
  overdue: 'the follow-ups iteration is past its planned end; the handbook has stalled for 28 days',
  end: 'the end of the story',
};

const MINUTE = 60_000;
const DAY = 86_400_000;

const MANAGERS = [
  { id: 'maya', name: 'Maya Brooks' },
  { id: 'omar', name: 'Omar Haddad' },
  { id: 'li', name: 'Li Wei' },
];
export const REPS = Array.from({ length: 20 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`);
const PILOT_REPS = REPS.slice(0, 4);
const CONTROL_REPS = REPS.slice(4, 8);
const FOLLOWUP_REPS = REPS.slice(8, 11);

/** Steps in the order they happened; each session's steps one minute apart from its start. */
class Story {
  readonly steps: DemoStep[] = [];
  private next = 0;
  private actor: Actor = 'dana';

  /** Starts a session: from `instant`, as `actor`. */
  at(instant: string, actor: Actor): this {
    const time = Date.parse(instant);
    if (this.steps.length > 0 && time <= Date.parse(this.steps[this.steps.length - 1].at)) {
      throw new Error(`The demo story goes back in time at ${instant}`);
    }
    this.next = time;
    this.actor = actor;
    return this;
  }

  send(mutation: string, commandId: string, input: Record<string, unknown>): this {
    this.steps.push({ at: new Date(this.next).toISOString(), actor: this.actor, mutation, input, commandId });
    this.next += MINUTE;
    return this;
  }
}

/** The Monday of week `n` of the story (week 1 starts on Monday 5 January 2026), as a period start. */
function week(n: number): string {
  return new Date(Date.parse('2026-01-05T00:00:00Z') + (n - 1) * 7 * DAY).toISOString();
}

/** Friday 16:00 of week `n`, when the week's readings are entered. */
function fridayOf(n: number): string {
  return new Date(Date.parse(week(n)) + 4 * DAY + 16 * 60 * MINUTE).toISOString();
}

function readings(
  story: Story,
  initiativeId: string,
  metricId: string,
  weekNumber: number,
  pilot: number[],
  control: number[] = [],
): void {
  pilot.forEach((value, i) =>
    story.send('recordMeasurement', `${initiativeId}-w${weekNumber}-pilot-${i + 1}`, {
      initiativeId,
      metricId,
      value,
      periodStart: week(weekNumber),
      cohort: 'PILOT',
      participantId: (initiativeId === 'channel' ? PILOT_REPS : FOLLOWUP_REPS)[i],
    }),
  );
  control.forEach((value, i) =>
    story.send('recordMeasurement', `${initiativeId}-w${weekNumber}-control-${i + 1}`, {
      initiativeId,
      metricId,
      value,
      periodStart: week(weekNumber),
      cohort: 'CONTROL',
      participantId: CONTROL_REPS[i],
    }),
  );
}

function tellStory(): DemoStep[] {
  const story = new Story();

  story.at('2026-01-05T09:00:00Z', 'dana').send('registerTeam', 'team', {
    teamId: DEMO_TEAM.id,
    name: DEMO_TEAM.name,
    impactThreshold: 0.5,
    paralysisLimitDays: 21,
  });
  story.send('addTeamMember', 'member-dana', { teamId: 'smb', memberId: 'dana', name: 'Dana Reyes', role: 'DIRECTOR' });
  for (const m of MANAGERS) {
    story.send('addTeamMember', `member-${m.id}`, { teamId: 'smb', memberId: m.id, name: m.name, role: 'MANAGER' });
  }
  REPS.forEach((rep, i) =>
    story.send('addTeamMember', `member-${rep}`, {
      teamId: 'smb',
      memberId: rep,
      name: `Rep ${i + 1}`,
      role: 'IC',
      managerId: MANAGERS[i % 3].id,
    }),
  );

  story.at('2026-01-06T10:00:00Z', 'dana').send('proposeInitiative', 'channel-propose', {
    initiativeId: 'channel',
    teamId: 'smb',
    title: 'Prospect on LinkedIn',
    problem: 'Cold email reply rates keep falling',
    potentialReach: 20,
  });
  story
    .at('2026-01-08T14:00:00Z', 'dana')
    .send('stateHypothesis', 'channel-hypothesis', {
      initiativeId: 'channel',
      statement: 'We believe that prospecting on LinkedIn for SMB reps will engage more customers each week',
    })
    .send('defineSuccessMetric', 'channel-metric', {
      initiativeId: 'channel',
      metricId: 'engaged',
      name: 'Customers engaged per week',
      unit: 'customers',
      direction: 'INCREASE',
      baseline: 10,
      target: 15,
      cadence: 'WEEKLY',
      source: 'CRM activity report',
      minimumEffect: 2,
      confidence: 0.95,
      baselineSpread: 1.5,
    });
  story.at('2026-01-09T15:00:00Z', 'dana').send('launchPilot', 'channel-launch', {
    initiativeId: 'channel',
    ownerId: 'maya',
    participantIds: PILOT_REPS,
    controlIds: CONTROL_REPS,
  });
  story.at('2026-01-09T15:30:00Z', 'maya').send('startIteration', 'channel-iteration-1', {
    initiativeId: 'channel',
    change: 'Reps send LinkedIn connection requests',
    plannedEndAt: '2026-01-23T17:00:00Z',
  });
  // The week before the launch: baseline readings, which the comparison adjusts for.
  readings(story.at(fridayOf(1), 'maya'), 'channel', 'engaged', 1, [10, 11, 9, 12], [10, 11, 9, 11]);
  readings(story.at(fridayOf(2), 'maya'), 'channel', 'engaged', 2, [11, 12, 10, 13], [10, 12, 11, 11]);
  readings(story.at(fridayOf(3), 'maya'), 'channel', 'engaged', 3, [12, 11, 11, 12], [11, 10, 12, 11]);
  story.at('2026-01-23T17:00:00Z', 'maya').send('completeIteration', 'channel-iteration-1-complete', {
    initiativeId: 'channel',
    outcome: 'INCONCLUSIVE',
    learnings: 'Connection requests alone are mostly ignored',
  });
  story.at('2026-01-27T10:00:00Z', 'dana').send('recordDecision', 'channel-pivot', {
    initiativeId: 'channel',
    kind: 'PIVOT',
    rationale:
      "Engagement barely moved; try voice notes instead. They take the reps' time, so the bar rises to 3 customers",
    revisedHypothesis: 'We believe that LinkedIn voice notes for SMB reps will engage more customers each week',
    revisedRule: [{ metricId: 'engaged', minimumEffect: 3, confidence: 0.95 }],
  });
  story.at('2026-02-02T09:00:00Z', 'maya').send('startIteration', 'channel-iteration-2', {
    initiativeId: 'channel',
    change: 'Reps follow up with voice notes',
    plannedEndAt: '2026-02-20T17:00:00Z',
  });
  readings(story.at(fridayOf(5), 'maya'), 'channel', 'engaged', 5, [14, 15, 13, 16], [10, 11, 10, 11]);

  story.at('2026-02-09T10:00:00Z', 'dana').send('proposeInitiative', 'followups-propose', {
    initiativeId: 'followups',
    teamId: 'smb',
    title: 'Same-day follow-ups',
    problem: 'Inbound leads go cold before anyone calls them',
    potentialReach: 3,
  });
  story
    .at('2026-02-10T11:00:00Z', 'dana')
    .send('stateHypothesis', 'followups-hypothesis', {
      initiativeId: 'followups',
      statement: 'We believe that calling new leads the same day will raise demo bookings',
    })
    .send('defineSuccessMetric', 'followups-metric', {
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
  story.at('2026-02-11T15:00:00Z', 'rep01').send('submitFeedback', 'feedback-rep01', {
    initiativeId: 'channel',
    authorId: 'rep01',
    kind: 'PRAISE',
    text: 'Voice notes feel natural and customers answer',
  });
  readings(story.at(fridayOf(6), 'maya'), 'channel', 'engaged', 6, [15, 16, 14, 17], [10, 11, 9, 10]);

  story.at('2026-02-16T09:00:00Z', 'dana').send('launchPilot', 'followups-launch', {
    initiativeId: 'followups',
    ownerId: 'omar',
    participantIds: FOLLOWUP_REPS,
  });
  story.at('2026-02-16T09:30:00Z', 'omar').send('startIteration', 'followups-iteration-1', {
    initiativeId: 'followups',
    change: 'Call every new lead the same day',
    plannedEndAt: '2026-03-06T17:00:00Z',
  });
  story.at('2026-02-18T12:00:00Z', 'rep02').send('submitFeedback', 'feedback-rep02', {
    initiativeId: 'channel',
    authorId: 'rep02',
    kind: 'CONCERN',
    text: 'Recording notes takes time away from calls',
  });
  readings(story.at(fridayOf(7), 'maya'), 'channel', 'engaged', 7, [16, 16, 15, 17], [11, 10, 10, 11]);
  readings(story.at('2026-02-20T16:30:00Z', 'omar'), 'followups', 'demos', 7, [2, 3, 2]);
  story.at('2026-02-20T17:00:00Z', 'maya').send('completeIteration', 'channel-iteration-2-complete', {
    initiativeId: 'channel',
    outcome: 'VALIDATED',
    learnings: 'Voice notes roughly double replies',
  });
  story.at('2026-02-24T11:00:00Z', 'dana').send('recordDecision', 'channel-scale', {
    initiativeId: 'channel',
    kind: 'SCALE',
    rationale: 'Pilot reps engaged about five more customers a week than the control group',
  });
  readings(story.at(fridayOf(8), 'omar'), 'followups', 'demos', 8, [3, 2, 3]);

  story.at('2026-03-02T10:00:00Z', 'dana').send('proposeInitiative', 'handbook-propose', {
    initiativeId: 'handbook',
    teamId: 'smb',
    title: 'Shared objection handbook',
    problem: 'Answers to common objections vary from rep to rep',
    potentialReach: 20,
  });
  story.at('2026-03-04T09:00:00Z', 'rep03').send('submitFeedback', 'feedback-rep03', {
    initiativeId: 'channel',
    authorId: 'rep03',
    kind: 'SUGGESTION',
    text: 'Share the best voice notes in the weekly meeting',
  });
  readings(story.at(fridayOf(9), 'omar'), 'followups', 'demos', 9, [2, 3, 3]);
  story.at('2026-03-06T17:00:00Z', 'omar').send('completeIteration', 'followups-iteration-1-complete', {
    initiativeId: 'followups',
    outcome: 'INCONCLUSIVE',
    learnings: 'Three weeks bring too few inbound leads to tell',
  });
  story.at('2026-03-10T10:00:00Z', 'omar').send('recordDecision', 'followups-persevere', {
    initiativeId: 'followups',
    kind: 'PERSEVERE',
    rationale: 'Keep calling the same day for three more weeks to gather enough leads',
  });
  story.at('2026-03-10T10:30:00Z', 'omar').send('startIteration', 'followups-iteration-2', {
    initiativeId: 'followups',
    change: 'Call every new lead the same day, with a booking link in the follow-up email',
    plannedEndAt: '2026-03-27T17:00:00Z',
  });
  story.at('2026-03-18T14:00:00Z', 'rep09').send('submitFeedback', 'feedback-rep09', {
    initiativeId: 'followups',
    authorId: 'rep09',
    kind: 'CONCERN',
    text: 'Same-day calls clash with the afternoon demo slots',
  });
  readings(story.at(fridayOf(11), 'omar'), 'followups', 'demos', 11, [3, 3, 4]);
  readings(story.at(fridayOf(12), 'omar'), 'followups', 'demos', 12, [4, 3, 3]);
  readings(story.at(fridayOf(13), 'omar'), 'followups', 'demos', 13, [3, 4, 4]);
  readings(story.at(fridayOf(14), 'omar'), 'followups', 'demos', 14, [4, 4, 3]);
  return story.steps;
}

export const DEMO_STORY: readonly DemoStep[] = tellStory();
