import { RuleBroken } from '../../shared/domain/rule-broken';
import { DecisionRule, MetricDefinition, MetricKind, MetricRule } from './initiative.events';

/** The confidence a rule asks for when it leaves it out. */
export const DEFAULT_CONFIDENCE = 0.95;
export const CONFIDENCE_MIN = 0.5;
export const CONFIDENCE_MAX = 0.999;

/**
 * Whether a p-value shows the confidence asked for: p ≤ 1 − confidence, with room for the last
 * bit of 1 − 0.9, which is 0.09999999999999998 in floating point.
 */
export function showsConfidence(pValue: number, confidence: number): boolean {
  return pValue <= 1 - confidence + 1e-12;
}

/** What a rule states for one metric, as given by a director. */
export interface MetricRuleTerms {
  minimumEffect?: number | null;
  maximumHarm?: number | null;
  confidence?: number | null;
}

/** Whether a metric's rule states anything. */
export function statesRule(rule: Pick<MetricRule, 'minimumEffect' | 'maximumHarm' | 'confidence'>): boolean {
  return rule.minimumEffect !== null || rule.maximumHarm !== null || rule.confidence !== null;
}

/** An initiative has a decision rule once any metric's rule states something. */
export function hasRule(rule: DecisionRule | null): rule is DecisionRule {
  return rule !== null && rule.metrics.some(statesRule);
}

export function ruleOf(
  metrics: readonly MetricDefinition[],
  version: Pick<DecisionRule, 'version' | 'since' | 'decisionId'>,
): DecisionRule {
  return {
    ...version,
    metrics: metrics.map(({ metricId, kind, minimumEffect, maximumHarm, confidence }) => ({
      metricId,
      kind,
      minimumEffect,
      maximumHarm,
      confidence,
    })),
  };
}

/** The version of the rule in force now: the last one. */
export function currentRuleOf(pilot: { rules: readonly DecisionRule[] }): DecisionRule {
  return pilot.rules[pilot.rules.length - 1];
}

/** The rule an iteration is judged by: the version in force when it started, or null when it states nothing. */
export function ruleForIteration(
  pilot: { rules: readonly DecisionRule[] },
  iteration: { ruleVersion: number },
): DecisionRule | null {
  const rule = pilot.rules.find((r) => r.version === iteration.ruleVersion) ?? null;
  return hasRule(rule) ? rule : null;
}

/**
 * Checks one metric's rule terms: a minimum effect only for a primary metric, a maximum harm
 * only for a guardrail, both finite and not negative, a confidence from 0.5 to 0.999. Answers
 * the terms as stored: what is left out is null.
 */
export function checkRuleTerms(
  kind: MetricKind,
  terms: MetricRuleTerms,
  field: (name: keyof MetricRuleTerms) => string = (name) => name,
): Required<{ [K in keyof MetricRuleTerms]: number | null }> {
  const minimumEffect = terms.minimumEffect ?? null;
  const maximumHarm = terms.maximumHarm ?? null;
  const confidence = terms.confidence ?? null;
  if (minimumEffect !== null) {
    if (kind !== 'PRIMARY') {
      throw new RuleBroken(
        'MinimumEffectOnlyForPrimary',
        'A minimum effect belongs to a primary metric; a guardrail states its maximum harm',
        field('minimumEffect'),
      );
    }
    if (!Number.isFinite(minimumEffect) || minimumEffect < 0) {
      throw new RuleBroken(
        'MinimumEffectOutOfRange',
        "The minimum effect is a finite number, 0 or more, in the metric's units and direction",
        field('minimumEffect'),
      );
    }
  }
  if (maximumHarm !== null) {
    if (kind !== 'GUARDRAIL') {
      throw new RuleBroken(
        'MaximumHarmOnlyForGuardrail',
        'A maximum harm belongs to a guardrail; a primary metric states its minimum effect',
        field('maximumHarm'),
      );
    }
    if (!Number.isFinite(maximumHarm) || maximumHarm < 0) {
      throw new RuleBroken(
        'MaximumHarmOutOfRange',
        "The maximum harm is a finite number, 0 or more, in the metric's units",
        field('maximumHarm'),
      );
    }
  }
  if (confidence !== null && !(confidence >= CONFIDENCE_MIN && confidence <= CONFIDENCE_MAX)) {
    throw new RuleBroken(
      'ConfidenceOutOfRange',
      `The confidence is from ${CONFIDENCE_MIN} to ${CONFIDENCE_MAX}, e.g. 0.95 for 95%`,
      field('confidence'),
    );
  }
  return { minimumEffect, maximumHarm, confidence };
}
