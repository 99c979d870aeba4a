import { evolveInitiative, initialInitiativeState } from './initiatives/domain/initiative.state';
import { InitiativeEvent, MetricEvidence } from './initiatives/domain/initiative.events';
import { INITIATIVE_SCHEMA_VERSIONS } from './initiatives/domain/initiative.upcasters';
import { compareCohorts, compareUnits, progress } from './initiatives/domain/initiative.figures';
import { EventData } from './shared/domain/upcasting';
import { ancova } from './shared/statistics/ancova';
import { permutationTest } from './shared/statistics/permutation';
import { roundFigure } from './shared/statistics/precision';
import { sampleSd, welchTTest } from './shared/statistics/welch';
import { TEAM_SCHEMA_VERSIONS } from './teams/domain/team.upcasters';
import { eventUpcasting } from './event-catalog';

const CURRENT_SCHEMA_VERSIONS = { ...TEAM_SCHEMA_VERSIONS, ...INITIATIVE_SCHEMA_VERSIONS };
const { schemaVersionOf, upcast } = eventUpcasting;

describe("pilotlog's event versions", () => {
  const v1 = {
    initiativeId: 'i',
    metricId: 'm',
    name: 'Customers engaged',
    unit: 'customers',
    direction: 'INCREASE',
    baseline: 1,
    target: 2,
    cadence: 'WEEKLY',
    source: 'CRM',
  };

  const noRule = { minimumEffect: null, maximumHarm: null, confidence: null, baselineSpread: null };

  it('writes ImpactAssessed and FeedbackSubmitted at version 2, SuccessMetricDefined and DecisionRecorded at 3, every other event at 1', () => {
    expect(schemaVersionOf('SuccessMetricDefined')).toBe(3);
    expect(Object.entries(CURRENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1)).toEqual([
      ['ImpactAssessed', 2],
      ['SuccessMetricDefined', 3],
      ['DecisionRecorded', 3],
      ['FeedbackSubmitted', 2],
    ]);
    expect(schemaVersionOf('TeamRegistered')).toBe(1);
    expect(schemaVersionOf('DecisionRuleRestated')).toBe(1);
  });

  it('reads a SuccessMetricDefined v1, written before guardrails, as a PRIMARY metric with no rule', () => {
    expect(upcast('SuccessMetricDefined', v1, 1)).toEqual({
      data: { ...v1, kind: 'PRIMARY', ...noRule },
      schemaVersion: 3,
    });
  });

  it('reads a SuccessMetricDefined v2, written before decision rules, as a metric with no rule', () => {
    const v2 = { ...v1, kind: 'GUARDRAIL' };
    expect(upcast('SuccessMetricDefined', v2, 2)).toEqual({ data: { ...v2, ...noRule }, schemaVersion: 3 });
  });

  const noRuleDecision = { evidenceVersion: 1, rule: null, recommendation: null, followsRule: null };

  it('reads a DecisionRecorded v1 as evidence of version 1, with no rule, recommendation or verdict', () => {
    const v1Decision = {
      initiativeId: 'i',
      decisionId: 'd',
      kind: 'SCALE',
      rationale: 'r',
      decidedBy: 'dana',
      decidedAt: '2021-02-01',
      iteration: 1,
      evidence: [],
    };
    expect(upcast('DecisionRecorded', v1Decision, 1)).toEqual({
      data: { ...v1Decision, ...noRuleDecision },
      schemaVersion: 3,
    });
    // Version 2 rounded the evidence and still had no rule.
    expect(upcast('DecisionRecorded', v1Decision, 2)).toEqual({
      data: { ...v1Decision, ...noRuleDecision },
      schemaVersion: 3,
    });
  });

  it('reads the share of an ImpactAssessed v1 rounded as it is derived today', () => {
    const assessed = { initiativeId: 'i', potentialReach: 3, headcount: 23, share: 3 / 23, impactThreshold: 0.5 };
    expect(upcast('ImpactAssessed', { ...assessed, recommendation: 'DELEGATE_TO_MANAGER' }, 1)).toEqual({
      data: { ...assessed, share: 0.1304, recommendation: 'DELEGATE_TO_MANAGER' },
      schemaVersion: 2,
    });
  });

  it('reads the evidence of a DecisionRecorded v1 rounded as evidence is frozen today', () => {
    const pilot = [11, 12, 10, 13.3];
    const control = [10, 12, 11, 11];
    const raw = welchTTest(pilot, control)!;
    const metric = { metricId: 'm', name: 'Engaged', baseline: 10, target: 13 };
    const latest = (11 + 12 + 10 + 13.3) / 4;
    const stored = {
      decisionId: 'd',
      evidence: [
        {
          ...metric,
          latest,
          progress: (latest - 10) / 3,
          comparison: {
            metricId: 'm',
            iteration: 1,
            pilot: { n: 4, mean: latest, sd: sampleSd(pilot) },
            control: { n: 4, mean: 11, sd: sampleSd(control) },
            difference: raw.difference,
            ciLow: raw.ciLow,
            ciHigh: raw.ciHigh,
            pValue: raw.pValue,
          },
        },
      ],
    };
    const { data, schemaVersion } = upcast('DecisionRecorded', stored, 1);
    expect(schemaVersion).toBe(3);
    expect(data).toMatchObject(noRuleDecision);
    expect(data.evidence).toEqual([
      {
        ...metric,
        latest: roundFigure(latest),
        progress: progress(metric, latest),
        comparison: compareCohorts('m', 1, pilot, control),
      },
    ]);
    expect(data.evidence).not.toEqual(stored.evidence);
  });

  it('reads a FeedbackSubmitted v1 as recorded by whoever sent its command, as its metadata says', () => {
    const stored = {
      initiativeId: 'i',
      feedbackId: 'f',
      authorId: 'rep1',
      kind: 'PRAISE',
      text: 't',
      submittedAt: 'x',
    };
    expect(upcast('FeedbackSubmitted', stored, 1, { actor: 'dana' })).toEqual({
      data: { ...stored, recordedBy: 'dana' },
      schemaVersion: 2,
    });
    expect(upcast('FeedbackSubmitted', stored, 1, { actor: 'rep1' }).data).toMatchObject({ recordedBy: 'rep1' });
  });

  it('reads a DecisionRecorded v2 that already carries a rule with its fields kept and its unit evidence rounded', () => {
    const pilot = [11, 12, 10, 13.3];
    const control = [10, 12, 11, 11];
    const baselines = new Map([
      ['p1', 10.1],
      ['p2', 11.7],
      ['p3', 9.2],
      ['p4', 12.9],
      ['c1', 10.4],
      ['c2', 11.9],
      ['c3', 10.8],
      ['c4', 11.3],
    ]);
    const units = {
      pilot: pilot.map((value, i) => ({ participantId: `p${i + 1}`, value, readings: 1 })),
      control: control.map((value, i) => ({ participantId: `c${i + 1}`, value, readings: 1 })),
    };
    const welch = welchTTest(pilot, control)!;
    const permutation = permutationTest(pilot, control)!;
    const adjusted = ancova(
      [...units.pilot.map((u) => ({ u, treated: true })), ...units.control.map((u) => ({ u, treated: false }))].map(
        ({ u, treated }) => ({ treated, covariate: baselines.get(u.participantId)!, outcome: u.value }),
      ),
    )!;
    const latest = (11 + 12 + 10 + 13.3) / 4;
    const rule = { version: 1, since: '2021-01-04', decisionId: null, metrics: [] };
    const recommendation = { kind: 'PERSEVERE', reasons: ['PERSEVERE: the evidence does not settle the rule yet.'] };
    const stored = {
      decisionId: 'd',
      evidenceVersion: 2,
      rule,
      recommendation,
      followsRule: false,
      evidence: [
        {
          metricId: 'm',
          name: 'Engaged',
          baseline: 10,
          target: 13,
          latest,
          progress: (latest - 10) / 3,
          comparison: {
            metricId: 'm',
            iteration: 1,
            pilot: { n: 4, mean: latest, sd: sampleSd(pilot), readings: 4 },
            control: { n: 4, mean: 11, sd: sampleSd(control), readings: 4 },
            difference: welch.difference,
            ciLow: welch.ciLow,
            ciHigh: welch.ciHigh,
            pValue: welch.pValue,
            permutationPValue: permutation.pValue,
            permutationMethod: permutation.method,
            permutations: permutation.permutations,
            baselineAdjustedDifference: adjusted.difference,
            baselineAdjustedCiLow: adjusted.ciLow,
            baselineAdjustedCiHigh: adjusted.ciHigh,
          },
        },
      ],
    };
    const { data, schemaVersion } = upcast('DecisionRecorded', stored, 2);
    expect(schemaVersion).toBe(3);
    expect(data).toMatchObject({ evidenceVersion: 2, rule, recommendation, followsRule: false });
    const comparison = compareUnits('m', 1, units, baselines);
    expect(comparison.baselineAdjustedDifference).not.toBe(adjusted.difference);
    expect((data.evidence as MetricEvidence[])[0].comparison).toEqual(comparison);
  });

  it('keeps the kind of a metric that already names one', () => {
    expect(upcast('SuccessMetricDefined', { ...v1, kind: 'GUARDRAIL' }, 1).data).toMatchObject({ kind: 'GUARDRAIL' });
  });

  it('lets an old stream reach DEFINED once upcast', () => {
    const stream: Array<{ type: string; data: EventData; schemaVersion: number }> = [
      {
        type: 'InitiativeProposed',
        data: {
          initiativeId: 'i',
          teamId: 't',
          title: 't',
          problem: 'p',
          potentialReach: 1,
          proposedBy: 'd',
          proposedAt: '2021-01-01',
        },
        schemaVersion: 1,
      },
      { type: 'HypothesisStated', data: { initiativeId: 'i', statement: 'h' }, schemaVersion: 1 },
      { type: 'SuccessMetricDefined', data: v1, schemaVersion: 1 },
    ];
    const state = stream
      .map((e) => ({ type: e.type, data: upcast(e.type, e.data, e.schemaVersion).data }) as InitiativeEvent)
      .reduce(evolveInitiative, initialInitiativeState);
    expect(state.status).toBe('DEFINED');
  });
});
