import { evolveInitiative, initialInitiativeState } from './initiatives/domain/initiative.state';
import { InitiativeEvent } from './initiatives/domain/initiative.events';
import { INITIATIVE_SCHEMA_VERSIONS } from './initiatives/domain/initiative.upcasters';
import { EventData } from './shared/domain/upcasting';
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
