import { DEFAULT_POWER, minimumDetectableEffect } from '../../shared/statistics/power';
import { smallestPermutationPValue } from '../../shared/statistics/permutation';
import { roundFigure, roundPValue } from '../../shared/statistics/precision';
import { sampleVariance } from '../../shared/statistics/welch';
import { DecisionRule, MetricDefinition, MetricKind } from './initiative.events';
import { baselineMeans, iterationUnits, PilotReadings } from './initiative.figures';
import { DEFAULT_CONFIDENCE, hasRule, showsConfidence } from './initiative.rule';
import { number, percent, pValue } from './initiative.recommendation';

/** How many units each cohort has in one iteration: people, or readings recorded without a person. */
export interface CohortPlan {
  pilotSize: number | null;
  controlSize: number | null;
}

export type SpreadSource = 'STATED' | 'READINGS';

export interface MetricDesignCheck {
  metricId: string;
  name: string;
  kind: MetricKind;
  confidence: number;
  minimumEffect: number | null;
  maximumHarm: number | null;
  /** Standard deviation of one unit: stated with the metric, or measured from the readings so far. */
  spread: number | null;
  spreadSource: SpreadSource | null;
  /** The smallest true difference the design finds 8 times in 10 at the metric's confidence; null without a spread. */
  minimumDetectableEffect: number | null;
  canReachConfidence: boolean | null;
}

export interface DesignCheck extends CohortPlan {
  /** The highest confidence the rule asks of any metric; 95% without a rule. */
  confidence: number;
  /** The floor of an exact permutation test with these cohort sizes, whatever the readings; null without both cohorts. */
  smallestPossiblePValue: number | null;
  canReachConfidence: boolean | null;
  /** Of the first primary metric, in its units; null when its spread is not known. */
  minimumDetectableEffect: number | null;
  metrics: MetricDesignCheck[];
  warnings: string[];
}

/** The facts a design check reads: the metrics, the rule (in force, or as written before launch) and the readings so far. */
export interface DesignFacts extends PilotReadings {
  metrics: readonly MetricDefinition[];
  rule: DecisionRule | null;
}

/**
 * The spread of one metric's units from the readings so far: the pooled standard deviation
 * within each cohort of each iteration, or, before any, of the people's baseline means.
 */
export function spreadFromReadings(facts: PilotReadings, metricId: string): number | null {
  const iterations = new Set<number>();
  for (const m of facts.measurements) if (m.metricId === metricId) iterations.add(m.iteration);
  let squares = 0;
  let df = 0;
  for (const iteration of [...iterations].sort((a, b) => a - b)) {
    const units = iterationUnits(facts, metricId, iteration);
    for (const cohort of [units.pilot, units.control]) {
      const variance = sampleVariance(cohort.map((u) => u.value));
      if (variance === null) continue;
      squares += variance * (cohort.length - 1);
      df += cohort.length - 1;
    }
  }
  if (df > 0) return Math.sqrt(squares / df);
  const baselines = sampleVariance([...baselineMeans(facts, metricId).values()]);
  return baselines === null ? null : Math.sqrt(baselines);
}

function cohorts(plan: CohortPlan): string {
  return `${plan.pilotSize} ${plan.pilotSize === 1 ? 'person' : 'people'} in the pilot and ${plan.controlSize} in the control cohort`;
}

/**
 * What a design can show before it runs: the smallest p-value its cohort sizes allow, whether
 * that reaches the confidence the rule asks for, and the smallest effect it would detect, with
 * warnings in words. Null before any metric is defined.
 */
export function designCheck(facts: DesignFacts, plan: CohortPlan): DesignCheck | null {
  if (facts.metrics.length === 0) return null;
  const rule = hasRule(facts.rule) ? facts.rule : null;
  const known = plan.pilotSize !== null && plan.controlSize !== null;
  const floor = known ? roundPValue(smallestPermutationPValue(plan.pilotSize!, plan.controlSize!)) : null;
  const reaches = (confidence: number) => (!known ? null : floor !== null && showsConfidence(floor, confidence));

  const metrics = facts.metrics.map((metric): MetricDesignCheck => {
    const terms = rule?.metrics.find((r) => r.metricId === metric.metricId);
    const confidence = terms?.confidence ?? DEFAULT_CONFIDENCE;
    const measured = spreadFromReadings(facts, metric.metricId);
    const spread = metric.baselineSpread ?? measured;
    const detectable =
      known && spread !== null && reaches(confidence)
        ? roundFigure(minimumDetectableEffect(plan.pilotSize!, plan.controlSize!, spread, confidence))
        : null;
    return {
      metricId: metric.metricId,
      name: metric.name,
      kind: metric.kind,
      confidence,
      minimumEffect: terms?.minimumEffect ?? null,
      maximumHarm: terms?.maximumHarm ?? null,
      // A stated spread is the director's own figure; one measured from readings is derived here.
      spread: metric.baselineSpread ?? roundFigure(measured),
      spreadSource: metric.baselineSpread !== null ? 'STATED' : measured !== null ? 'READINGS' : null,
      minimumDetectableEffect: detectable,
      canReachConfidence: reaches(confidence),
    };
  });
  // A guardrail is judged only when its rule states something; a primary metric always is.
  const judged = metrics.filter((m) => {
    const terms = rule?.metrics.find((r) => r.metricId === m.metricId);
    return m.kind === 'PRIMARY' || (terms !== undefined && (terms.maximumHarm !== null || terms.confidence !== null));
  });
  const confidence = rule && judged.length > 0 ? Math.max(...judged.map((m) => m.confidence)) : DEFAULT_CONFIDENCE;

  const warnings: string[] = [];
  if (!known) {
    warnings.push(
      'Give the planned number of people in the pilot and the control cohort to see what this design can show.',
    );
  } else if (plan.controlSize === 0 || plan.pilotSize === 0) {
    warnings.push(
      `With ${cohorts(plan)}, there is nothing to compare: no confidence can be reached and the rule can never recommend SCALE. Add people to both cohorts.`,
    );
  } else if (!reaches(confidence)) {
    warnings.push(
      `With ${cohorts(plan)}, the smallest possible p-value is ${pValue(floor!)}: this pilot cannot show ${percent(confidence)} confidence. Add people to the cohorts.`,
    );
  }
  if (!rule) {
    warnings.push(
      'No decision rule: state the minimum effect worth scaling for on each primary metric before launch, so each completed iteration ends with a recommendation.',
    );
  }
  for (const metric of metrics) {
    if (metric.kind !== 'PRIMARY' || !known || !reaches(metric.confidence)) continue;
    if (metric.spread === null) {
      warnings.push(
        `${metric.name}: no spread is known yet; state a baseline spread or record readings to see the smallest effect this design can detect.`,
      );
      continue;
    }
    const unit = facts.metrics.find((m) => m.metricId === metric.metricId)!.unit;
    const minimum = metric.minimumEffect ?? 0;
    if (metric.minimumDetectableEffect !== null && metric.minimumDetectableEffect > minimum && rule) {
      warnings.push(
        `${metric.name}: with a spread of ${number(metric.spread)} ${unit}, this design detects an effect of ${number(metric.minimumDetectableEffect)} ${unit} ${Math.round(DEFAULT_POWER * 10)} times in 10 at ${percent(metric.confidence)} confidence, more than the minimum effect of ${number(minimum)} ${unit}: expect inconclusive iterations, or add people.`,
      );
    }
  }
  const firstPrimary = metrics.find((m) => m.kind === 'PRIMARY');
  return {
    pilotSize: plan.pilotSize,
    controlSize: plan.controlSize,
    confidence,
    smallestPossiblePValue: floor,
    canReachConfidence: reaches(confidence),
    minimumDetectableEffect: firstPrimary?.minimumDetectableEffect ?? null,
    metrics,
    warnings,
  };
}
