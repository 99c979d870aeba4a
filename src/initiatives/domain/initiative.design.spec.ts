import { minimumDetectableEffect } from '../../shared/statistics/power';
import { roundFigure } from '../../shared/statistics/precision';
import { designCheck, DesignFacts, spreadFromReadings } from './initiative.design';
import { MetricDefinition } from './initiative.events';
import { ruleOf } from './initiative.rule';
import { Measurement } from './initiative.state';

const engaged = (overrides: Partial<MetricDefinition> = {}): MetricDefinition => ({
  metricId: 'engaged',
  name: 'Customers engaged',
  unit: 'customers',
  direction: 'INCREASE',
  baseline: 10,
  target: 15,
  cadence: 'WEEKLY',
  source: 'CRM',
  kind: 'PRIMARY',
  minimumEffect: 2,
  maximumHarm: null,
  confidence: null,
  baselineSpread: null,
  ...overrides,
});

function facts(metrics: MetricDefinition[], measurements: Measurement[] = []): DesignFacts {
  return {
    metrics,
    rule: ruleOf(metrics, { version: 1, since: null, decisionId: null }),
    launchedAt: '2026-01-07T09:00:00Z',
    measurements,
  };
}

const reading = (overrides: Partial<Measurement>): Measurement => ({
  metricId: 'engaged',
  iteration: 1,
  cohort: 'PILOT',
  participantId: null,
  periodStart: '2026-01-12',
  value: 0,
  ...overrides,
});

describe('the design check', () => {
  it('given 3 people in each cohort, says the pilot cannot show 95% confidence', () => {
    const check = designCheck(facts([engaged()]), { pilotSize: 3, controlSize: 3 })!;
    expect(check).toMatchObject({
      pilotSize: 3,
      controlSize: 3,
      confidence: 0.95,
      smallestPossiblePValue: 0.1,
      canReachConfidence: false,
      minimumDetectableEffect: null,
    });
    expect(check.warnings).toContain(
      'With 3 people in the pilot and 3 in the control cohort, the smallest possible p-value is 0.1: this pilot cannot show 95% confidence. Add people to the cohorts.',
    );
  });

  it('given 4 and 4, can reach 95%, and 3 and 3 can reach the 90% a rule asks for', () => {
    expect(designCheck(facts([engaged()]), { pilotSize: 4, controlSize: 4 })).toMatchObject({
      // 2 / 70, to 4 significant digits.
      smallestPossiblePValue: 0.02857,
      canReachConfidence: true,
    });
    expect(designCheck(facts([engaged({ confidence: 0.9 })]), { pilotSize: 3, controlSize: 3 })).toMatchObject({
      confidence: 0.9,
      canReachConfidence: true,
    });
  });

  it('checks the highest confidence the rule asks of any metric', () => {
    const metrics = [engaged({ confidence: 0.8 }), engaged({ metricId: 'calls', name: 'Calls', confidence: 0.99 })];
    const check = designCheck(facts(metrics), { pilotSize: 4, controlSize: 4 })!;
    expect(check.confidence).toBe(0.99);
    expect(check.canReachConfidence).toBe(false);
    expect(check.metrics.map((m) => m.canReachConfidence)).toEqual([true, false]);
  });

  it('gives the minimum detectable effect from a stated spread, and warns when it is above the minimum effect', () => {
    const check = designCheck(facts([engaged({ baselineSpread: 2 })]), { pilotSize: 4, controlSize: 4 })!;
    const expected = minimumDetectableEffect(4, 4, 2, 0.95)!;
    expect(expected).not.toBe(4.7413);
    expect(check.minimumDetectableEffect).toBe(4.7413);
    expect(check.minimumDetectableEffect).toBe(roundFigure(expected));
    expect(check.metrics[0]).toMatchObject({ spread: 2, spreadSource: 'STATED' });
    expect(check.warnings).toContain(
      `Customers engaged: with a spread of 2 customers, this design detects an effect of ${Number(expected.toFixed(2))} customers 8 times in 10 at 95% confidence, more than the minimum effect of 2 customers: expect inconclusive iterations, or add people.`,
    );
  });

  it('measures the spread from the readings when none is stated: pooled within each cohort of each iteration', () => {
    const measurements = [
      reading({ participantId: 'p1', value: 10 }),
      reading({ participantId: 'p2', value: 14 }),
      reading({ participantId: 'c1', cohort: 'CONTROL', value: 9 }),
      reading({ participantId: 'c2', cohort: 'CONTROL', value: 11 }),
    ];
    // Pooled variance (8 + 2) / 2 = 5.
    expect(spreadFromReadings({ launchedAt: null, measurements }, 'engaged')).toBeCloseTo(Math.sqrt(5), 12);
    const check = designCheck(facts([engaged()], measurements), { pilotSize: 10, controlSize: 10 })!;
    // Shown to 4 decimals; the detectable effect is computed from the unrounded spread, then rounded.
    expect(check.metrics[0]).toMatchObject({ spread: 2.2361, spreadSource: 'READINGS' });
    expect(check.minimumDetectableEffect).toBe(roundFigure(minimumDetectableEffect(10, 10, Math.sqrt(5), 0.95)!));
  });

  it('falls back on the spread of the baseline readings before any iteration has two people in a cohort', () => {
    const measurements = [
      reading({ participantId: 'p1', value: 10, periodStart: '2025-12-29' }),
      reading({ participantId: 'p2', value: 12, periodStart: '2025-12-29' }),
    ];
    expect(spreadFromReadings({ launchedAt: '2026-01-07T09:00:00Z', measurements }, 'engaged')).toBeCloseTo(
      Math.sqrt(2),
      12,
    );
  });

  it('without a spread, has no detectable effect and says what would give one', () => {
    const check = designCheck(facts([engaged()]), { pilotSize: 5, controlSize: 5 })!;
    expect(check.minimumDetectableEffect).toBeNull();
    expect(check.warnings).toContain(
      'Customers engaged: no spread is known yet; state a baseline spread or record readings to see the smallest effect this design can detect.',
    );
  });

  it('warns when there is no control cohort, no planned sizes, or no rule', () => {
    expect(designCheck(facts([engaged()]), { pilotSize: 4, controlSize: 0 })).toMatchObject({
      smallestPossiblePValue: null,
      canReachConfidence: false,
      warnings: [expect.stringContaining('there is nothing to compare')],
    });
    expect(designCheck(facts([engaged()]), { pilotSize: null, controlSize: null })).toMatchObject({
      smallestPossiblePValue: null,
      canReachConfidence: null,
      warnings: [expect.stringContaining('Give the planned number of people')],
    });
    const noRule = designCheck(facts([engaged({ minimumEffect: null })]), { pilotSize: 4, controlSize: 4 })!;
    expect(noRule.warnings).toContainEqual(expect.stringMatching(/^No decision rule: state the minimum effect/));
  });

  it('is null before any metric is defined', () => {
    expect(designCheck(facts([]), { pilotSize: 4, controlSize: 4 })).toBeNull();
  });
});
