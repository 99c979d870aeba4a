import { streamIdOf } from '../../shared/domain/decider';
import { OverdueKind } from '../../initiatives/domain/initiative.figures';

export type AlertKind = 'DECISION_OVERDUE' | 'ANALYSIS_PARALYSIS';

export type AlertRaised = {
  type: 'AlertRaised';
  data: {
    /** One id per occurrence: the initiative, what is late, and how many times it has been. */
    alertId: string;
    /** What is late, the same for every occurrence: `ANALYSIS_PARALYSIS`, `DECISION_OVERDUE:2:ITERATION_PAST_END`. */
    key: string;
    alert: AlertKind;
    initiativeId: string;
    teamId: string;
    /** The iteration that is overdue; null for analysis paralysis. */
    iteration: number | null;
    overdueKind: OverdueKind | null;
    /** When the condition began: the planned end, the completion, or the proposal. */
    since: string;
    occurrence: number;
    raisedAt: string;
  };
};
/** The condition ended (the iteration completed, a decision was made, the pilot launched). */
export type AlertCleared = {
  type: 'AlertCleared';
  data: { alertId: string; key: string; initiativeId: string; teamId: string; clearedAt: string };
};

export type AlertEvent = AlertRaised | AlertCleared;
export type AlertEventType = AlertEvent['type'];

/** The alerts of one initiative, apart from its own stream so they never move its version. */
export const alertStreamId = (initiativeId: string): string => streamIdOf('alerts', initiativeId);
