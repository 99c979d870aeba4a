import { evolveInitiative, initialInitiativeState } from '../../initiatives/domain/initiative.state';
import { InitiativeEvent } from '../../initiatives/domain/initiative.events';
import { compareCohorts, progress } from '../../initiatives/domain/initiative.figures';
import { roundFigure } from '../statistics/precision';
import { sampleSd, welchTTest } from '../statistics/welch';
import { createUpcasting, CURRENT_SCHEMA_VERSIONS, EventData, schemaVersionOf, upcast, Upcaster } from './upcasting';

describe('an upcaster registry', () => {
  const renamed: Upcaster = {
    type: 'ThingHappened',
    fromVersion: 1,
    upcast: ({ name, ...rest }) => ({ ...rest, title: name }),
  };
  const counted: Upcaster = { type: 'ThingHappened', fromVersion: 2, upcast: (data) => ({ ...data, count: 0 }) };
  const registry = createUpcasting({ ThingHappened: 3, OtherHappened: 1 }, [counted, renamed]);

  it('chains upcasters one version at a time up to the current version', () => {
    expect(registry.upcast('ThingHappened', { name: 'a' }, 1)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
    expect(registry.upcast('ThingHappened', { title: 'a' }, 2)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
  });

  it('leaves current data, unknown types and newer versions as they are', () => {
    const data = { title: 'a', count: 2 };
    expect(registry.upcast('ThingHappened', data, 3)).toEqual({ data, schemaVersion: 3 });
    expect(registry.upcast('FromElsewhere', data, 1)).toEqual({ data, schemaVersion: 1 });
    expect(registry.upcast('ThingHappened', data, 4)).toEqual({ data, schemaVersion: 4 });
  });

  it('reads an event stored without a version as version 1', () => {
    expect(registry.upcast('ThingHappened', { name: 'a' }, undefined)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
  });

  it('never edits the stored data', () => {
    const stored = Object.freeze({ name: 'a' });
    registry.upcast('ThingHappened', stored, 1);
    expect(stored).toEqual({ name: 'a' });
  });

  it('knows the version to write', () => {
    expect(registry.schemaVersionOf('ThingHappened')).toBe(3);
    expect(registry.schemaVersionOf('FromElsewhere')).toBe(1);
  });

  it('refuses a chain with a gap, a duplicate, or a step past the current version', () => {
    expect(() => createUpcasting({ ThingHappened: 3 }, [renamed])).toThrow(
      'No upcaster for ThingHappened from version 2',
    );
    expect(() => createUpcasting({ ThingHappened: 2 }, [renamed, renamed])).toThrow('Two upcasters');
    expect(() => createUpcasting({ ThingHappened: 2 }, [renamed, counted])).toThrow();
    expect(() => createUpcasting({}, [renamed])).toThrow('unknown event type');
  });
});

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

  it('writes ImpactAssessed, SuccessMetricDefined and DecisionRecorded at version 2, every other event at version 1', () => {
    expect(schemaVersionOf('SuccessMetricDefined')).toBe(2);
    expect(CURRENT_SCHEMA_VERSIONS.SuccessMetricDefined).toBe(2);
    expect(Object.entries(CURRENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1)).toEqual([
      ['ImpactAssessed', 2],
      ['SuccessMetricDefined', 2],
      ['DecisionRecorded', 2],
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
