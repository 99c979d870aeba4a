import { Decider, EntityType } from '../../shared/domain/decider';
import { ignoreUnknownEvent } from '../../shared/domain/exhaustive';
import {
  awaitsLaunch,
  inAnalysisParalysis,
  OverdueKind,
  overdueIteration,
  PilotFacts,
} from '../../initiatives/domain/initiative.figures';
import { AlertEvent, AlertKind, alertStreamId } from './alert.events';

const HOUR_MS = 3_600_000;

/** How long a decision may be overdue before it is alerted, unless configured otherwise. */
export const DEFAULT_QUIET_PERIOD_HOURS = 48;

/**
 * Something that may be alerted. `key` names the occurrence: the same late iteration keeps its
 * key however long it stays late. `due` once it has lasted past the quiet period (decisions) or
 * the team's limit (proposals); until then it is present but held back.
 */
export interface AlertCondition {
  key: string;
  alert: AlertKind;
  iteration: number | null;
  overdueKind: OverdueKind | null;
  since: string;
  due: boolean;
}

export interface AlertPolicy {
  quietPeriodHours: number;
  paralysisLimitDays: number;
}

/** The alert conditions of an initiative at `now`, from the rules the dashboards show. */
export function alertConditions(
  initiative: PilotFacts & { status: string; proposedAt: string },
  policy: AlertPolicy,
  now: string,
): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  if (awaitsLaunch(initiative)) {
    conditions.push({
      key: 'ANALYSIS_PARALYSIS',
      alert: 'ANALYSIS_PARALYSIS',
      iteration: null,
      overdueKind: null,
      since: initiative.proposedAt,
      due: inAnalysisParalysis(initiative, policy.paralysisLimitDays, now),
    });
  }
  const overdue = overdueIteration(initiative, now);
  if (overdue) {
    conditions.push({
      key: `DECISION_OVERDUE:${overdue.iteration}:${overdue.kind}`,
      alert: 'DECISION_OVERDUE',
      iteration: overdue.iteration,
      overdueKind: overdue.kind,
      since: overdue.since,
      due: Date.parse(now) - Date.parse(overdue.since) > policy.quietPeriodHours * HOUR_MS,
    });
  }
  return conditions;
}

export interface InitiativeAlertsState {
  /** Raised and not yet cleared, by key, with the alert id of the occurrence. */
  active: ReadonlyMap<string, string>;
  /** How many times each key has been raised. */
  occurrences: ReadonlyMap<string, number>;
}

export const initialAlertsState: InitiativeAlertsState = { active: new Map(), occurrences: new Map() };

export function evolveAlerts(state: InitiativeAlertsState, event: AlertEvent): InitiativeAlertsState {
  switch (event.type) {
    case 'AlertRaised': {
      const { key } = event.data;
      return {
        active: new Map(state.active).set(key, event.data.alertId),
        occurrences: new Map(state.occurrences).set(key, event.data.occurrence),
      };
    }
    case 'AlertCleared': {
      const active = new Map(state.active);
      active.delete(event.data.key);
      return { ...state, active };
    }
    default:
      return ignoreUnknownEvent(event, state);
  }
}

export type ReviewAlerts = {
  type: 'ReviewAlerts';
  initiativeId: string;
  teamId: string;
  conditions: readonly AlertCondition[];
  now: string;
};

/**
 * An alert is raised once per occurrence: when its condition is due and it is not already
 * raised. It is cleared when its condition no longer holds at all, and only a condition that
 * comes back after that raises it again. A condition still within its quiet period keeps an
 * active alert as it is, so a clock that reads a little behind another never clears one.
 */
export function decideAlerts(command: ReviewAlerts, state: InitiativeAlertsState): AlertEvent[] {
  const { initiativeId, teamId, now } = command;
  const events: AlertEvent[] = [];
  const present = new Set(command.conditions.map((condition) => condition.key));
  for (const [key, alertId] of state.active) {
    if (!present.has(key))
      events.push({ type: 'AlertCleared', data: { alertId, key, initiativeId, teamId, clearedAt: now } });
  }
  for (const condition of command.conditions) {
    if (!condition.due || state.active.has(condition.key)) continue;
    const occurrence = (state.occurrences.get(condition.key) ?? 0) + 1;
    events.push({
      type: 'AlertRaised',
      data: {
        alertId: `${initiativeId}:${condition.key}#${occurrence}`,
        key: condition.key,
        alert: condition.alert,
        initiativeId,
        teamId,
        iteration: condition.iteration,
        overdueKind: condition.overdueKind,
        since: condition.since,
        occurrence,
        raisedAt: now,
      },
    });
  }
  return events;
}

/** True when a review would record something: what the reviewer checks before it sends a command. */
export function alertsToReview(state: InitiativeAlertsState, conditions: readonly AlertCondition[]): boolean {
  const present = new Set(conditions.map((condition) => condition.key));
  for (const key of state.active.keys()) if (!present.has(key)) return true;
  return conditions.some((condition) => condition.due && !state.active.has(condition.key));
}

/** The alerts of one initiative: raised and cleared by the service as time passes and the pilot moves. */
export const alertsDecider: Decider<ReviewAlerts, InitiativeAlertsState, AlertEvent> &
  EntityType<InitiativeAlertsState, AlertEvent> = {
  entity: 'alerts',
  streamId: alertStreamId,
  initialState: () => initialAlertsState,
  evolve: evolveAlerts,
  decide: decideAlerts,
};
