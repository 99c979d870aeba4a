import 'reflect-metadata';
import { isAbsolute, join, relative } from 'node:path';
import { createApp } from '../src/app';
import { AppConfig, loadConfig } from '../src/config/config';
import { findJwtSecret, noJwtSecretMessage } from '../src/shared/auth/jwt-secret';
import { Principal, Role } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';
import { Clock } from '../src/shared/clock';
import { SQLITE_FILE_NAME } from '../src/shared/event-store/open-event-store';
import {
  Actor,
  DEMO_INITIATIVES,
  DEMO_MOMENT_LABELS,
  DEMO_MOMENTS,
  DEMO_STORY,
  DEMO_TEAM,
  DemoStep,
} from './demo-story';

/**
 * Loads the demo story into the configured store (DATA_DIR's SQLite file, or EventStoreDB), dated
 * over the weeks it tells. A private instance of the service runs inside this process on a loopback
 * port, on a clock the story moves from step to step, and every step goes through its GraphQL API as
 * the person in the story would send it; so each event is checked by the same rules and stamped with
 * the instant it happened. A service already running on the same store picks the events up from the
 * log. Every step has a stable commandId, so running the demo again appends nothing.
 */

const ROLES: Record<Actor, Role> = {
  dana: 'DIRECTOR',
  maya: 'MANAGER',
  omar: 'MANAGER',
  rep01: 'CONTRIBUTOR',
  rep02: 'CONTRIBUTOR',
  rep03: 'CONTRIBUTOR',
  rep09: 'CONTRIBUTOR',
};

class StoryClock implements Clock {
  constructor(private instant: string) {}
  now(): string {
    return this.instant;
  }
  set(instant: string): void {
    this.instant = instant;
  }
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The store as a person would find it: the SQLite file relative to where they stand, when it is below. */
function storeName(config: AppConfig): string {
  if (config.eventStoreConnectionString) return 'EventStoreDB (EVENTSTORE_CONNECTION_STRING)';
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  const below = relative(process.cwd(), file);
  return below.startsWith('..') || isAbsolute(below) ? file : below;
}

const day = (instant: string) => instant.slice(0, 10);

async function main(): Promise<number> {
  const config = loadConfig();
  const found = findJwtSecret(config.jwtSecret, config.dataDir);
  if (!found) {
    console.error(`demo: ${noJwtSecretMessage(config.dataDir)}`);
    return 1;
  }
  console.error(`demo: signing with the secret from ${found.source}`);
  const last = DEMO_STORY[DEMO_STORY.length - 1].at;
  if (Date.parse(last) > Date.now()) {
    console.error(`demo: the story runs until ${last}, later than this machine's clock (${new Date().toISOString()})`);
    return 1;
  }

  const tokens = new Map<Actor, string>();
  for (const [sub, role] of Object.entries(ROLES) as Array<[Actor, Role]>) {
    const principal: Principal = { sub, role, teams: role === 'DIRECTOR' ? '*' : [DEMO_TEAM.id] };
    tokens.set(sub, await signToken(found.secret, principal, '1h'));
  }

  const clock = new StoryClock(DEMO_STORY[0].at);
  // A loader that lives for one story saves no read models: the service that serves them keeps its own.
  const loader = { ...config, jwtSecret: found.secret, readModelSnapshotEvents: 0, streamSnapshotEvents: 0 };
  const app = await createApp(loader, { clock, logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const ask = async (query: string, variables: Record<string, unknown>, actor: Actor): Promise<GraphQLAnswer> => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(actor)}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    };

    // The counts come from the read models: on a store that already holds the story, counting
    // before they have caught up with the log would report events added where none were.
    await readModelsCaughtUp(port);
    const before = await eventsOfTheStory(ask);
    for (const step of DEMO_STORY) {
      clock.set(step.at);
      const answer = await ask(
        mutationOf(step),
        { input: { ...step.input, commandId: `demo-${step.commandId}` } },
        step.actor,
      );
      if (answer.errors?.length) {
        const reason = answer.errors.map((e) => e.message).join('; ');
        throw new Error(`${step.mutation} "${step.commandId}" of ${step.at} was refused: ${reason}`);
      }
    }
    const added = (await eventsOfTheStory(ask)) - before;

    const store = storeName(config);
    console.log(
      added === 0
        ? `The demo story is already in ${store}: nothing added.`
        : `Loaded the demo story into ${store}: ${added} events added.`,
    );
    console.log(
      `Team "${DEMO_TEAM.id}" (${DEMO_TEAM.name}), initiatives ${DEMO_INITIATIVES.join(', ')}, ` +
        `from ${day(DEMO_STORY[0].at)} to ${day(last)}. A service running on the same store picks them up from the log.`,
    );
    console.log('Instants to try as asOf:');
    for (const [moment, instant] of Object.entries(DEMO_MOMENTS) as Array<[keyof typeof DEMO_MOMENTS, string]>) {
      console.log(`  ${instant}  ${DEMO_MOMENT_LABELS[moment]}`);
    }
    console.log(`Sign in with: npm run -s token -- --link --role DIRECTOR --sub dana --teams '*'`);
    console.log(
      `The team mid-pilot: http://localhost:${config.port}/#/teams/${DEMO_TEAM.id}?asOf=${DEMO_MOMENTS.midPilot}`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

function mutationOf(step: DemoStep): string {
  const inputType = `${step.mutation[0].toUpperCase()}${step.mutation.slice(1)}Input`;
  return `mutation($input: ${inputType}!) { ${step.mutation}(input: $input) { __typename } }`;
}

/** Waits until the private instance answers ready: its read models have caught up with the log. */
async function readModelsCaughtUp(port: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/ready`);
    if (response.ok) return;
    const { status } = (await response.json()) as { status?: string };
    if (status === 'failed') throw new Error('the read models stopped following the log');
    if (Date.now() > deadline)
      throw new Error(`the read models did not catch up with the log in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Events in the team's and the initiatives' streams (an entity's version counts its events). */
async function eventsOfTheStory(
  ask: (query: string, variables: Record<string, unknown>, actor: Actor) => Promise<GraphQLAnswer>,
): Promise<number> {
  const answer = await ask(
    `query($teamId: ID!) { teams { id version } initiatives(first: 500, filter: { teamId: $teamId }) { edges { node { id version } } } }`,
    { teamId: DEMO_TEAM.id },
    'dana',
  );
  if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
  const data = answer.data as {
    teams: Array<{ id: string; version: number }>;
    initiatives: { edges: Array<{ node: { id: string; version: number } }> };
  };
  const team = data.teams.find((t) => t.id === DEMO_TEAM.id)?.version ?? 0;
  const initiatives = data.initiatives.edges
    .filter((e) => DEMO_INITIATIVES.includes(e.node.id))
    .reduce((sum, e) => sum + e.node.version, 0);
  return team + initiatives;
}

// Exits explicitly, as the service's own process does on SIGTERM: a closed Nest application can
// leave the process waiting on nothing it could still do.
main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  },
);
