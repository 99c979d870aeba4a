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

  const noRule = { minimumEffect: null, maximumHarm: null, confidence: null, baselineSpread: null };

  it('writes SuccessMetricDefined at version 3, DecisionRecorded at 2 and every other event at version 1', () => {
    expect(schemaVersionOf('SuccessMetricDefined')).toBe(3);
    expect(Object.entries(CURRENT_SCHEMA_VERSIONS).filter(([, version]) => version !== 1)).toEqual([
      ['SuccessMetricDefined', 3],
      ['DecisionRecorded', 2],
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
      data: { ...v1Decision, evidenceVersion: 1, rule: null, recommendation: null, followsRule: null },
      schemaVersion: 2,
    });
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
