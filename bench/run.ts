import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { pilotlogEventStore } from '../src/event-catalog';
import { initiativeStreamId } from '../src/initiatives/domain/initiative.events';
import { RecordMeasurementCommand } from '../src/initiatives/record-measurement/record-measurement.command';
import { Principal } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';
import { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { Projection, ProjectionSet } from '../src/shared/projections/projection';
import { ReadModels } from '../src/shared/projections/read-models';
import { buildDataset, DatasetSize } from './dataset';
import { latencies, load, percentile, post } from './load';

/**
 * npm run bench [-- --quick]: builds a data set in a temporary DATA_DIR, measures every figure
 * of DESIGN section 8 next to its baseline in the same run, prints one JSON object on stdout.
 */
const quick = process.argv.includes('--quick');
const SIZE: DatasetSize = quick
  ? { teams: 10, initiatives: 200, totalEvents: 50_000, longStreamEvents: 10_000 }
  : { teams: 50, initiatives: 2_000, totalEvents: 1_000_000, longStreamEvents: 10_000 };
const COMMANDS = quick ? 300 : 2_000;
const CONNECTIONS = 8;
const LOAD_SECONDS = quick ? 3 : 10;
const LATENCY_SAMPLES = quick ? 200 : 1_000;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const PRINCIPAL: Principal = { sub: 'dana.director', role: 'DIRECTOR', teams: '*' };

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TEAM_IMPACT = `query($teamId: ID!) { teamImpact(teamId: $teamId) {
  teamId asOf headcount activeInitiatives coverage reachedMembers hypothesisHitRate medianDaysToDecision
  analysisParalysis initiativesByStatus { status count } overdue { initiativeId iteration kind since } } }`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-bench-'));
  const file = join(dataDir, 'pilotlog.sqlite');
  const result: Record<string, number | string | boolean> = { quick, cores: 0 };
  try {
    // 1. Data set, bulk-appended through the store port.
    let t = performance.now();
    const store = new SqliteEventStore({ filename: file, synchronous: 'FULL' });
    const data = await buildDataset(store, SIZE, log);
    await store.close();
    const events = data.events;
    log(`data set: ${events} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    result.events = events;

    // 2. Start-up to /ready with the whole log to catch up on.
    const config = loadConfig({
      DATA_DIR: dataDir,
      JWT_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      // Set to 0 to measure commands that fold their whole stream each time.
      COMMAND_STATE_CACHE_STREAMS: process.env.COMMAND_STATE_CACHE_STREAMS,
    });
    t = performance.now();
    const app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    for (;;) {
      const response = await fetch(`${base}/ready`);
      await response.arrayBuffer();
      if (response.ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    result.startupCatchUpSec = round((performance.now() - t) / 1000, 3);
    log(`ready after ${result.startupCatchUpSec} s`);
    // The data set was built in this process: collect its garbage so the figures are the service's.
    collectGarbage();
    result.rssMb = round(process.memoryUsage().rss / 2 ** 20, 0);
    result.heapUsedMb = round(process.memoryUsage().heapUsed / 2 ** 20, 0);

    // 3. GraphQL: teamImpact latency, then throughput with several connections.
    const url = `${base}/graphql`;
    const headers = { authorization: `Bearer ${await signToken(SECRET, PRINCIPAL)}` };
    const teamId = data.teamIds[0];
    const body = JSON.stringify({ query: TEAM_IMPACT, variables: { teamId } });
    const precomputed = (await post(url, body, headers)) as { teamImpact: Record<string, unknown> };
    const sorted = await latencies(LATENCY_SAMPLES, () => post(url, body, headers));
    result.teamImpactP50Ms = round(percentile(sorted, 50), 3);
    result.teamImpactP99Ms = round(percentile(sorted, 99), 3);
    const served = await load(url, body, headers, CONNECTIONS, LOAD_SECONDS);
    result.graphqlReqPerSec = round(served.perSec, 0);
    log(`teamImpact: p50 ${result.teamImpactP50Ms} ms, ${result.graphqlReqPerSec} req/s (${served.errors} errors)`);

    // 4. Time travel and decision replay on the 10,000-event stream.
    const asOfBody = JSON.stringify({
      query: `query($id: ID!, $asOf: DateTime) { initiative(id: $id, asOf: $asOf) { id status } }`,
      variables: { id: data.longInitiativeId, asOf: data.asOfMiddle },
    });
    result.initiativeAsOfMs = round(median(await latencies(quick ? 10 : 20, () => post(url, asOfBody, headers))), 2);
    const replayBody = JSON.stringify({
      query: `query($id: ID!) { decisionReplay(decisionId: $id) { eventsBefore evidenceMatches decision { id } } }`,
      variables: { id: data.decisionId },
    });
    const replay = (await post(url, replayBody, headers)) as {
      decisionReplay: { eventsBefore: number; evidenceMatches: boolean };
    };
    result.decisionReplayEventsBefore = replay.decisionReplay.eventsBefore;
    result.decisionReplayEvidenceMatches = replay.decisionReplay.evidenceMatches;
    result.decisionReplayMs = round(median(await latencies(quick ? 10 : 20, () => post(url, replayBody, headers))), 2);
    log(`asOf ${result.initiativeAsOfMs} ms, decisionReplay ${result.decisionReplayMs} ms`);

    // 5. Commands through the bus on the embedded store (FULL sync, one transaction per append).
    const bus = app.get(CommandBus);
    const targets = data.initiativeIds.filter((id) => id !== data.longInitiativeId && data.participants.has(id));
    const launchedTargets = targets.slice(0, 20).filter((id) => !id.endsWith('9'));
    const positionBefore = lastPosition(file);
    t = performance.now();
    for (let i = 0; i < COMMANDS; i++) {
      const initiativeId = launchedTargets[i % launchedTargets.length];
      const input = {
        initiativeId,
        metricId: data.metricId,
        value: 10 + (i % 7),
        periodStart: '2026-01-05T00:00:00.000Z',
        cohort: 'PILOT',
        participantId: data.participants.get(initiativeId)![i % 4],
        commandId: `bench-${i}`,
      } as const;
      await bus.execute(new RecordMeasurementCommand(input, PRINCIPAL));
    }
    const commandSeconds = (performance.now() - t) / 1000;
    result.commandsPerSec = round(COMMANDS / commandSeconds, 0);
    const streamLength = Math.round(
      streamEvents(file, initiativeStreamId(launchedTargets[0])) - COMMANDS / launchedTargets.length,
    );
    result.commandStreamEvents = streamLength;
    log(`commands: ${result.commandsPerSec}/s on streams of ~${streamLength} events`);
    // Every read model the service keeps, as its slices registered them.
    const projections = app.get(ReadModels).runner.set.projections;
    await app.close();

    // 5b. Baseline: the same rows, raw single-row inserts, same schema and pragmas, one transaction each.
    const rows = new Database(file, { readonly: true })
      .prepare('SELECT stream_id, revision, event_id, type, data, metadata, occurred_at FROM events WHERE position > ?')
      .all(positionBefore) as Array<Record<string, string | number>>;
    result.rawInsertPerSec = round(rawInserts(join(dataDir, 'raw.sqlite'), rows), 0);
    result.commandsVsRawInsert = round((result.commandsPerSec as number) / (result.rawInsertPerSec as number), 3);

    // 6. Projection rebuild from zero vs reading and parsing the same rows.
    result.rebuildEventsPerSec = round(await rebuild(file, projections), 0);
    result.rawParseEventsPerSec = round(rawParse(file), 0);
    result.rebuildVsRawParse = round(
      (result.rebuildEventsPerSec as number) / (result.rawParseEventsPerSec as number),
      3,
    );
    log(`rebuild ${result.rebuildEventsPerSec} ev/s vs raw parse ${result.rawParseEventsPerSec} ev/s`);

    // 7. Bare Apollo Server on express returning the same precomputed object.
    const bare = await bareApollo(precomputed.teamImpact);
    const bareLoad = await load(bare.url, body, {}, CONNECTIONS, LOAD_SECONDS);
    await bare.close();
    result.bareApolloReqPerSec = round(bareLoad.perSec, 0);
    result.graphqlVsBareApollo = round((result.graphqlReqPerSec as number) / bareLoad.perSec, 3);
    log(`bare Apollo ${result.bareApolloReqPerSec} req/s`);

    result.cores = (await import('node:os')).cpus().length;
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

function streamEvents(file: string, streamId: string): number {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM events WHERE stream_id = ?').get(streamId) as { n: number };
  db.close();
  return row.n;
}

function lastPosition(file: string): number {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number };
  db.close();
  return row.p;
}

function rawInserts(file: string, rows: Array<Record<string, string | number>>): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, occurred_at TEXT,
    UNIQUE (stream_id, revision));
    CREATE INDEX events_by_stream_time ON events (stream_id, occurred_at);`);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const one = db.transaction((r: Record<string, string | number>) =>
    insert.run(r.stream_id, r.revision, r.event_id, r.type, r.data, r.metadata, r.occurred_at),
  ).immediate;
  const t = performance.now();
  for (const r of rows) one(r);
  const perSec = rows.length / ((performance.now() - t) / 1000);
  db.close();
  return perSec;
}

async function rebuild(file: string, projections: Projection<unknown>[]): Promise<number> {
  const store = pilotlogEventStore(new SqliteEventStore({ filename: file }));
  const t = performance.now();
  const set = new ProjectionSet(projections);
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const page: RecordedEvent[] = await store.readAll({ after, maxCount: 5000 });
    if (page.length === 0) break;
    for (const event of page) set.apply(event);
    count += page.length;
    after = page[page.length - 1].position;
  }
  const perSec = count / ((performance.now() - t) / 1000);
  await store.close();
  return perSec;
}

function rawParse(file: string): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT 5000');
  const t = performance.now();
  let count = 0;
  let after = 0;
  let checksum = 0;
  for (;;) {
    const rows = select.all(after) as Array<{ position: number; data: string; metadata: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = JSON.parse(row.data) as object;
      const metadata = JSON.parse(row.metadata) as object;
      if (data && metadata) checksum++;
    }
    count += rows.length;
    after = rows[rows.length - 1].position;
  }
  const perSec = count / ((performance.now() - t) / 1000);
  db.close();
  if (checksum !== count) throw new Error('raw parse lost rows');
  return perSec;
}

async function bareApollo(teamImpact: Record<string, unknown>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new ApolloServer({
    typeDefs: `#graphql
      type StatusCount { status: String! count: Int! }
      type OverdueItem { initiativeId: ID! iteration: Int! kind: String! since: String! }
      type TeamImpact { teamId: ID! asOf: String! headcount: Int! activeInitiatives: Int! coverage: Float!
        reachedMembers: Int! hypothesisHitRate: Float medianDaysToDecision: Float analysisParalysis: [ID!]!
        initiativesByStatus: [StatusCount!]! overdue: [OverdueItem!]! }
      type Query { teamImpact(teamId: ID!): TeamImpact! }`,
    resolvers: { Query: { teamImpact: () => teamImpact } },
  });
  await server.start();
  const web = express();
  web.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  const http = await new Promise<import('node:http').Server>((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await server.stop();
      await new Promise((r) => http.close(r));
    },
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
