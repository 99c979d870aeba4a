import { studentTCdf, studentTQuantile } from './student-t';
import { mean, sampleSd, welchTTest } from './welch';

describe("Student's t distribution", () => {
  it.each([
    // R: qt(p, df)
    [0.975, 10, 2.228138851986],
    [0.975, 1, 12.70620473617],
    [0.975, 30, 2.042272456301],
  ])('qt(%s, %s) = %s', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 9);
  });

  it.each([
    // R: pt(t, df)
    [-2, 5, 0.05096973941],
    [0, 7, 0.5],
  ])('pt(%s, %s) = %s', (t, df, expected) => {
    expect(studentTCdf(t, df)).toBeCloseTo(expected, 9);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [-3.2, -0.4, 0.7, 1.5, 6]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
    }
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(Math.sqrt(2) * 0.8 / Math.sqrt(1 - 0.64), 10);
  });
});

describe("Welch's t-test against R's t.test(x, y)", () => {
  it("reproduces R's sleep data example: t.test(extra ~ group, data = sleep)", () => {
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const result = welchTTest(group1, group2)!;
    // R prints: t = -1.8608, df = 17.776, p-value = 0.07939, 95 percent CI -3.3654832 0.2054832
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.ciLow).toBeCloseTo(-3.3654832, 6);
    expect(result.ciHigh).toBeCloseTo(0.2054832, 6);
    expect(mean(group1)).toBeCloseTo(0.75, 12);
    expect(mean(group2)).toBeCloseTo(2.33, 12);
  });

  it('matches the textbook unequal-variance example', () => {
    // R: t.test(c(19.1,21.3,22.0,20.4,18.9), c(23.5,24.1,22.8,25.0,26.2,23.9))
    // Computed independently from the definitions: means 20.34 and 24.25
    const x = [19.1, 21.3, 22.0, 20.4, 18.9];
    const y = [23.5, 24.1, 22.8, 25.0, 26.2, 23.9];
    const result = welchTTest(x, y)!;
    const vx = sampleSd(x)! ** 2 / 5;
    const vy = sampleSd(y)! ** 2 / 6;
    expect(result.difference).toBeCloseTo(20.34 - 24.25, 12);
    expect(result.t).toBeCloseTo((20.34 - 24.25) / Math.sqrt(vx + vy), 12);
    expect(result.df).toBeCloseTo((vx + vy) ** 2 / (vx ** 2 / 4 + vy ** 2 / 5), 12);
    expect(result.ciHigh - result.difference).toBeCloseTo(studentTQuantile(0.975, result.df) * Math.sqrt(vx + vy), 12);
    expect(result.pValue).toBeCloseTo(2 * studentTCdf(result.t, result.df), 12);
  });

  it('is null below two readings in a cohort', () => {
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([1, 2], [])).toBeNull();
  });

  it('is certain when both cohorts are constant', () => {
    expect(welchTTest([3, 3], [1, 1])).toMatchObject({ difference: 2, ciLow: 2, ciHigh: 2, pValue: 0 });
  });
});
