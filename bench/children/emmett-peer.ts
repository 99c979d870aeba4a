import { createRequire } from 'node:module';
import { PEERS_PACKAGE } from './peers';
import { pilotlogEventStore } from '../../src/event-catalog';
import { decideInitiative } from '../../src/initiatives/domain/initiative.decide';
import { InitiativeEvent } from '../../src/initiatives/domain/initiative.events';
import {
  evolveInitiative,
  initialInitiativeState,
  InitiativeState,
} from '../../src/initiatives/domain/initiative.state';
import { SqliteEventStore } from '../../src/shared/event-store/sqlite/sqlite-event-store';
import { serveChild } from './child';
import { commandsPerSec, CommandsResult, measurement, MeasurementSpec } from './commands';

export interface EmmettInput {
  /** pilotlog's file, whose target streams are copied into Emmett's store first. */
  source: string;
  file: string;
  spec: MeasurementSpec;
  /** Stream id of each target initiative. */
  streams: Record<string, string>;
  count: number;
  /** Longest each run may take. */
  seconds: number;
  concurrency: number[];
}

export interface EmmettResult {
  streamEvents: number;
  runs: CommandsResult[];
}

/**
 * The same recordMeasurement commands, decided by the same domain, on Emmett's SQLite event store
 * with Emmett's command handler: it folds the stream and appends with the version it read.
 */
/** The part of Emmett's API the comparison uses; Emmett lives in bench/peers, outside the project's install. */
type Event = { type: string; data: unknown };
interface EmmettStore {
  appendToStream(streamId: string, events: Event[]): Promise<unknown>;
}
type Handle<State> = (store: EmmettStore, streamId: string, decide: (state: State) => Event[]) => Promise<unknown>;
interface Emmett {
  CommandHandler<State>(options: { evolve: (state: State, event: Event) => State; initialState: () => State }): Handle<State>;
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): EmmettStore;
}

const fromPeers = createRequire(PEERS_PACKAGE);
const { CommandHandler } = fromPeers('@event-driven-io/emmett') as Emmett;
const { getSQLiteEventStore } = fromPeers('@event-driven-io/emmett-sqlite') as EmmettSqlite;

serveChild<EmmettInput, EmmettResult>(async ({ source, file, spec, streams, count, seconds, concurrency }) => {
  const ours = pilotlogEventStore(new SqliteEventStore({ filename: source }));
  const store = getSQLiteEventStore({ fileName: file });
  // Emmett logs every failed transaction with console.log; the figures say how many failed.
  console.log = () => {};
  let streamEvents = 0;
  for (const initiativeId of spec.targets) {
    const events = await ours.readStream(streams[initiativeId]);
    streamEvents = events.length;
    for (let from = 0; from < events.length; from += 1000) {
      const chunk: Event[] = events.slice(from, from + 1000).map((e) => ({ type: e.type, data: e.data }));
      await store.appendToStream(streams[initiativeId], chunk);
    }
  }
  await ours.close();
  // Emmett's events are untyped records; ours are the domain's union: the same objects either way.
  const handle = CommandHandler<InitiativeState>({
    evolve: (state, event) => evolveInitiative(state, event as unknown as InitiativeEvent),
    initialState: () => initialInitiativeState,
  });
  const runs: CommandsResult[] = [];
  for (const c of concurrency) {
    const runId = `${spec.runId}-emmett-${c}`;
    runs.push(
      await commandsPerSec(
        count,
        c,
        (i) => {
          const {
            initiativeId,
            commandId: _commandId,
            cohort,
            participantId,
            ...reading
          } = measurement({ ...spec, runId }, i);
          return handle(
            store,
            streams[initiativeId],
            (state) =>
              decideInitiative(
                { type: 'RecordMeasurement', ...reading, cohort, participantId, now: new Date().toISOString() },
                state,
              ) as unknown as Event[],
          );
        },
        seconds,
      ),
    );
  }
  return { streamEvents, runs };
});
