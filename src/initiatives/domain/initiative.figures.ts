import { roundFigure, roundPValue } from '../../shared/statistics/precision';
import { mean, sampleSd, welchTTest } from '../../shared/statistics/welch';
import { CohortComparison, MetricEvidence } from './initiative.events';
import { InitiativeState, lastCompletedIterationOf, Measurement, openIterationOf } from './initiative.state';

/** The PILOT readings of the most recent period seen so far; `latest` is their mean. */
export interface LatestPeriod {
  periodStart: string;
  sum: number;
  n: number;
}

/** Periods are compared as instants, so '2026-01-12' and '2026-01-12T00:00:00Z' are one period. */
function comparePeriods(a: string, b: string): number {
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  if (Number.isFinite(ta) && Number.isFinite(tb)) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folds one PILOT reading into the latest period, so projections and the domain share one definition. */
export function foldLatestPeriod(latest: LatestPeriod | null, periodStart: string, value: number): LatestPeriod {
  if (latest === null) return { periodStart, sum: value, n: 1 };
  const order = comparePeriods(periodStart, latest.periodStart);
  if (order > 0) return { periodStart, sum: value, n: 1 };
  if (order === 0) return { periodStart: latest.periodStart, sum: latest.sum + value, n: latest.n + 1 };
  return latest;
}

export function latestOfPeriod(latest: LatestPeriod | null): number | null {
  return latest === null ? null : latest.sum / latest.n;
}

/** Mean of the PILOT readings of the most recent period recorded for the metric; null before any. */
export function latestValue(measurements: Iterable<Measurement>, metricId: string): number | null {
  let latest: LatestPeriod | null = null;
  for (const m of measurements) {
    if (m.metricId === metricId && m.cohort === 'PILOT') latest = foldLatestPeriod(latest, m.periodStart, m.value);
  }
  return latestOfPeriod(latest);
}

/**
 * (latest − baseline) ÷ (target − baseline), unclamped: 1 means the target is reached, below 0 a move away from it.
 * Computed from the unrounded latest, then rounded, as evidence frozen by earlier releases was.
 */
export function progress(metric: { baseline: number; target: number }, latest: number | null): number | null {
  return latest === null ? null : roundFigure((latest - metric.baseline) / (metric.target - metric.baseline));
}

/**
 * How much of an iteration's planned window has passed at `now`, from 0 to 1; null when the
 * window is not a real interval (unreadable dates, or an end not after the start).
 */
export function elapsedShare(iteration: { startedAt: string; plannedEndAt: string }, now: string): number | null {
  const start = Date.parse(iteration.startedAt);
  const window = Date.parse(iteration.plannedEndAt) - start;
  const elapsed = Date.parse(now) - start;
  if (!Number.isFinite(window) || !Number.isFinite(elapsed) || window <= 0) return null;
  return Math.min(1, Math.max(0, elapsed / window));
}

/** On track when progress keeps pace with the time elapsed in the current iteration. */
export function onTrack(metricProgress: number | null, share: number | null): boolean | null {
  return metricProgress === null || share === null ? null : metricProgress >= share;
}

/** Welch's t-test of PILOT − CONTROL readings of one metric in one iteration, from the readings themselves. */
export function compareCohorts(
  metricId: string,
  iteration: number,
  pilot: readonly number[],
  control: readonly number[],
): CohortComparison {
  const welch = welchTTest(pilot, control);
  return {
    metricId,
    iteration,
    pilot: { n: pilot.length, mean: roundFigure(mean(pilot)), sd: roundFigure(sampleSd(pilot)) },
    control: { n: control.length, mean: roundFigure(mean(control)), sd: roundFigure(sampleSd(control)) },
    difference: roundFigure(welch?.difference ?? null),
    ciLow: roundFigure(welch?.ciLow ?? null),
    ciHigh: roundFigure(welch?.ciHigh ?? null),
    pValue: roundPValue(welch?.pValue ?? null),
  };
}

/** The cohort comparison of one metric in one iteration, picked out of all the measurements of a pilot. */
export function cohortComparison(
  measurements: Iterable<Pick<Measurement, 'metricId' | 'iteration' | 'cohort' | 'value'>>,
  metricId: string,
  iteration: number,
): CohortComparison {
  const pilot: number[] = [];
  const control: number[] = [];
  for (const m of measurements) {
    if (m.metricId !== metricId || m.iteration !== iteration) continue;
    (m.cohort === 'PILOT' ? pilot : control).push(m.value);
  }
  return compareCohorts(metricId, iteration, pilot, control);
}

/**
 * The evidence a decision freezes, per metric in definition order: baseline, target, latest,
 * progress, and the cohort comparison of the last completed iteration (null before one).
 * Decision replay recomputes it from the replayed state, so it must depend on events only.
 */
export function evidence(state: InitiativeState): MetricEvidence[] {
  if (state.status === 'NEW') return [];
  const measurements = 'measurements' in state ? state.measurements : [];
  const completed = 'iterations' in state ? lastCompletedIterationOf(state) : null;
  return state.metrics.map((metric) => {
    const latest = latestValue(measurements, metric.metricId);
    return {
      metricId: metric.metricId,
      name: metric.name,
      baseline: metric.baseline,
      target: metric.target,
      latest: roundFigure(latest),
      progress: progress(metric, latest),
      comparison: completed ? cohortComparison(measurements, metric.metricId, completed.number) : null,
    };
  });
}

const DAY_MS = 86_400_000;

export type OverdueKind = 'ITERATION_PAST_END' | 'DECISION_PENDING';

/** An iteration that should have moved on: past its planned end, or completed without a decision. */
export interface OverdueIteration {
  iteration: number;
  kind: OverdueKind;
  /** The planned end that passed, or when the iteration completed. */
  since: string;
}

/** The facts of a pilot the overdue rule reads; the domain state and the read model both have them. */
export interface PilotFacts {
  status: string;
  iterations?: readonly { number: number; plannedEndAt: string; completedAt: string | null }[];
  decisions?: readonly { iteration: number }[];
}

/** Decision overdue: the open iteration is past its planned end, or the last completed one awaits a decision. */
export function overdueIteration(pilot: PilotFacts, now: string): OverdueIteration | null {
  if (pilot.status !== 'PILOTING' || !pilot.iterations) return null;
  const open = openIterationOf({ iterations: pilot.iterations });
  if (open) {
    return open.plannedEndAt < now
      ? { iteration: open.number, kind: 'ITERATION_PAST_END', since: open.plannedEndAt }
      : null;
  }
  const lastCompleted = pilot.iterations[pilot.iterations.length - 1];
  if (!lastCompleted?.completedAt) return null;
  const decided = (pilot.decisions ?? []).some((d) => d.iteration === lastCompleted.number);
  return decided
    ? null
    : { iteration: lastCompleted.number, kind: 'DECISION_PENDING', since: lastCompleted.completedAt };
}

/** Still waiting for launch: proposed or defined, not yet piloting. */
export function awaitsLaunch(initiative: { status: string }): boolean {
  return initiative.status === 'PROPOSED' || initiative.status === 'DEFINED';
}

/** Analysis paralysis: proposed or defined but not launched for longer than the team's limit. */
export function inAnalysisParalysis(
  initiative: { status: string; proposedAt: string },
  paralysisLimitDays: number,
  now: string,
): boolean {
  return awaitsLaunch(initiative) && Date.parse(now) - Date.parse(initiative.proposedAt) > paralysisLimitDays * DAY_MS;
}
