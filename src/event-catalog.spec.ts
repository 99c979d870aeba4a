import { evolveInitiative, initialInitiativeState } from './initiatives/domain/initiative.state';
import { InitiativeEvent } from './initiatives/domain/initiative.events';
import { INITIATIVE_SCHEMA_VERSIONS } from './initiatives/domain/initiative.upcasters';
import { compareCohorts, progress } from './initiatives/domain/initiative.figures';
import { EventData } from './shared/domain/upcasting';
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

  it('writes ImpactAssessed, SuccessMetricDefined, DecisionRecorded and FeedbackSubmitted at version 2, every other event at version 1', () => {
    expect(schemaVersionOf('SuccessMetricDefined')).toBe(2);
    expect(CURRENT_SCHEMA_VERSIONS.SuccessMetricDefined).toBe(2);
    expect(Object.entries(CURRENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1)).toEqual([
      ['ImpactAssessed', 2],
      ['SuccessMetricDefined', 2],
      ['DecisionRecorded', 2],
      ['FeedbackSubmitted', 2],
    ]);
    expect(schemaVersionOf('TeamRegistered')).toBe(1);
  });

  it('reads a SuccessMetricDefined v1, written before guardrails, as a PRIMARY metric', () => {
    expect(upcast('SuccessMetricDefined', v1, 1)).toEqual({ data: { ...v1, kind: 'PRIMARY' }, schemaVersion: 2 });
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
    expect(schemaVersion).toBe(2);
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
