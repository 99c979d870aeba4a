import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { describeComparison } from '../../web/src/format';
import { nextPeriod, periodStartOf } from '../../web/src/forms/parse';
import { ok } from '../support/story';
import { startTestApp, TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { expectAccessible, expectText, findChromium, REPO_ROOT } from './browser-support';

/** The forms' screenshots are taken only by `npm run screenshots`, so a test run leaves the tree as it found it. */
const SCREENSHOTS = process.env.npm_lifecycle_event === 'screenshots' ? join(REPO_ROOT, 'docs', 'screenshots') : null;

jest.setTimeout(120_000);

const TEAM = 'smb-ui';
const INITIATIVE = 'linkedin';
const METRIC = 'engaged';

const MANAGERS = [
  ['Maya Ortiz', 'maya'],
  ['Omar Haddad', 'omar'],
];
const PILOT = [
  ['Ivan Petrov', 'ivan'],
  ['Ana Lima', 'ana'],
  ['Leo Brandt', 'leo'],
  ['Zoe Clarke', 'zoe'],
];
const CONTROL = [
  ['Eli Novak', 'eli'],
  ['Kim Park', 'kim'],
  ['Sam Reyes', 'sam'],
  ['Noa Weiss', 'noa'],
];

/** Weekly readings per person (pilot group first, then control), four weeks per iteration. */
const WEEKS_1_TO_4 = [
  [11, 12, 11, 12],
  [12, 11, 13, 12],
  [10, 13, 12, 11],
  [13, 12, 12, 13],
  [10, 11, 10, 11],
  [11, 10, 11, 10],
  [10, 10, 11, 11],
  [11, 11, 10, 10],
];
const WEEKS_5_TO_8 = [
  [15, 16, 15, 17],
  [16, 15, 17, 16],
  [14, 16, 16, 15],
  [17, 16, 15, 16],
  [10, 11, 10, 10],
  [11, 10, 10, 11],
  [10, 9, 11, 10],
  [9, 10, 10, 11],
];

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

interface InitiativeState {
  status: string;
  version: number;
  hypothesis: string;
  ownerId: string;
  participantIds: string[];
  controlIds: string[];
  metrics: Array<{ id: string; baseline: number; target: number; direction: string }>;
  iterations: Array<{ number: number; startedAt: string; outcome: string | null }>;
  decisions: Array<{
    kind: string;
    rationale: string;
    decidedBy: string;
    evidence: Array<{ comparison: Parameters<typeof describeComparison>[0] }>;
  }>;
}
const INITIATIVE_STATE = `query($id: ID!) { initiative(id: $id) {
  status version hypothesis ownerId participantIds controlIds
  metrics { id baseline target direction }
  iterations { number startedAt outcome }
  decisions { kind rationale decidedBy evidence { comparison { metricId iteration pilot { n mean sd } control { n mean sd } difference ciLow ciHigh pValue } } }
} }`;

describe('a director, a manager and a rep run a pilot from idea to decision, in the browser only', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const tokens = { director: '', manager: '', rep: '', viewer: '' };
  /** The weeks the readings cover, from the week the first iteration started. */
  const periods: string[] = [];

  beforeAll(async () => {
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
    tokens.director = await tokenFor('DIRECTOR', 'dana', '*', { expiresIn: '2h' });
    [app, browser] = await Promise.all([
      startTestApp({ token: tokens.director }),
      findChromium().then((binary) => chromium.launch(binary)),
    ]);
    tokens.manager = await tokenFor('MANAGER', 'maya', [TEAM], { expiresIn: '2h' });
    tokens.rep = await tokenFor('CONTRIBUTOR', 'ivan', [TEAM], { expiresIn: '2h' });
    tokens.viewer = await tokenFor('VIEWER', 'grafana', [TEAM], { expiresIn: '2h' });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', locale: 'en-GB' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.destroy();
  });

  const screenshot = async (file: string, target: Page = page) => {
    if (SCREENSHOTS) await target.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
  };
  const initiative = async () =>
    (await ok(app.gql<{ initiative: InitiativeState }>(INITIATIVE_STATE, { id: INITIATIVE }))).initiative;

  /** Signs in on the sign-in page, as a person would, with a pasted token; each tab keeps its own. */
  async function signIn(token: string, target: Page = page) {
    await target.goto(`${app.baseUrl}/#/signin`);
    await target.getByLabel('Bearer token').fill(token);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('heading', { name: 'Portfolio impact' }).waitFor();
  }
  const openInitiative = async (target: Page = page) => {
    await target.goto(`${app.baseUrl}/#/initiatives/${INITIATIVE}`);
    await target.getByRole('heading', { name: 'Iterations and decisions' }).waitFor();
  };
  const action = (name: string, target: Page = page) =>
    target.getByRole('navigation', { name: /actions/ }).getByRole('link', { name, exact: true });
  const flashSays = (text: string | RegExp, target: Page = page) => expectText(target.getByTestId('flash'), text);

  it('the director registers a team, adds ten members pasted from a spreadsheet, and one more removed again', async () => {
    await signIn(tokens.director);
    await expectAccessible(page, 'portfolio');
    await page.getByRole('link', { name: 'Register team' }).click();
    await page.getByLabel('Team name').fill('SMB account development');
    await page.getByLabel('Team id').fill(TEAM);
    await expectAccessible(page, 'register team form');
    await screenshot('form-register-team.png');
    await page.getByRole('button', { name: 'Register team' }).click();
    await flashSays('Team “SMB account development” registered');
    await expectAccessible(page, 'team page, empty');

    await action('Add members').click();
    const lines = [
      ...MANAGERS.map(([name, id]) => `${name}\t${id}\tmanager`),
      ...[...PILOT, ...CONTROL].map(([name, id], i) => `${name}\t${id}\tIC\t${i < 4 ? 'maya' : 'omar'}`),
      'Zed Intern\tzed\tintern',
    ];
    await page.getByLabel('Members, one per line').fill(lines.join('\n'));
    await expectText(page.getByTestId('members-preview'), 'What will be sent: 10 members');
    await expectText(page.getByTestId('refused-lines'), 'Line 11 Zed Intern zed intern: “intern” is not a role');
    await expectAccessible(page, 'add members form with its preview');
    await screenshot('form-add-members.png');
    await page.getByRole('button', { name: 'Add 10 members' }).click();
    await flashSays('10 members added to the team.');
    await expectText(page.getByTestId('roster'), /Maya Ortiz.*Line manager.*Ivan Petrov.*IC.*Maya Ortiz.*Noa Weiss/s);

    // One more through the single-member form, removed again after confirming.
    await action('Add members').click();
    await page.getByRole('form', { name: 'Add one member' }).getByLabel('Name').fill('Temp Worker');
    await page.getByLabel('Line manager').selectOption('omar');
    await page.getByRole('button', { name: 'Add member', exact: true }).click();
    await flashSays('Temp Worker added to the team.');
    await expectText(page.getByTestId('roster'), /Temp Worker\s*temp-worker\s*IC\s*Omar Haddad/);
    await page.getByRole('button', { name: 'Remove Temp Worker' }).click();
    await page.getByRole('button', { name: 'Confirm: remove Temp Worker' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'removed' }), 'Temp Worker was removed from the team.');
    expect(await page.getByTestId('roster').textContent()).not.toContain('Temp Worker');

    const { team } = await ok(
      app.gql<{
        team: {
          version: number;
          headcount: number;
          members: Array<{ id: string; role: string; managerId: string | null }>;
        };
      }>(`{ team(id: "${TEAM}") { version headcount members { id role managerId } } }`),
    );
    expect(team.headcount).toBe(10);
    expect(team.members.map((m) => m.id)).toEqual([...MANAGERS, ...PILOT, ...CONTROL].map(([, id]) => id));
    expect(team.members.find((m) => m.id === 'noa')).toEqual({ id: 'noa', role: 'IC', managerId: 'omar' });
  });

  it('proposes an initiative with a live impact assessment, and the refused reach is shown at its field', async () => {
    await action('Propose initiative').click();
    await page.getByLabel('Title').fill('Prospect on LinkedIn');
    await page.getByLabel('Problem it addresses').fill('Cold e-mails to small businesses go unanswered');
    await page.getByLabel('Potential reach (people)').fill('12');
    await expectText(page.getByTestId('impact-assessment'), 'a number of people from 1 to 10');
    await page.getByLabel('Initiative id').fill(INITIATIVE);
    await page.getByRole('button', { name: 'Propose initiative' }).click();
    await expectText(page.locator('#potentialReach-error'), "between 1 and the team's headcount (10)");
    await expectAccessible(page, 'propose form with a refused field');

    await page.getByLabel('Potential reach (people)').fill('8');
    await expectText(
      page.getByTestId('impact-assessment'),
      "Reaches 8 of 10 people (80% of the team), at or above the team's threshold of 50%: a director-led initiative.",
    );
    await screenshot('form-propose-initiative.png');
    await page.getByRole('button', { name: 'Propose initiative' }).click();
    await flashSays('Initiative proposed.');
    expect(await initiative()).toMatchObject({ status: 'PROPOSED', version: 2 });
  });

  it('states the hypothesis, and defines the metric with its rules shown where they are broken', async () => {
    await action('State hypothesis').click();
    await page
      .getByRole('textbox', { name: 'Hypothesis' })
      .fill('We believe that LinkedIn prospecting for SMB reps will engage more customers each week');
    await expectText(page.getByTestId('hypothesis-shape'), 'It names the change, who it is for');
    await expectAccessible(page, 'state hypothesis form');
    await page.getByRole('button', { name: 'State hypothesis' }).click();
    await flashSays('Hypothesis stated.');

    await action('Define success metric').click();
    await page.getByLabel('Metric name').fill('Customers engaged per week');
    await page.getByLabel('Unit').fill('customers');
    await page.getByLabel('Baseline').fill('10');
    await page.getByLabel('Target').fill('8');
    await page.getByLabel('Data source').fill('CRM');
    await page.getByLabel('Metric id').fill(METRIC);
    const againstDirection = page.locator('[data-rule="TargetAgainstDirection"]');
    await expectText(againstDirection, 'For a metric that should increase, the target is above the baseline: broken');
    await page.getByRole('button', { name: 'Define success metric' }).click();
    await expectText(
      page.locator('#target-error'),
      'For a metric that should increase, the target must be above the baseline',
    );
    await expectText(againstDirection, 'refused by the service');
    await expectAccessible(page, 'define metric form with a broken rule');
    await screenshot('form-define-success-metric.png');
    expect((await initiative()).metrics).toEqual([]);

    await page.getByLabel('Target').fill('15');
    await expectText(againstDirection, 'target is above the baseline: holds');
    await page.getByRole('button', { name: 'Define success metric' }).click();
    await flashSays('The initiative is defined: its pilot can be launched.');
    expect(await initiative()).toMatchObject({
      status: 'DEFINED',
      metrics: [{ id: METRIC, baseline: 10, target: 15, direction: 'INCREASE' }],
    });
  });

  it('launches the pilot: an owner among the managers, pilot and control groups that cannot overlap', async () => {
    await action('Launch pilot').click();
    await page.getByLabel('Pilot owner').waitFor();
    const owners = await page.getByLabel('Pilot owner').locator('option').allTextContents();
    expect(owners).toEqual(['Choose a manager', 'Maya Ortiz (maya)', 'Omar Haddad (omar)']);
    await page.getByLabel('Pilot owner').selectOption('maya');
    for (const [name] of PILOT) await page.getByRole('radio', { name: `${name}: pilot group` }).check();
    for (const [name] of CONTROL) await page.getByRole('radio', { name: `${name}: control group` }).check();
    // One choice per person: putting someone in the control group takes them out of the pilot group.
    await page.getByRole('radio', { name: 'Ivan Petrov: control group' }).check();
    await expectText(page.getByTestId('cohort-sizes'), 'Pilot group: 3 · control group: 5');
    await page.getByRole('radio', { name: 'Ivan Petrov: pilot group' }).check();
    await expectText(page.getByTestId('cohort-sizes'), 'Pilot group: 4 · control group: 4');
    await expectAccessible(page, 'launch pilot form');
    await screenshot('form-launch-pilot.png');
    await page.getByRole('button', { name: 'Launch pilot' }).click();
    await flashSays('Pilot launched with 4 in the pilot group and 4 in the control group.');
    expect(await initiative()).toMatchObject({
      status: 'PILOTING',
      ownerId: 'maya',
      participantIds: PILOT.map(([, id]) => id),
      controlIds: CONTROL.map(([, id]) => id),
    });
  });

  it('the manager starts the first iteration and records four weeks pasted from a spreadsheet', async () => {
    await signIn(tokens.manager);
    await openInitiative();
    await action('Start iteration').waitFor();
    expect(
      await page
        .getByRole('navigation', { name: /actions/ })
        .getByRole('link')
        .allTextContents(),
    ).toEqual(['Start iteration', 'Give feedback']);
    await action('Start iteration').click();
    await page.getByLabel('What changes in this iteration').fill('Reps send connection requests with a short note');
    await expectAccessible(page, 'start iteration form');
    await page.getByRole('button', { name: 'Start iteration 1' }).click();
    await flashSays('Iteration 1 started.');

    const [first] = (await initiative()).iterations;
    periods.push(periodStartOf(first.startedAt, 'WEEKLY'));
    while (periods.length < 8) periods.push(nextPeriod(periods[periods.length - 1], 'WEEKLY'));

    await action('Record readings').click();
    await page
      .getByRole('textbox', { name: /^Ivan Petrov \(pilot\), week of/ })
      .first()
      .click();
    const block = WEEKS_1_TO_4.map((row) => row.join('\t')).join('\n');
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(block)})`);
    await page.keyboard.press('Control+V');
    await expectText(page.getByTestId('readings-preview'), 'What will be sent: 32 readings');
    // Keyboard-friendly: Enter and the arrows move between cells.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate<string | null>(`document.activeElement.getAttribute('aria-label')`);
    expect(focused).toMatch(/^Ana Lima \(pilot\), week of/);
    await expectAccessible(page, 'readings grid, filled');
    await screenshot('form-record-readings.png');
    await page.getByRole('button', { name: 'Record 32 readings' }).click();
    await flashSays('32 readings recorded in iteration 1.');

    const { metricSeries } = await ok(
      app.gql<{ metricSeries: Array<{ periodStart: string; cohort: string; n: number; mean: number }> }>(
        `{ metricSeries(initiativeId: "${INITIATIVE}", metricId: "${METRIC}") { periodStart cohort n mean } }`,
      ),
    );
    expect(metricSeries).toEqual(
      periods.slice(0, 4).flatMap((period, week) => [
        {
          periodStart: `${period}T00:00:00.000Z`,
          cohort: 'CONTROL',
          n: 4,
          mean: round4(mean(WEEKS_1_TO_4.slice(4).map((r) => r[week]))),
        },
        {
          periodStart: `${period}T00:00:00.000Z`,
          cohort: 'PILOT',
          n: 4,
          mean: round4(mean(WEEKS_1_TO_4.slice(0, 4).map((r) => r[week]))),
        },
      ]),
    );
  });

  it('a conflicting change meanwhile is offered a reload; the form then completes the iteration', async () => {
    await action('Complete iteration').click();
    await page.getByRole('radio', { name: /Inconclusive/ }).check();
    await page.getByLabel('Learnings').fill('Engagement barely moved; requests alone are not enough');

    // Meanwhile, in a tab of their own, a rep gives feedback on the initiative.
    const repTab = await context.newPage();
    await signIn(tokens.rep, repTab);
    await openInitiative(repTab);
    await action('Give feedback', repTab).waitFor();
    expect(
      await repTab
        .getByRole('navigation', { name: /actions/ })
        .getByRole('link')
        .allTextContents(),
    ).toEqual(['Give feedback']);
    await action('Give feedback', repTab).click();
    await repTab.getByRole('radio', { name: 'Praise' }).check();
    await repTab.getByLabel('Your feedback').fill('Prospects answer notes more than cold e-mails');
    await expectAccessible(repTab, 'give feedback form');
    await screenshot('form-give-feedback.png', repTab);
    await repTab.getByRole('button', { name: 'Give feedback' }).dblclick();
    await flashSays('your feedback is recorded', repTab);
    await repTab.close();

    const before = (await initiative()).version;
    await page.getByRole('button', { name: 'Complete iteration 1' }).click();
    await expectText(page.getByRole('alert'), 'Someone else changed this initiative meanwhile');
    expect((await initiative()).version).toBe(before);
    await expectAccessible(page, 'complete iteration form with a conflict');
    await page.getByRole('button', { name: 'Reload initiative' }).click();
    await expect(page.getByLabel('Learnings').inputValue()).resolves.toBe(
      'Engagement barely moved; requests alone are not enough',
    );
    await page.getByRole('button', { name: 'Complete iteration 1' }).click();
    await flashSays('Iteration 1 completed: inconclusive.');

    const { feedback } = await ok(
      app.gql<{ feedback: Array<{ authorId: string; kind: string; text: string }> }>(
        `{ feedback(initiativeId: "${INITIATIVE}") { authorId kind text } }`,
      ),
    );
    // A double click sends one submission: recorded once.
    expect(feedback).toEqual([
      { authorId: 'ivan', kind: 'PRAISE', text: 'Prospects answer notes more than cold e-mails' },
    ]);
  });

  it('the director pivots on the frozen evidence; "Just before Pivot" shows the initiative right before it', async () => {
    await signIn(tokens.director);
    await openInitiative();
    await action('Record decision').click();
    await expectText(
      page.getByTestId(`evidence-words-${METRIC}`),
      /Pilot reps averaged [\d.]+ more customers than the control group/,
    );
    await page.getByRole('radio', { name: /Pivot/ }).check();
    await page
      .getByLabel('Revised hypothesis')
      .fill('We believe that LinkedIn voice notes for SMB reps will engage more customers each week');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expectText(page.locator('#rationale-error'), 'the rationale is required');
    await expectAccessible(page, 'record decision form, pivot, rationale missing');
    await page.getByLabel('Rationale').fill('Engagement barely moved; try voice notes instead of plain requests');
    await screenshot('form-record-decision.png');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await flashSays('Decision recorded: pivot.');
    const pivoted = await initiative();
    expect(pivoted.hypothesis).toBe(
      'We believe that LinkedIn voice notes for SMB reps will engage more customers each week',
    );
    expect(pivoted.decisions.map((d) => [d.kind, d.decidedBy])).toEqual([['PIVOT', 'dana']]);

    await page.getByRole('button', { name: 'Just before Pivot' }).click();
    await expectText(page.getByTestId('historical-banner'), 'Historical view');
    // The iteration's completion is in, the decision is not.
    await expectText(page.getByTestId('timeline'), /^(?![\s\S]*Decision:)[\s\S]*Iteration 1 completed/);
    await expectText(page.getByTestId('hypothesis'), 'LinkedIn prospecting for SMB reps');
    expect(await page.getByRole('navigation', { name: /actions/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'After Pivot' }).click();
    await expectText(page.getByTestId('timeline'), /Decision: Pivot/);
    await page.getByRole('button', { name: 'Back to now' }).first().click();
    await action('Start iteration').waitFor();
    await expectAccessible(page, 'initiative page after a pivot');
  });

  it('the manager runs the second iteration with readings imported from a CSV file', async () => {
    await signIn(tokens.manager);
    await openInitiative();
    await action('Start iteration').click();
    await page.getByLabel('What changes in this iteration').fill('Reps send voice notes instead of plain requests');
    await page.getByRole('button', { name: 'Start iteration 2' }).click();
    await flashSays('Iteration 2 started.');

    await action('Record readings').click();
    const people = [...PILOT.map(([, id]) => [id, 'pilot']), ...CONTROL.map(([, id]) => [id, 'control'])];
    const csv = [
      'period,cohort,person,value',
      ...people.flatMap(([id, cohort], p) =>
        WEEKS_5_TO_8[p].map((value, w) => `${periods[4 + w]},${cohort},${id},${value}`),
      ),
      `${periods[4]},pilot,eli,12`,
    ].join('\n');
    await page.getByLabel('Import readings from a CSV file').setInputFiles({
      name: 'weeks-5-to-8.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expectText(page.getByText(/Imported 32 readings from weeks-5-to-8.csv/), '1 line was left out');
    await expectText(page.getByTestId('refused-lines'), 'Eli Novak is in the control cohort, not the pilot cohort');
    await expectText(page.getByTestId('readings-preview'), 'What will be sent: 32 readings');
    await expectAccessible(page, 'readings grid after a CSV import');
    await page.getByRole('button', { name: 'Record 32 readings' }).click();
    await flashSays('32 readings recorded in iteration 2.');

    await action('Complete iteration').click();
    await page.getByRole('radio', { name: /Validated/ }).check();
    await page.getByLabel('Learnings').fill('Voice notes get answers');
    await page.getByRole('button', { name: 'Complete iteration 2' }).click();
    await flashSays('Iteration 2 completed: validated.');
    expect((await initiative()).iterations.map((it) => it.outcome)).toEqual(['INCONCLUSIVE', 'VALIDATED']);
  });

  it('the director scales it, and the evidence shown before confirming is the evidence frozen', async () => {
    await signIn(tokens.director);
    await openInitiative();
    await action('Record decision').click();
    const shown = await page.getByTestId(`evidence-words-${METRIC}`);
    await expectText(
      shown,
      /Pilot reps averaged [\d.]+ more customers than the control group .* The difference is unlikely to be chance, and it goes the way we want\./,
    );
    const words = ((await shown.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await page.getByRole('radio', { name: /Scale/ }).check();
    await page
      .getByLabel('Rationale')
      .fill('Pilot reps engaged about five more customers a week than the control group');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await flashSays('Decision recorded: scale. The initiative now reaches the whole team.');

    const scaled = await initiative();
    expect(scaled.status).toBe('SCALED');
    expect(scaled.decisions.map((d) => d.kind)).toEqual(['PIVOT', 'SCALE']);
    const frozen = describeComparison(scaled.decisions[1].evidence[0].comparison, {
      unit: 'customers',
      direction: 'INCREASE',
    });
    expect(words).toBe(`${frozen.sentence} ${frozen.verdict}`);
    await expectText(page.locator('h1 .badge'), 'Scaled');
    expect(
      await page
        .getByRole('navigation', { name: /actions/ })
        .getByRole('link')
        .count(),
    ).toBe(0);
  });

  it('the rep gives feedback again after a network failure, and it is recorded once', async () => {
    await signIn(tokens.rep);
    await openInitiative();
    await action('Give feedback').click();
    await page.getByRole('radio', { name: 'Suggestion' }).check();
    await page.getByLabel('Your feedback').fill('Share the best voice notes in the team channel');
    // The write reaches the service, but its answer is lost on the way back.
    await page.route(
      '**/graphql',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Give feedback' }).click();
    await expectText(page.getByRole('alert'), 'Not confirmed by the service');
    await page.getByRole('button', { name: 'Give feedback' }).click();
    await flashSays('your feedback is recorded');
    const { feedback } = await ok(
      app.gql<{ feedback: Array<{ text: string }> }>(`{ feedback(initiativeId: "${INITIATIVE}") { text } }`),
    );
    expect(feedback.map((f) => f.text)).toEqual([
      'Prospects answer notes more than cold e-mails',
      'Share the best voice notes in the team channel',
    ]);
  });

  it('a viewer sees every page and no action', async () => {
    await signIn(tokens.viewer);
    expect(await page.getByRole('link', { name: 'Register team' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/#/teams/${TEAM}`);
    await expectText(page.getByTestId('roster'), 'Noa Weiss');
    expect(await page.getByRole('navigation', { name: /actions/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    await expectAccessible(page, 'team page as a viewer');
    await openInitiative();
    await expectText(page.getByTestId('timeline'), /Decision: Scale/);
    expect(await page.getByRole('navigation', { name: /actions/ }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/#/initiatives/${INITIATIVE}/record-readings`);
    await expectText(page.getByTestId('not-possible'), 'Record readings is not open to you');
    expect(await page.getByRole('button', { name: /^Record/ }).count()).toBe(0);
  });
});
