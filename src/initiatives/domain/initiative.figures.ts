import { ancova } from '../../shared/statistics/ancova';
import { permutationTest } from '../../shared/statistics/permutation';
import { roundFigure, roundPValue } from '../../shared/statistics/precision';
import { mean, sampleSd, welchTTest } from '../../shared/statistics/welch';
import { Cohort, CohortComparison, CohortStats, MetricEvidence } from './initiative.events';
import { InitiativeState, lastCompletedIterationOf, Measurement, openIterationOf } from './initiative.state';

/**
 * The definition of the figures a decision freezes. 1: every reading counts as independent (Welch
 * only). 2: the readings of one person in one iteration count as one unit, their mean, and the
 * comparison adds the permutation test and the baseline-adjusted difference. A decision is
 * replayed with the version it was frozen with.
 */
export const CURRENT_EVIDENCE_VERSION = 2;

/** The PILOT readings of the most recent period seen so far; `latest` is their mean. */
export interface LatestPeriod {
  periodStart: string;
  sum: number;
  n: number;
}

/** Periods are compared as instants, so '2026-01-12' and '2026-01-12T00:00:00Z' are one period. */
function comparePeriods(a: string, b: string): number {
  // Two instants in the canonical UTC form (what the API stores) sort as text: no date parsing,
  // which a decision over thousands of readings would otherwise do twice per reading.
  if (isCanonicalInstant(a) && isCanonicalInstant(b)) return a < b ? -1 : a > b ? 1 : 0;
  const [ta, tb] = [Date.parse(a), Date.parse(b)];
  if (Number.isFinite(ta) && Number.isFinite(tb)) return ta - tb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`, as Date.prototype.toISOString writes it for years 0 to 9999. */
function isCanonicalInstant(text: string): boolean {
  return text.length === 24 && text.charCodeAt(23) === 90 /* Z */ && text.charCodeAt(10) === 84 /* T */;
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

/** A cohort's count, mean and spread, rounded where derived; `readings` behind the units when they are people. */
function cohortStats(values: readonly number[], readings?: number): CohortStats {
  const stats = { n: values.length, mean: roundFigure(mean(values)), sd: roundFigure(sampleSd(values)) };
  return readings === undefined ? stats : { ...stats, readings };
}

/** Welch's t-test of PILOT − CONTROL readings of one metric in one iteration, each reading on its own (evidence version 1). */
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
    pilot: cohortStats(pilot),
    control: cohortStats(control),
    difference: roundFigure(welch?.difference ?? null),
    ciLow: roundFigure(welch?.ciLow ?? null),
    ciHigh: roundFigure(welch?.ciHigh ?? null),
    pValue: roundPValue(welch?.pValue ?? null),
  };
}

/** The version 1 comparison of one metric in one iteration, picked out of all the measurements of a pilot. */
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

/** One unit of a comparison: a person's mean reading in an iteration, or a reading recorded without a person. */
export interface Unit {
  participantId: string | null;
  value: number;
  readings: number;
}

export interface CohortUnits {
  pilot: Unit[];
  control: Unit[];
}

/** The facts of a pilot the unit figures are computed from. */
export interface PilotReadings {
  launchedAt: string | null;
  measurements: Iterable<Measurement>;
}

/** A reading of a period that started before the launch is a baseline reading, whichever iteration it was recorded in. */
export function isBaselineReading(periodStart: string, launchedAt: string | null): boolean {
  return launchedAt !== null && comparePeriods(periodStart, launchedAt) < 0;
}

function unitsOf(readings: Array<Pick<Measurement, 'participantId' | 'value'>>): Unit[] {
  const byPerson = new Map<string, { sum: number; readings: number }>();
  const units: Array<Unit | string> = [];
  for (const { participantId, value } of readings) {
    if (participantId === null) {
      units.push({ participantId, value, readings: 1 });
      continue;
    }
    const person = byPerson.get(participantId);
    if (person) {
      person.sum += value;
      person.readings++;
    } else {
      byPerson.set(participantId, { sum: value, readings: 1 });
      units.push(participantId);
    }
  }
  return units.map((unit) => {
    if (typeof unit !== 'string') return unit;
    const { sum, readings } = byPerson.get(unit)!;
    return { participantId: unit, value: sum / readings, readings };
  });
}

/**
 * The units of one metric in one iteration, per cohort, in the order they were first recorded:
 * the readings of one person count as one unit, their mean; a reading without a person is a unit
 * of its own. Baseline readings (periods before the launch) are left out.
 */
export function iterationUnits(pilot: PilotReadings, metricId: string, iteration: number): CohortUnits {
  const readings: Record<Cohort, Measurement[]> = { PILOT: [], CONTROL: [] };
  for (const m of pilot.measurements) {
    if (m.metricId !== metricId || m.iteration !== iteration) continue;
    if (isBaselineReading(m.periodStart, pilot.launchedAt)) continue;
    readings[m.cohort].push(m);
  }
  return { pilot: unitsOf(readings.PILOT), control: unitsOf(readings.CONTROL) };
}

/** Each person's mean baseline reading of a metric: the readings of periods before the launch. */
export function baselineMeans(pilot: PilotReadings, metricId: string): Map<string, number> {
  const readings: Measurement[] = [];
  for (const m of pilot.measurements) {
    if (m.metricId === metricId && m.participantId !== null && isBaselineReading(m.periodStart, pilot.launchedAt)) {
      readings.push(m);
    }
  }
  return new Map(unitsOf(readings).map((unit) => [unit.participantId!, unit.value]));
}

const valuesOf = (units: readonly Unit[]) => units.map((u) => u.value);
const readingsIn = (units: readonly Unit[]) => units.reduce((sum, u) => sum + u.readings, 0);

/**
 * The comparison of PILOT and CONTROL units of one metric in one iteration (evidence version 2):
 * Welch's t-test and the permutation test on the units, and the difference adjusted by ANCOVA on
 * each person's baseline mean when at least four people of both cohorts have one.
 */
export function compareUnits(
  metricId: string,
  iteration: number,
  units: CohortUnits,
  baselines: ReadonlyMap<string, number>,
): CohortComparison {
  const [pilot, control] = [valuesOf(units.pilot), valuesOf(units.control)];
  const welch = welchTTest(pilot, control);
  const permutation = permutationTest(pilot, control);
  const covariateUnits = [
    ...units.pilot.map((u) => ({ u, treated: true })),
    ...units.control.map((u) => ({ u, treated: false })),
  ]
    .filter(({ u }) => u.participantId !== null && baselines.has(u.participantId))
    .map(({ u, treated }) => ({ treated, covariate: baselines.get(u.participantId!)!, outcome: u.value }));
  const adjusted = ancova(covariateUnits);
  return {
    metricId,
    iteration,
    pilot: cohortStats(pilot, readingsIn(units.pilot)),
    control: cohortStats(control, readingsIn(units.control)),
    difference: roundFigure(welch?.difference ?? null),
    ciLow: roundFigure(welch?.ciLow ?? null),
    ciHigh: roundFigure(welch?.ciHigh ?? null),
    pValue: roundPValue(welch?.pValue ?? null),
    permutationPValue: roundPValue(permutation?.pValue ?? null),
    permutationMethod: permutation?.method ?? null,
    permutations: permutation?.permutations ?? null,
    baselineAdjustedDifference: roundFigure(adjusted?.difference ?? null),
    baselineAdjustedCiLow: roundFigure(adjusted?.ciLow ?? null),
    baselineAdjustedCiHigh: roundFigure(adjusted?.ciHigh ?? null),
  };
}

/** The comparison of one metric in one iteration as the dashboard and new decisions show it. */
export function unitComparison(pilot: PilotReadings, metricId: string, iteration: number): CohortComparison {
  return compareUnits(metricId, iteration, iterationUnits(pilot, metricId, iteration), baselineMeans(pilot, metricId));
}

/**
 * The evidence a decision freezes, per metric in definition order: baseline, target, latest,
 * progress, and the cohort comparison of the last completed iteration (null before one), with
 * the figures of `version`. Decision replay recomputes it from the replayed state, so it must
 * depend on events only.
 */
export function evidence(state: InitiativeState, version = CURRENT_EVIDENCE_VERSION): MetricEvidence[] {
  if (state.status === 'NEW') return [];
  const measurements = 'measurements' in state ? state.measurements : [];
  const launchedAt = 'launchedAt' in state ? state.launchedAt : null;
  const completed = 'iterations' in state ? lastCompletedIterationOf(state) : null;
  const compare = (metricId: string, iteration: number) =>
    version === 1
      ? cohortComparison(measurements, metricId, iteration)
      : unitComparison({ launchedAt, measurements }, metricId, iteration);
  return state.metrics.map((metric) => {
    const latest = latestValue(measurements, metric.metricId);
    return {
      metricId: metric.metricId,
      name: metric.name,
      baseline: metric.baseline,
      target: metric.target,
      latest: roundFigure(latest),
      progress: progress(metric, latest),
      comparison: completed ? compare(metric.metricId, completed.number) : null,
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
