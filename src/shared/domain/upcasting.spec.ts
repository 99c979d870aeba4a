import { evolveInitiative, initialInitiativeState } from '../../initiatives/domain/initiative.state';
import { InitiativeEvent } from '../../initiatives/domain/initiative.events';
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

  it('writes SuccessMetricDefined at version 2 and every other event at version 1', () => {
    expect(schemaVersionOf('SuccessMetricDefined')).toBe(2);
    expect(CURRENT_SCHEMA_VERSIONS.SuccessMetricDefined).toBe(2);
    expect(Object.entries(CURRENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1)).toEqual([
      ['SuccessMetricDefined', 2],
    ]);
    expect(schemaVersionOf('TeamRegistered')).toBe(1);
  });

  it('reads a SuccessMetricDefined v1, written before guardrails, as a PRIMARY metric', () => {
    expect(upcast('SuccessMetricDefined', v1, 1)).toEqual({ data: { ...v1, kind: 'PRIMARY' }, schemaVersion: 2 });
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
