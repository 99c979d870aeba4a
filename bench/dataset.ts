import { randomUUID } from 'node:crypto';
import { pilotlogEventStore } from '../src/event-catalog';
import { decideInitiative, InitiativeCommand } from '../src/initiatives/domain/initiative.decide';
import { InitiativeEvent, initiativeStreamId } from '../src/initiatives/domain/initiative.events';
import { evolveInitiative, initialInitiativeState, InitiativeState } from '../src/initiatives/domain/initiative.state';
import { EventStore, EventToAppend, JsonObject } from '../src/shared/event-store/event-store.port';
import { decideTeam, TeamCommand } from '../src/teams/domain/team.decide';
import { TeamEvent, teamStreamId } from '../src/teams/domain/team.events';
import { evolveTeam, initialTeamState, teamSnapshot, TeamSnapshot, TeamState } from '../src/teams/domain/team.state';

/**
 * A realistic data set built with the domain's own deciders (so every event has the shape the
 * command handlers produce) and bulk-appended through the store as the service writes it
 * (versioned and hash-chained per stream).
 */
export interface DatasetSize {
  teams: number;
  initiatives: number;
  /** Total events in the log, measurements filling what the set-up events leave. */
  totalEvents: number;
  /** Events in the one long initiative stream used for asOf and decision replay. */
  longStreamEvents: number;
}

export interface Dataset {
  teamIds: string[];
  initiativeIds: string[];
  longInitiativeId: string;
  /** A decision near the end of the long stream. */
  decisionId: string;
  /** An instant in the middle of the long stream. */
  asOfMiddle: string;
  metricId: string;
  /** Participants of each initiative, for further measurements. */
  participants: Map<string, string[]>;
  events: number;
}

const START = Date.parse('2023-01-02T09:00:00.000Z');
const MINUTE = 60_000;
const ACTOR = 'dana.director';
const CHUNK = 5000;

type Domain = { type: string; data: unknown };

class StreamWriter {
  private version = 0;
  private pending: EventToAppend[] = [];
  written = 0;

  /** Events written or waiting to be written. */
  get count(): number {
    return this.written + this.pending.length;
  }

  constructor(
    private readonly store: EventStore,
    readonly streamId: string,
  ) {}

  async add(event: Domain, now: string): Promise<void> {
    const commandId = randomUUID();
    this.pending.push({
      id: randomUUID(),
      type: event.type,
      data: event.data as JsonObject,
      metadata: {
        occurredAt: now,
        actor: ACTOR,
        commandId,
        correlationId: commandId,
        causationId: commandId,
      },
    });
    if (this.pending.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.store.append(this.streamId, this.pending, this.version === 0 ? 'no_stream' : this.version);
    this.version += this.pending.length;
    this.written += this.pending.length;
    this.pending = [];
  }
}

export async function buildDataset(
  stored: EventStore,
  size: DatasetSize,
  progress: (m: string) => void,
): Promise<Dataset> {
  const store = pilotlogEventStore(stored);
  let clock = START;
  const tick = () => new Date((clock += MINUTE)).toISOString();
  let teamEvents = 0;
  const snapshots = new Map<string, TeamSnapshot>();
  const teamIds: string[] = [];
  const icsOf = new Map<string, string[]>();

  for (let t = 0; t < size.teams; t++) {
    const teamId = `team${t}`;
    teamIds.push(teamId);
    const writer = new StreamWriter(store, teamStreamId(teamId));
    let state: TeamState = initialTeamState;
    const run = async (command: TeamCommand) => {
      for (const event of decideTeam(command, state)) {
        state = evolveTeam(state, event as TeamEvent);
        await writer.add(event, command.now);
      }
    };
    await run({ type: 'RegisterTeam', teamId, name: `Team ${t}`, now: tick() });
    await run({
      type: 'AddTeamMember',
      teamId,
      memberId: `dir${t}`,
      name: 'Director',
      role: 'DIRECTOR',
      managerId: null,
      now: tick(),
    });
    const managers = [1, 2, 3].map((m) => `t${t}-mgr${m}`);
    for (const m of managers) {
      await run({ type: 'AddTeamMember', teamId, memberId: m, name: m, role: 'MANAGER', managerId: null, now: tick() });
    }
    const ics = Array.from({ length: 20 }, (_, i) => `t${t}-ic${i}`);
    for (const [i, ic] of ics.entries()) {
      await run({
        type: 'AddTeamMember',
        teamId,
        memberId: ic,
        name: ic,
        role: 'IC',
        managerId: managers[i % 3],
        now: tick(),
      });
    }
    await writer.flush();
    teamEvents += writer.written;
    snapshots.set(teamId, teamSnapshot(state));
    icsOf.set(teamId, ics);
  }
  progress(`teams: ${size.teams} (${teamEvents} events)`);

  const metricId = 'engaged';
  const participants = new Map<string, string[]>();
  const initiativeIds: string[] = [];
  const writers: StreamWriter[] = [];
  const states: InitiativeState[] = [];

  const runInitiative = async (index: number, command: InitiativeCommand) => {
    for (const event of decideInitiative(command, states[index])) {
      states[index] = evolveInitiative(states[index], event as InitiativeEvent);
      await writers[index].add(event, command.now);
    }
  };

  for (let i = 0; i < size.initiatives; i++) {
    const initiativeId = `init${i}`;
    const teamId = teamIds[i % teamIds.length];
    const team = snapshots.get(teamId)!;
    const ics = icsOf.get(teamId)!;
    initiativeIds.push(initiativeId);
    writers.push(new StreamWriter(store, initiativeStreamId(initiativeId)));
    states.push(initialInitiativeState);
    const pilot = [0, 1, 2, 3].map((k) => ics[(i + k) % ics.length]);
    const control = [4, 5, 6, 7].map((k) => ics[(i + k) % ics.length]);
    participants.set(initiativeId, pilot);
    const now = tick();
    await runInitiative(i, {
      type: 'ProposeInitiative',
      initiativeId,
      team,
      title: `Initiative ${i}`,
      problem: 'Reply rates keep falling',
      potentialReach: 4 + (i % 10),
      actor: ACTOR,
      now,
    });
    await runInitiative(i, {
      type: 'StateHypothesis',
      statement: 'We believe a change engages more customers',
      now: tick(),
    });
    await runInitiative(i, {
      type: 'DefineSuccessMetric',
      metricId,
      name: 'Customers engaged per week',
      unit: 'customers',
      direction: 'INCREASE',
      baseline: 10,
      target: 15,
      cadence: 'WEEKLY',
      source: 'CRM',
      kind: 'PRIMARY',
      now: tick(),
    });
    if (i % 10 === 9) continue; // some stay unlaunched
    await runInitiative(i, {
      type: 'LaunchPilot',
      team,
      ownerId: `t${i % teamIds.length}-mgr${(i % 3) + 1}`,
      participantIds: pilot,
      controlIds: control,
      now: tick(),
    });
    await runInitiative(i, {
      type: 'StartIteration',
      change: 'First change',
      plannedEndAt: new Date(clock + 14 * 1440 * MINUTE).toISOString(),
      now: tick(),
    });
  }
  for (const w of writers) await w.flush();
  const countAll = () => teamEvents + writers.reduce((sum, w) => sum + w.count, 0);
  progress(`initiatives: ${size.initiatives} (${countAll()} events so far)`);

  const launched = initiativeIds.map((_, i) => i).filter((i) => states[i].status === 'PILOTING');
  const measure = (index: number, n: number, now: string): InitiativeCommand => {
    const pilot = participants.get(initiativeIds[index])!;
    const cohort = n % 2 === 0 ? 'PILOT' : 'CONTROL';
    return {
      type: 'RecordMeasurement',
      metricId,
      value: 8 + ((n * 7) % 9),
      periodStart: new Date(START + Math.floor(n / 8) * 7 * 1440 * MINUTE).toISOString(),
      cohort,
      participantId: cohort === 'PILOT' ? pilot[n % pilot.length] : null,
      now,
    };
  };

  // The long stream: measurements, then a completed iteration and a decision, then more measurements.
  const longIndex = launched[0];
  const longTarget = size.longStreamEvents;
  const decisionAt = Math.floor(longTarget * 0.9);
  const decisionId = 'bench-decision';
  let asOfMiddle = '';
  let n = 0;
  const longWriter = writers[longIndex];
  const longVersion = () => longWriter.count;
  while (longVersion() < longTarget) {
    const v = longVersion();
    if (v === Math.floor(longTarget / 2)) asOfMiddle = new Date(clock).toISOString();
    if (v === decisionAt) {
      await runInitiative(longIndex, {
        type: 'CompleteIteration',
        outcome: 'INCONCLUSIVE',
        learnings: 'Too noisy',
        now: tick(),
      });
      await runInitiative(longIndex, {
        type: 'RecordDecision',
        decisionId,
        kind: 'PIVOT',
        rationale: 'Try a different change',
        revisedHypothesis: 'We believe a smaller change engages more customers',
        actor: ACTOR,
        now: tick(),
      });
      await runInitiative(longIndex, {
        type: 'StartIteration',
        change: 'Second change',
        plannedEndAt: new Date(clock + 14 * 1440 * MINUTE).toISOString(),
        now: tick(),
      });
      continue;
    }
    await runInitiative(longIndex, measure(longIndex, n++, tick()));
  }
  await longWriter.flush();
  progress(`long stream: ${longWriter.written} events`);

  // Everything else: measurements round-robin over the other piloting initiatives.
  const others = launched.filter((i) => i !== longIndex);
  let total = countAll();
  let k = 0;
  const reportEvery = Math.max(50_000, Math.floor(size.totalEvents / 10));
  let nextReport = total + reportEvery;
  while (total < size.totalEvents && others.length > 0) {
    const index = others[k++ % others.length];
    const command = measure(index, Math.floor(k / others.length), tick());
    // Measurements do not change what the next measurement decides, so the state is not evolved.
    for (const event of decideInitiative(command, states[index])) await writers[index].add(event, command.now);
    total++;
    if (total >= nextReport) {
      progress(`measurements: ${total} events`);
      nextReport += reportEvery;
    }
  }
  for (const w of writers) await w.flush();
  return {
    teamIds,
    initiativeIds,
    longInitiativeId: initiativeIds[longIndex],
    decisionId,
    asOfMiddle,
    metricId,
    participants,
    events: countAll(),
  };
}
