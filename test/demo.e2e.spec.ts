import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { DEMO_MOMENTS, DEMO_STORY } from '../scripts/demo-story';
import { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { expectText, findChromium } from './browser/browser-support';
import { asOfInstants, commandExamples, queryExamples, readmeText, writeOf } from './support/readme-examples';
import { runScript, ScriptRun } from './support/run-script';
import { InMemoryLog, startEsdbDouble } from './support/esdb-double/esdb-double';
import { ok } from './support/story';
import { startTestApp, TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const DAY = 86_400_000;

jest.setTimeout(180_000);

const EVENTS_OF_THE_TEAM = `{ teams { id version } initiatives(first: 500, filter: { teamId: "smb" }) { edges { node { version } } } }`;

describe('npm run demo, against a service running on the same store', () => {
  let dataDir: string;
  let app: TestApp;
  let director: string;
  let firstRun: ScriptRun;
  let added: number;

  const eventsSeenByTheService = async () => {
    const data = await ok(
      app.gql<{
        teams: Array<{ id: string; version: number }>;
        initiatives: { edges: Array<{ node: { version: number } }> };
      }>(EVENTS_OF_THE_TEAM, {}, { token: director }),
    );
    const team = data.teams.find((t) => t.id === 'smb')?.version ?? 0;
    return team + data.initiatives.edges.reduce((sum, e) => sum + e.node.version, 0);
  };

  const storedEvents = async (): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore({ filename: join(dataDir, 'pilotlog.sqlite') });
    try {
      return await store.readAll();
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-demo-'));
    // No JWT_SECRET: the service generates its secret into DATA_DIR at its first start, as `npm start` does.
    app = await startTestApp({ dataDir, env: { JWT_SECRET: '' } });
    director = await tokenFor('DIRECTOR', 'dana', '*', {
      secret: readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim(),
    });
    firstRun = await runScript('demo', [], { DATA_DIR: dataDir });
    added = Number(/: (\d+) events added/.exec(firstRun.stdout)?.[1]);
    const deadline = Date.now() + 20_000;
    while ((await eventsSeenByTheService()) < added && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs with the secret the service generated, says so, and the running service picks every event up', async () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.stderr).toBe(`demo: signing with the secret from ${join(dataDir, 'jwt-secret')}\n`);
    expect(firstRun.stdout).toContain(`Loaded the demo story into ${join(dataDir, 'pilotlog.sqlite')}`);
    expect(added).toBeGreaterThan(DEMO_STORY.length);
    expect(await eventsSeenByTheService()).toBe(added);
    expect(await storedEvents()).toHaveLength(added);
  });

  it('dates the story over 14 weeks in the past, every event in story order', async () => {
    const events = await storedEvents();
    const at = (e: RecordedEvent) => Date.parse(e.metadata.occurredAt as string);
    const instants = events.map(at);
    expect(instants.every((t, i) => i === 0 || t >= instants[i - 1])).toBe(true);
    expect(instants[instants.length - 1]).toBeLessThan(Date.now());
    expect((instants[instants.length - 1] - instants[0]) / (7 * DAY)).toBeGreaterThan(13.5);
    expect(new Set(instants).size).toBeGreaterThan(DEMO_STORY.length / 2);

    const proposals = events.filter((e) => e.type === 'InitiativeProposed').map(at);
    expect(proposals).toHaveLength(3);
    proposals.slice(1).forEach((t, i) => expect(t - proposals[i]).toBeGreaterThanOrEqual(14 * DAY));

    for (const reading of events.filter((e) => e.type === 'MeasurementRecorded')) {
      const weekStart = Date.parse(reading.data.periodStart as string);
      expect(at(reading)).toBeGreaterThanOrEqual(weekStart);
      expect(at(reading)).toBeLessThan(weekStart + 7 * DAY);
    }

    const ofStream = (e: RecordedEvent, type: string, number: number) =>
      events.find((o) => o.streamId === e.streamId && o.type === type && o.data.number === number)!;
    const completions = events.filter((e) => e.type === 'IterationCompleted');
    expect(completions).toHaveLength(3);
    for (const completed of completions) {
      const started = ofStream(completed, 'IterationStarted', completed.data.number as number);
      expect(at(completed)).toBe(Date.parse(started.data.plannedEndAt as string));
    }
    const decisions = events.filter((e) => e.type === 'DecisionRecorded');
    expect(decisions).toHaveLength(3);
    for (const decision of decisions) {
      const closed = ofStream(decision, 'IterationCompleted', decision.data.iteration as number);
      expect(at(decision) - at(closed)).toBeGreaterThanOrEqual(2 * DAY);
      expect(at(decision) - at(closed)).toBeLessThan(7 * DAY);
    }
  });

  it('shows real figures: days to decision, the overdue iteration, the stalled proposal, and the pilot over time', async () => {
    const { teamImpact } = await ok(
      app.gql<{ teamImpact: Record<string, unknown> }>(
        `{ teamImpact(teamId: "smb") { medianDaysToDecision overdue { initiativeId kind since } analysisParalysis } }`,
        {},
        { token: director },
      ),
    );
    expect(teamImpact).toEqual({
      medianDaysToDecision: 45.8333,
      overdue: [{ initiativeId: 'followups', kind: 'ITERATION_PAST_END', since: '2026-03-27T17:00:00.000Z' }],
      analysisParalysis: ['handbook'],
    });
    const statusAt = async (asOf: string) =>
      (
        await ok(
          app.gql<{ initiative: { status: string } }>(
            `query($asOf: DateTime) { initiative(id: "channel", asOf: $asOf) { status } }`,
            { asOf },
            { token: director },
          ),
        )
      ).initiative.status;
    expect(await statusAt('2026-01-07T12:00:00Z')).toBe('PROPOSED');
    expect(await statusAt(DEMO_MOMENTS.pilotLaunched)).toBe('PILOTING');
    expect(await statusAt(DEMO_MOMENTS.midPilot)).toBe('PILOTING');
    expect(await statusAt(DEMO_MOMENTS.scaled)).toBe('SCALED');
  });

  it('adds nothing when run again', async () => {
    const again = await runScript('demo', [], { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`The demo story is already in ${join(dataDir, 'pilotlog.sqlite')}: nothing added.`);
    expect(await storedEvents()).toHaveLength(added);
  });

  it('without a secret, says where it looked and stops without creating a secret or a store', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pilotlog-demo-empty-'));
    try {
      const run = await runScript('demo', [], { DATA_DIR: empty });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`JWT_SECRET is not set and ${join(empty, 'jwt-secret')} does not exist`);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  describe("the README's examples, run against the demo", () => {
    // The demo sends nothing out of the machine: examples that subscribe a webhook or read its
    // deliveries are checked against the schema (readme-schema.spec.ts), not run here.
    const examples = queryExamples().filter(
      (example) => !/\b(createWebhook|deleteWebhook|webhookDeliveries)\b/.test(example.query),
    );
    const queries = examples.filter((q) => writeOf(q) === null);
    const writes = examples.filter((q) => writeOf(q) !== null);
    const commands = commandExamples();

    it('shows answers and outputs to compare with', () => {
      expect(queries.filter((q) => q.answer !== undefined).length).toBeGreaterThanOrEqual(4);
      expect(writes.filter(isStep).length).toBeGreaterThanOrEqual(2);
      expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['demo', 'audit']));
    });

    // Sending a write to the demo would change the data every other example answers from: a write
    // is either one of the demo's own steps, so the answers shown after it follow from what it
    // wrote, or it is sent to a copy of the demo's store and answers there as the README shows.
    const steps = DEMO_STORY.map(({ mutation, input }) => ({ mutation, input }));
    const isStep = (example: (typeof writes)[number]) =>
      steps.some((step) => JSON.stringify(step) === JSON.stringify(writeOf(example)));

    it.each(writes.filter(isStep).map((w) => [w.name, w]))('%s is a step of the demo story', (_name, example) => {
      expect(steps).toContainEqual(writeOf(example));
    });

    it.each(writes.filter((w) => !isStep(w)).map((w) => [w.name, w]))(
      '%s answers on a copy of the demo as the README shows',
      async (_name, example) => {
        expect(example.answer).toBeDefined();
        const copy = mkdtempSync(join(tmpdir(), 'pilotlog-demo-copy-'));
        const source = new Database(join(dataDir, 'pilotlog.sqlite'), { readonly: true });
        try {
          source.prepare('VACUUM INTO ?').run(join(copy, 'pilotlog.sqlite'));
        } finally {
          source.close();
        }
        copyFileSync(join(dataDir, 'jwt-secret'), join(copy, 'jwt-secret'));
        const side = await startTestApp({ dataDir: copy, env: { JWT_SECRET: '' } });
        try {
          const response = await side.gql(example.query, example.variables, { token: director });
          expect(response.errors).toBeUndefined();
          expect({ data: response.data }).toEqual(example.answer);
        } finally {
          await side.destroy();
          rmSync(copy, { recursive: true, force: true });
        }
      },
    );

    it.each(queries.map((q) => [q.name, q]))('%s answers as the README shows', async (_name, example) => {
      const response = await app.gql(example.query, example.variables, { token: director });
      expect(response.errors).toBeUndefined();
      if (example.answer !== undefined) expect({ data: response.data }).toEqual(example.answer);
      else expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
    });

    it.each(commands.map((c) => [`npm run -s ${c.command} -- ${c.args.join(' ')}`, c]))(
      '%s prints what the README shows',
      async (_name, example) => {
        const printed =
          example.command === 'demo'
            ? firstRun.stdout.replace(join(dataDir, 'pilotlog.sqlite'), 'data/pilotlog.sqlite')
            : (await runScript(example.command, example.args, { DATA_DIR: dataDir })).stdout;
        const lines = printed.split('\n');
        let from = 0;
        for (const shown of example.output.trimEnd().split('\n')) {
          const found = lines.indexOf(shown, from);
          expect({ line: shown, printed: found >= 0 }).toEqual({ line: shown, printed: true });
          from = found + 1;
        }
      },
    );

    it('dates every asOf example inside the story', () => {
      const instants = asOfInstants(readmeText());
      expect(instants.length).toBeGreaterThanOrEqual(3);
      for (const instant of instants) {
        expect(Date.parse(instant)).toBeGreaterThan(Date.parse(DEMO_STORY[0].at));
        expect(Date.parse(instant)).toBeLessThanOrEqual(Date.parse(DEMO_MOMENTS.end));
      }
    });

    it('shows, as the README says, the overdue iteration and the stalled handbook at 2026-03-30', async () => {
      expect(readmeText()).toContain('With `"asOf": "2026-03-30T12:00:00Z"` the same query shows the follow-ups');
      const { teamImpact } = await ok(
        app.gql<{ teamImpact: Record<string, unknown> }>(
          `{ teamImpact(teamId: "smb", asOf: "2026-03-30T12:00:00Z") { overdue { initiativeId iteration kind } analysisParalysis } }`,
          {},
          { token: director },
        ),
      );
      expect(teamImpact).toEqual({
        overdue: [{ initiativeId: 'followups', iteration: 2, kind: 'ITERATION_PAST_END' }],
        analysisParalysis: ['handbook'],
      });
    });
  });

  describe('in the dashboard', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch(await findChromium());
    });
    afterAll(() => browser?.close());

    it('the team page mid-story shows the LinkedIn pilot running', async () => {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 900 },
        timezoneId: 'UTC',
        locale: 'en-GB',
      });
      await page.goto(`${app.baseUrl}/#/signin`);
      await page.getByLabel('Bearer token').fill(director);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Portfolio impact' }).waitFor();
      await page.goto(`${app.baseUrl}/#/teams/smb?asOf=${DEMO_MOMENTS.midPilot}`);
      await page.getByTestId('historical-banner').waitFor();
      await expectText(page.getByTestId('status-counts'), /Defined: 1.*Piloting: 1/s);
      await expectText(page.getByTestId('initiative-list'), /Prospect on LinkedIn\s*Piloting/);
      expect(await page.getByTestId('initiative-list').textContent()).not.toMatch(/Shared objection handbook/);
    });
  });
});

describe('npm run demo on EventStoreDB', () => {
  it('loads the same dated story through EVENTSTORE_CONNECTION_STRING, once', async () => {
    const log = new InMemoryLog();
    const double = await startEsdbDouble({ log });
    const dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-demo-esdb-'));
    const env = {
      DATA_DIR: dataDir,
      EVENTSTORE_CONNECTION_STRING: double.connectionString,
      JWT_SECRET: 'a-secret-set-on-every-replica-of-at-least-32-characters',
    };
    try {
      const first = await runScript('demo', [], env);
      expect(first.stderr).toBe('demo: signing with the secret from JWT_SECRET\n');
      expect(first.stdout).toContain('Loaded the demo story into EventStoreDB (EVENTSTORE_CONNECTION_STRING): ');
      const added = Number(/: (\d+) events added/.exec(first.stdout)?.[1]);
      const stored = log.events.filter((e) => !e.streamName.startsWith('$'));
      expect(stored).toHaveLength(added);
      const occurredAt = stored.map((e) => JSON.parse(Buffer.from(e.customMetadata).toString()).occurredAt as string);
      expect(occurredAt[0]).toBe(DEMO_STORY[0].at);
      expect(occurredAt[occurredAt.length - 1]).toBe(DEMO_STORY[DEMO_STORY.length - 1].at);

      const again = await runScript('demo', [], env);
      expect(again.stdout).toContain(
        'The demo story is already in EventStoreDB (EVENTSTORE_CONNECTION_STRING): nothing added.',
      );
      expect(log.events.filter((e) => !e.streamName.startsWith('$'))).toHaveLength(added);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await double.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
