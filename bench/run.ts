import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pilotlogEventStore } from '../src/event-catalog';
import { initiativeStreamId } from '../src/initiatives/domain/initiative.events';
import { Principal } from '../src/shared/auth/principal';
import { signToken } from '../src/shared/auth/tokens';
import { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import { ProjectionSet } from '../src/shared/projections/projection';
import { EVERY_READ_MODEL } from '../test/support/read-models';
import { BuiltDataset } from './children/build-dataset';
import { runChild } from './children/child';
import { CommandsResult, MeasurementSpec } from './children/commands';
import type { EmmettInput, EmmettResult } from './children/emmett-peer';
import { ensurePeersInstalled } from './children/peers';
import { LoadInput, LoadResult } from './children/load';
import { DatasetSize } from './dataset';

/**
 * npm run bench [-- --quick]: builds a data set in a temporary DATA_DIR (in a child process),
 * starts the compiled service on it as `npm start` does, loads it over HTTP from another process
 * (autocannon), and measures every figure next to a baseline of the same run. One JSON object on
 * stdout; progress on stderr.
 */
const quick = process.argv.includes('--quick');
const SIZE: DatasetSize = quick
  ? { teams: 10, initiatives: 200, totalEvents: 50_000, longStreamEvents: 10_000 }
  : { teams: 50, initiatives: 2_000, totalEvents: 1_000_000, longStreamEvents: 10_000 };
const LOAD_SECONDS = quick ? 3 : 5;
const READ_CONNECTIONS = 10;
/** Turns of pilotlog and the bare baseline, loaded one after the other. */
const READ_ROUNDS = 3;
const WRITE_CONNECTIONS = [1, 16];
/** Piloting initiatives the mutations are spread over. */
const WRITE_TARGETS = 16;
const IN_PROCESS_COMMANDS = quick ? 1_000 : 3_000;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const DIRECTOR: Principal = { sub: 'dana.director', role: 'DIRECTOR', teams: '*' };

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a: number, b: number) => round(a / b, 3);

const TEAM_IMPACT = `query($teamId: ID!) { teamImpact(teamId: $teamId) {
  teamId asOf headcount activeInitiatives coverage reachedMembers hypothesisHitRate medianDaysToDecision
  analysisParalysis initiativesByStatus { status count } overdue { initiativeId iteration kind since } } }`;
const RECORD_MEASUREMENT = `mutation($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) { id version status } }`;

type Figures = Record<string, number | string | boolean | null>;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pilotlog-bench-'));
  const file = join(dataDir, 'pilotlog.sqlite');
  const result: Figures = { quick, cores: cpus().length, loadAverageAtStart: loadavg()[0].toFixed(2) };
  let service: Service | null = null;
  let bare: { url: string; stop: () => Promise<void> } | null = null;
  try {
    // 1. The data set, built in a child process.
    const data = await runChild<BuiltDataset>('build-dataset', { dataDir, size: SIZE });
    result.events = data.events;
    result.datasetBuildSec = round(data.seconds, 1);
    log(`data set: ${data.events} events in ${result.datasetBuildSec} s`);

    // 2. Start-up of a fresh service process: on an empty log (what any start costs), then on the
    // data set from the log alone, then from the read models that start saved.
    const env = { DATA_DIR: dataDir, JWT_SECRET: SECRET, HOST: '127.0.0.1', NODE_ENV: 'production' };
    const emptyDir = mkdtempSync(join(tmpdir(), 'pilotlog-bench-empty-'));
    try {
      service = await startService({ ...env, DATA_DIR: emptyDir });
      result.startupEmptyLogSec = round(service.readySeconds, 3);
      result.startupEmptyLogCpuSec = round(service.readyCpuSeconds, 2);
      await service.stop();
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
    log(`ready on an empty log after ${result.startupEmptyLogSec} s`);
    service = await startService(env);
    result.startupFromLogSec = round(service.readySeconds, 3);
    result.startupFromLogCpuSec = round(service.readyCpuSeconds, 2);
    log(`ready from the log after ${result.startupFromLogSec} s`);
    await service.stop();
    service = await startService(env);
    result.startupFromSnapshotSec = round(service.readySeconds, 3);
    result.startupFromSnapshotCpuSec = round(service.readyCpuSeconds, 2);
    result.readModelSnapshotMb = round(statSync(join(dataDir, 'snapshots.sqlite')).size / 2 ** 20, 1);
    result.rssMb = service.rssMb();
    log(`ready from the snapshot after ${result.startupFromSnapshotSec} s, RSS ${result.rssMb} MB`);

    // 3. teamImpact over HTTP from another process: latency with one connection, then throughput.
    const url = `${service.base}/graphql`;
    const headers = { authorization: `Bearer ${await signToken(SECRET, DIRECTOR)}` };
    const teamImpactBody = JSON.stringify({ query: TEAM_IMPACT, variables: { teamId: data.teamIds[0] } });
    const precomputed = (await post(url, teamImpactBody, headers)) as { teamImpact: Record<string, unknown> };
    const readLoad = (target: string, connections: number, hdrs: Record<string, string> = headers) =>
      runChild<LoadResult>('load', {
        url: target,
        connections,
        seconds: LOAD_SECONDS,
        headers: hdrs,
        body: teamImpactBody,
      } satisfies LoadInput);
    // The baseline runs beside the service, and the two are loaded in turns, so a change in the
    // machine's other work during the run weighs on both alike.
    bare = await startBareApollo(precomputed.teamImpact);
    const rounds = {
      ours: [] as LoadResult[],
      bare: [] as LoadResult[],
      oursOne: [] as LoadResult[],
      bareOne: [] as LoadResult[],
    };
    for (let round = 0; round < READ_ROUNDS; round++) {
      rounds.oursOne.push(await readLoad(url, 1));
      rounds.bareOne.push(await readLoad(bare.url, 1, {}));
      rounds.ours.push(await readLoad(url, READ_CONNECTIONS));
      rounds.bare.push(await readLoad(bare.url, READ_CONNECTIONS, {}));
    }
    const middle = (runs: LoadResult[], figure: (run: LoadResult) => number) => median(runs.map(figure));
    result.teamImpactP50Ms = round(
      middle(rounds.oursOne, (r) => r.p50Ms),
      3,
    );
    result.teamImpactP99Ms = round(
      middle(rounds.oursOne, (r) => r.p99Ms),
      3,
    );
    result.bareApolloP50Ms = round(
      middle(rounds.bareOne, (r) => r.p50Ms),
      3,
    );
    result.teamImpactReqPerSec = round(
      middle(rounds.ours, (r) => r.perSec),
      0,
    );
    result.bareApolloReqPerSec = round(
      middle(rounds.bare, (r) => r.perSec),
      0,
    );
    result.teamImpactVsBareApollo = ratio(result.teamImpactReqPerSec as number, result.bareApolloReqPerSec as number);
    result.teamImpactVsBareApolloPerRound = rounds.ours.map((r, i) => ratio(r.perSec, rounds.bare[i].perSec)).join(' ');
    result.teamImpactErrors = [...rounds.ours, ...rounds.oursOne].reduce((sum, r) => sum + r.errors, 0);
    await bare.stop();
    bare = null;
    log(
      `teamImpact: p50 ${result.teamImpactP50Ms} ms, ${result.teamImpactReqPerSec} req/s; bare Apollo ${result.bareApolloReqPerSec} req/s`,
    );

    // 4. Time travel and decision replay on the 10,000-event stream: the first ask, then the median.
    const asOfBody = JSON.stringify({
      query: `query($id: ID!, $asOf: DateTime) { initiative(id: $id, asOf: $asOf) { id status version } }`,
      variables: { id: data.longInitiativeId, asOf: data.asOfMiddle },
    });
    const asOf = await timings(quick ? 10 : 20, () => post(url, asOfBody, headers));
    result.initiativeAsOfFirstMs = round(asOf.first, 2);
    result.initiativeAsOfMs = round(asOf.median, 2);
    const replayBody = JSON.stringify({
      query: `query($id: ID!) { decisionReplay(decisionId: $id) { eventsBefore evidenceMatches decision { id } } }`,
      variables: { id: data.decisionId },
    });
    const replay = (await post(url, replayBody, headers)) as {
      decisionReplay: { eventsBefore: number; evidenceMatches: boolean };
    };
    result.decisionReplayEventsBefore = replay.decisionReplay.eventsBefore;
    result.decisionReplayEvidenceMatches = replay.decisionReplay.evidenceMatches;
    const replays = await timings(quick ? 10 : 20, () => post(url, replayBody, headers));
    result.decisionReplayMs = round(replays.median, 2);
    log(
      `asOf ${result.initiativeAsOfFirstMs} then ${result.initiativeAsOfMs} ms, decisionReplay ${result.decisionReplayMs} ms`,
    );

    // 5. Mutations over HTTP from another process: recordMeasurement, a new commandId per request.
    const launched = data.initiativeIds.filter((id) => id !== data.longInitiativeId && !id.endsWith('9'));
    const targets = launched.slice(0, WRITE_TARGETS);
    const streamLength = streamEvents(file, initiativeStreamId(targets[0]));
    // The baseline: raw durable single-row inserts (same schema and pragmas) of rows like those the
    // mutations write (the data set's last measurements), right before and after each mutation run.
    const sampleRows = lastRows(file, 3000);
    const rawRates: number[] = [];
    const raw = () => rawRates.push(rawInserts(join(dataDir, `raw-${rawRates.length}.sqlite`), sampleRows));
    for (const connections of WRITE_CONNECTIONS) {
      raw();
      const writes = await runChild<LoadResult>('load', {
        url,
        connections,
        seconds: LOAD_SECONDS,
        headers,
        body: {
          query: RECORD_MEASUREMENT,
          input: { metricId: data.metricId, periodStart: '2026-01-05T00:00:00.000Z', cohort: 'CONTROL' },
          targets,
          runId: `http-${connections}`,
        },
      } satisfies LoadInput);
      raw();
      const baseline = (rawRates[rawRates.length - 1] + rawRates[rawRates.length - 2]) / 2;
      result[`mutations${connections}PerSec`] = round(writes.perSec, 0);
      result[`mutations${connections}P50Ms`] = round(writes.p50Ms, 3);
      result[`mutations${connections}P99Ms`] = round(writes.p99Ms, 3);
      result[`mutations${connections}Errors`] = writes.errors;
      result[`rawInsertAround${connections}PerSec`] = round(baseline, 0);
      result[`mutations${connections}VsRawInsert`] = ratio(writes.perSec, baseline);
      if (writes.firstError) log(`mutation error: ${writes.firstError}`);
      log(
        `mutations, ${connections} connection(s): ${round(writes.perSec, 0)}/s, p99 ${round(writes.p99Ms, 2)} ms; raw inserts ${round(baseline, 0)}/s`,
      );
    }
    result.mutationStreamEvents = streamLength;
    result.rawInsertPerSec = round(median(rawRates), 0);
    result.mutationP99At16VsAt1 = ratio(result.mutations16P99Ms as number, result.mutations1P99Ms as number);
    await service.stop();
    service = null;
    // The same raw inserts into the data set's own file: what one durable row costs in a table of
    // a million events and its indexes, which the fresh file of the baseline does not show.
    result.rawInsertIntoDatasetPerSec = round(rawInsertsIntoDataset(file, sampleRows.slice(0, 1000)), 0);
    log(`raw inserts into the data set's file: ${result.rawInsertIntoDatasetPerSec}/s`);

    // 5c. The same commands in process, on the CommandBus (no HTTP), and on Emmett's SQLite event store.
    const participants = Object.fromEntries(targets.map((id) => [id, data.participants[id][0]]));
    const spec: MeasurementSpec = { targets, metricId: data.metricId, participants, runId: 'in-process' };
    const inProcess = await runChild<CommandsResult[]>('in-process', {
      env: { ...env, PORT: '0' },
      spec,
      count: IN_PROCESS_COMMANDS,
      concurrency: WRITE_CONNECTIONS,
    });
    for (const run of inProcess) {
      result[`commandBus${run.concurrency}PerSec`] = round(run.perSec, 0);
      result[`commandBus${run.concurrency}VsRawInsert`] = ratio(run.perSec, result.rawInsertPerSec as number);
      if (run.firstError) log(`command bus error: ${run.firstError}`);
    }
    log(`CommandBus in process: ${inProcess.map((r) => `${round(r.perSec, 0)}/s at ${r.concurrency}`).join(', ')}`);
    try {
      ensurePeersInstalled(log);
      const emmett = await runChild<EmmettResult>(
        'emmett-peer',
        {
          source: file,
          file: join(dataDir, 'emmett.sqlite'),
          spec: { ...spec, runId: 'emmett' },
          streams: Object.fromEntries(targets.map((id) => [id, initiativeStreamId(id)])),
          count: Math.round(IN_PROCESS_COMMANDS / 3),
          seconds: LOAD_SECONDS * 2,
          concurrency: WRITE_CONNECTIONS,
        } satisfies EmmettInput,
        { timeoutSeconds: 180 },
      );
      for (const run of emmett.runs) {
        result[`emmett${run.concurrency}PerSec`] = round(run.perSec, 0);
        result[`emmett${run.concurrency}Commands`] = run.commands;
        result[`emmett${run.concurrency}Failed`] = run.failed;
        if (run.firstError) log(`Emmett error: ${run.firstError}`);
      }
      log(`Emmett SQLite: ${emmett.runs.map((r) => `${round(r.perSec, 0)}/s at ${r.concurrency}`).join(', ')}`);
    } catch (error) {
      result.emmett = `did not run: ${(error as Error).message.split('\n')[0]}`;
      log(String(result.emmett));
    }

    // 6. Projection rebuild from zero vs reading and parsing the same rows.
    result.rebuildEventsPerSec = round(await rebuild(file), 0);
    result.rawParseEventsPerSec = round(rawParse(file), 0);
    result.rebuildVsRawParse = ratio(result.rebuildEventsPerSec as number, result.rawParseEventsPerSec as number);
    log(`rebuild ${result.rebuildEventsPerSec} ev/s vs raw parse ${result.rawParseEventsPerSec} ev/s`);

    result.loadAverageAtEnd = loadavg()[0].toFixed(2);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await service?.stop();
    await bare?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Service {
  base: string;
  readySeconds: number;
  /** CPU time the service process used until ready: less at the mercy of other work on the machine than the wall clock. */
  readyCpuSeconds: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/** The compiled service, as `npm start` runs it, in a process of its own; ready once `/ready` answers 200. */
async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const fromSource = __filename.endsWith('.ts');
  const main = join(__dirname, '..', 'src', fromSource ? 'main.ts' : 'main.js');
  const args = fromSource ? ['--require', join(__dirname, '..', 'scripts', 'register-ts.js'), main] : [main];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/ready`).then(
      (r) => r.arrayBuffer().then(() => r.ok),
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const readySeconds = (performance.now() - started) / 1000;
  return {
    base,
    readySeconds,
    readyCpuSeconds: cpuSecondsOf(child),
    rssMb: () => rssOf(child),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function cpuSecondsOf(child: ChildProcess): number {
  // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second on Linux).
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startBareApollo(
  teamImpact: Record<string, unknown>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const fromSource = __filename.endsWith('.ts');
  const file = join(__dirname, 'children', fromSource ? 'bare-apollo.ts' : 'bare-apollo.js');
  const args = fromSource ? ['--require', join(__dirname, '..', 'scripts', 'register-ts.js'), file] : [file];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, BENCH_TEAM_IMPACT: JSON.stringify(teamImpact) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`bare Apollo exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || json.errors?.length) {
    throw new Error(`HTTP ${response.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  }
  return json.data;
}

/** The first of `count` sequential asks, and the median of them all, in milliseconds. */
async function timings(count: number, once: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await once();
    times.push(performance.now() - t);
  }
  return { first: times[0], median: median(times) };
}

function streamEvents(file: string, streamId: string): number {
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM events WHERE stream_id = ?').get(streamId) as { n: number };
  db.close();
  return row.n;
}

function lastRows(file: string, count: number): Array<Record<string, string | number>> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      'SELECT stream_id, revision, event_id, type, data, metadata, occurred_at FROM events ORDER BY position DESC LIMIT ?',
    )
    .all(count) as Array<Record<string, string | number>>;
  db.close();
  return rows.reverse();
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

/** Raw durable inserts into an existing event log, in a stream of their own, removed again afterwards. */
function rawInsertsIntoDataset(file: string, rows: Array<Record<string, string | number>>): number {
  const db = new Database(file);
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const one = db.transaction((r: Record<string, string | number>, i: number) =>
    insert.run('bench-raw-inserts', i, `raw-${i}`, r.type, r.data, r.metadata, r.occurred_at),
  ).immediate;
  const t = performance.now();
  rows.forEach((r, i) => one(r, i));
  const perSec = rows.length / ((performance.now() - t) / 1000);
  db.prepare("DELETE FROM events WHERE stream_id = 'bench-raw-inserts'").run();
  db.close();
  return perSec;
}

async function rebuild(file: string): Promise<number> {
  const store = pilotlogEventStore(new SqliteEventStore({ filename: file }));
  const t = performance.now();
  const set = new ProjectionSet(EVERY_READ_MODEL);
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
