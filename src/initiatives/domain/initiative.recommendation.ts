import { permutationTest, smallestPermutationPValue } from '../../shared/statistics/permutation';
import { roundFigure, roundPValue } from '../../shared/statistics/precision';
import { DecisionKind, DecisionRule, MetricDefinition, MetricRule, Recommendation } from './initiative.events';
import { CohortUnits, iterationUnits, PilotReadings } from './initiative.figures';
import { DEFAULT_CONFIDENCE, ruleForIteration, showsConfidence } from './initiative.rule';

/** The facts of a pilot the recommendation is computed from: the domain state and the read models both have them. */
export interface PilotFacts extends PilotReadings {
  metrics: readonly MetricDefinition[];
  rules: readonly DecisionRule[];
  iterations: readonly { number: number; completedAt: string | null; ruleVersion: number }[];
}

type Verdict = 'MET' | 'BELOW' | 'WORSE' | 'INCONCLUSIVE' | 'NO_DATA' | 'BREACHED' | 'OVER' | 'WITHIN' | 'NOT_JUDGED';

interface Judgement {
  verdict: Verdict;
  reason: string | null;
}

export const number = (value: number): string => String(Number(value.toFixed(2)));
export const pValue = (value: number): string => String(Number(value.toPrecision(2)));
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;
const amount = (value: number, unit: string) => `${number(value)}${unit ? ` ${unit}` : ''}`;
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** The p-value of a permutation test, rounded as every p-value the API shows, so the verdict agrees with it. */
const permutationP = (pilot: readonly number[], control: readonly number[], shift = 0): number =>
  roundPValue(permutationTest(pilot, control, shift)!.pValue)!;

function relation(effect: number, unit: string): string {
  if (effect === 0) return 'did as well as the control';
  return `did ${effect > 0 ? 'better' : 'worse'} than the control by ${amount(Math.abs(effect), unit)}`;
}

function judge(
  metric: MetricDefinition,
  rule: MetricRule,
  units: CohortUnits,
  iteration: number,
  confidence: number,
): Judgement {
  const isGuardrail = metric.kind === 'GUARDRAIL';
  if (isGuardrail && rule.maximumHarm === null && rule.confidence === null)
    return { verdict: 'NOT_JUDGED', reason: null };
  const label = isGuardrail ? `${metric.name} (guardrail)` : metric.name;
  const [pilot, control] = [units.pilot.map((u) => u.value), units.control.map((u) => u.value)];
  if (pilot.length === 0 || control.length === 0) {
    const missing = pilot.length === 0 ? 'pilot' : 'control';
    return {
      verdict: 'NO_DATA',
      reason: `${label}: no ${missing} readings in iteration ${iteration}, so the rule cannot judge it.`,
    };
  }
  const confident = (p: number) => showsConfidence(p, confidence);
  const sign = metric.direction === 'INCREASE' ? 1 : -1;
  // Rounded as the comparison's difference is, so float noise cannot tip an effect past its minimum.
  const effect = sign * roundFigure(mean(pilot) - mean(control));
  const sure = `${percent(confidence)} confidence`;
  const people = `${pilot.length} vs ${control.length} people`;

  if (isGuardrail) {
    const maximumHarm = rule.maximumHarm ?? 0;
    // Could the pilot be exactly `maximumHarm` worse? Rejecting that on the worse side is a breach.
    const p = permutationP(pilot, control, -sign * maximumHarm);
    const harm = -effect;
    const limit = `the maximum harm of ${amount(maximumHarm, metric.unit)}`;
    if (confident(p) && harm > maximumHarm) {
      return {
        verdict: 'BREACHED',
        reason: `${label}: the pilot ${relation(effect, metric.unit)}, more than ${limit} at ${sure} (permutation p = ${pValue(p)}, ${people}).`,
      };
    }
    if (harm > maximumHarm) {
      return {
        verdict: 'OVER',
        reason: `${label}: the pilot ${relation(effect, metric.unit)}, more than ${limit}, though not at ${sure} (permutation p = ${pValue(p)}, ${people}).`,
      };
    }
    return { verdict: 'WITHIN', reason: `${label}: the pilot ${relation(effect, metric.unit)}, within ${limit}.` };
  }

  const minimumEffect = rule.minimumEffect ?? 0;
  const minimum = `the minimum effect of ${amount(minimumEffect, metric.unit)}`;
  // Could the true effect be exactly the minimum? Rejecting that says on which side of it the effect lies.
  const p = permutationP(pilot, control, sign * minimumEffect);
  if (confident(p) && effect > minimumEffect) {
    return {
      verdict: 'MET',
      reason: `${label}: the pilot ${relation(effect, metric.unit)}; at least ${minimum} holds at ${sure} (permutation p = ${pValue(p)}, ${people}).`,
    };
  }
  const againstControl = minimumEffect === 0 ? p : permutationP(pilot, control);
  if (confident(againstControl) && effect < 0) {
    return {
      verdict: 'WORSE',
      reason: `${label}: the pilot ${relation(effect, metric.unit)}, at ${sure} (permutation p = ${pValue(againstControl)}, ${people}).`,
    };
  }
  if (confident(p) && effect < minimumEffect) {
    return {
      verdict: 'BELOW',
      reason: `${label}: the pilot ${relation(effect, metric.unit)}, less than ${minimum} at ${sure} (permutation p = ${pValue(p)}, ${people}).`,
    };
  }
  const floor = roundPValue(smallestPermutationPValue(pilot.length, control.length))!;
  const unreachable = !confident(floor)
    ? `; with ${people} no result can reach ${sure}: the smallest possible p-value is ${pValue(floor)}`
    : '';
  return {
    verdict: 'INCONCLUSIVE',
    reason: `${label}: the pilot ${relation(effect, metric.unit)}; whether that reaches ${minimum} is not settled at ${sure} (permutation p = ${pValue(p)}, ${people})${unreachable}.`,
  };
}

const SUMMARY: Record<DecisionKind, string> = {
  SCALE: 'SCALE: every primary metric meets its minimum effect and every guardrail stays within its maximum harm.',
  PERSEVERE: 'PERSEVERE: the evidence does not settle the rule yet; run another iteration.',
  PIVOT: 'PIVOT: a primary metric is confidently below its minimum effect; revise the hypothesis.',
  STOP: 'STOP: the pilot confidently did harm, on a guardrail past its maximum harm or a primary metric worse than the control.',
};

/**
 * Applies a rule to the units of a completed iteration. STOP when a guardrail is confidently
 * past its maximum harm or a primary metric confidently worse than the control; else PIVOT when
 * a primary metric is confidently below its minimum effect; else SCALE when every primary metric
 * meets its minimum effect and every judged guardrail stays within its maximum harm; else
 * PERSEVERE. "Confidently" is a two-sided permutation test at the metric's confidence, of
 * the difference shifted by the minimum effect (or maximum harm).
 */
export function recommend(
  rule: DecisionRule,
  metrics: readonly MetricDefinition[],
  unitsOf: (metricId: string) => CohortUnits,
  iteration: number,
): Recommendation {
  const judgements = metrics.map((metric) => {
    const metricRule = rule.metrics.find((r) => r.metricId === metric.metricId);
    const terms = metricRule ?? { ...metric, minimumEffect: null, maximumHarm: null, confidence: null };
    const confidence = terms.confidence ?? DEFAULT_CONFIDENCE;
    return { metric, ...judge(metric, terms, unitsOf(metric.metricId), iteration, confidence) };
  });
  const verdicts = new Set(judgements.map((j) => j.verdict));
  const primaries = judgements.filter((j) => j.metric.kind === 'PRIMARY');
  let kind: DecisionKind;
  if (verdicts.has('BREACHED') || verdicts.has('WORSE')) kind = 'STOP';
  else if (verdicts.has('BELOW')) kind = 'PIVOT';
  else if (
    primaries.length > 0 &&
    primaries.every((j) => j.verdict === 'MET') &&
    !verdicts.has('OVER') &&
    !verdicts.has('NO_DATA')
  ) {
    kind = 'SCALE';
  } else kind = 'PERSEVERE';
  return {
    kind,
    reasons: [SUMMARY[kind], ...judgements.flatMap((j) => (j.reason === null ? [] : [j.reason]))],
  };
}

/** What the rule in force for a completed iteration recommends; null while it is open, or without a rule. */
export function recommendationFor(pilot: PilotFacts, iterationNumber: number): Recommendation | null {
  const iteration = pilot.iterations.find((it) => it.number === iterationNumber);
  if (!iteration || iteration.completedAt === null) return null;
  const rule = ruleForIteration(pilot, iteration);
  if (!rule) return null;
  return recommend(
    rule,
    pilot.metrics,
    (metricId) => iterationUnits(pilot, metricId, iterationNumber),
    iterationNumber,
  );
}
