import { describeComparison, formatNumber, formatPValue } from '../../web/src/format';
import { timeMarks } from '../../web/src/time-marks';

const metric = { unit: 'customers', direction: 'INCREASE' as const };
const stats = (n: number, mean: number | null) => ({ n, mean, sd: n > 1 ? 1 : null });

describe('the dashboard puts a cohort comparison in words a director understands', () => {
  it('says how much more the pilot did, with the interval and the p-value', () => {
    const words = describeComparison(
      {
        metricId: 'engaged',
        iteration: 2,
        pilot: stats(4, 15.5),
        control: stats(4, 10),
        difference: 5.5,
        ciLow: 3.54,
        ciHigh: 7.46,
        pValue: 0.0008,
      },
      metric,
    );
    expect(words.sentence).toBe(
      'Pilot reps averaged 5.5 more customers than the control group (15.5 vs 10); 95% interval 3.5 to 7.5 (p < 0.001).',
    );
    expect(words.verdict).toBe('The difference is unlikely to be chance, and it goes the way we want.');
    expect(words.enoughData).toBe(true);
  });

  it('says when the interval includes zero, and when a decrease is what we want', () => {
    const comparison = {
      metricId: 'm',
      iteration: 1,
      pilot: stats(5, 9),
      control: stats(5, 10),
      difference: -1,
      ciLow: -2.5,
      ciHigh: 0.5,
      pValue: 0.19,
    };
    expect(describeComparison(comparison, metric).sentence).toContain('1 fewer customers than the control group');
    expect(describeComparison(comparison, metric).verdict).toBe(
      'The interval includes zero, so the difference could be chance.',
    );
    const wanted = describeComparison({ ...comparison, ciHigh: -0.2 }, { unit: 'days', direction: 'DECREASE' });
    expect(wanted.verdict).toBe('The difference is unlikely to be chance, and it goes the way we want.');
  });

  it('uses plain words when there is not enough data', () => {
    const thin = describeComparison(
      {
        metricId: 'm',
        iteration: 1,
        pilot: stats(1, 12),
        control: stats(3, 10),
        difference: null,
        ciLow: null,
        ciHigh: null,
        pValue: null,
      },
      metric,
    );
    expect(thin.enoughData).toBe(false);
    expect(thin.sentence).toBe(
      'Not enough data to compare yet: the pilot group has 1 reading and the control group 3 readings; at least 2 in each are needed.',
    );
    const noControl = describeComparison(
      {
        metricId: 'm',
        iteration: 1,
        pilot: stats(3, 12),
        control: stats(0, null),
        difference: null,
        ciLow: null,
        ciHigh: null,
        pValue: null,
      },
      metric,
    );
    expect(noControl.sentence).toContain('no control group readings to compare with');
    expect(describeComparison(null, metric).sentence).toBe('No readings were recorded in this iteration.');
  });

  it('rounds numbers for reading', () => {
    expect(formatNumber(3.54)).toBe('3.5');
    expect(formatNumber(0.256)).toBe('0.26');
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(null)).toBe('—');
    expect(formatPValue(0.0021)).toBe('p = 0.002');
  });
});

describe('the moments time travel jumps to', () => {
  it('lands "Just before" a decision on the last instant before its event, after what happened earlier that second', () => {
    const marks = timeMarks({
      proposedAt: '2026-01-05T09:00:00.000Z',
      iterations: [
        {
          number: 1,
          change: 'c',
          startedAt: '2026-01-12T09:00:00.000Z',
          plannedEndAt: '2026-01-26T09:00:00.000Z',
          completedAt: '2026-01-27T10:00:00.200Z',
          outcome: 'INCONCLUSIVE',
          learnings: 'l',
          overdue: false,
        },
      ],
      decisions: [
        {
          id: 'd',
          initiativeId: 'i',
          kind: 'PIVOT',
          rationale: 'r',
          decidedBy: 'dana',
          decidedAt: '2026-01-27T10:00:00.500Z',
          iteration: 1,
          evidence: [],
        },
      ],
    });
    expect(marks.map((m) => [m.label, m.at])).toEqual([
      ['Proposed 5 Jan 2026', '2026-01-05T09:00:00.000Z'],
      ['Iteration 1 started', '2026-01-12T09:00:00.000Z'],
      ['Just before Pivot', '2026-01-27T10:00:00.499Z'],
      ['After Pivot', '2026-01-27T10:00:00.500Z'],
    ]);
  });
});
