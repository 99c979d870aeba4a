import { studentTCdf, studentTQuantile, studentTTwoSided } from './student-t';
import { mean, sampleSd, sampleVariance, welchTTest } from './welch';

describe("Student's t distribution", () => {
  it.each([
    // R: qt(p, df), printed with 13 significant digits
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
    expect(studentTCdf(t, df)).toBeCloseTo(expected, 10);
  });

  it.each([
    // The two-sided critical values of a printed t table (three decimals)
    [1, 0.95, 6.314],
    [2, 0.975, 4.303],
    [3, 0.975, 3.182],
    [5, 0.975, 2.571],
    [5, 0.995, 4.032],
    [8, 0.99, 2.896],
    [12, 0.975, 2.179],
    [20, 0.95, 1.725],
    [25, 0.995, 2.787],
    [60, 0.975, 2.0],
    [120, 0.975, 1.98],
  ])('matches the t table: df = %s, p = %s → %s', (df, p, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 3);
  });

  it('agrees with the closed forms for 1, 2 and 4 degrees of freedom', () => {
    for (const t of [-30, -3.2, -0.4, 0.7, 1.5, 6, 250]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
      const x = Math.sqrt((t * t) / (4 + t * t));
      expect(studentTCdf(t, 4)).toBeCloseTo(0.5 + (Math.sign(t) * (3 * x - x ** 3)) / 4, 13);
    }
    for (const p of [0.001, 0.1, 0.6, 0.9, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 10);
    }
  });

  it('is symmetric, and its two-sided tail is twice the lower tail', () => {
    for (const df of [1.5, 3, 17.776, 250]) {
      for (const t of [0.1, 1.96, 4]) {
        expect(studentTCdf(-t, df) + studentTCdf(t, df)).toBeCloseTo(1, 14);
        expect(studentTTwoSided(t, df)).toBeCloseTo(2 * studentTCdf(-t, df), 14);
        expect(studentTQuantile(studentTCdf(t, df), df)).toBeCloseTo(t, 9);
      }
    }
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('mean and sample standard deviation', () => {
  it('use n − 1 and are null where undefined', () => {
    expect(mean([])).toBeNull();
    expect(mean([2, 4, 9])).toBe(5);
    expect(sampleVariance([7])).toBeNull();
    expect(sampleSd([7])).toBeNull();
    expect(sampleVariance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 14);
  });
});

describe("Welch's t-test against published R output", () => {
  it('t.test(extra ~ group, data = sleep)', () => {
    const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    // t = -1.8608, df = 17.776, p-value = 0.07939; 95 percent CI: -3.3654832 0.2054832; means 0.75 2.33
    const result = welchTTest(group1, group2)!;
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.pValue).toBeCloseTo(0.07939, 5);
    expect(result.ciLow).toBeCloseTo(-3.3654832, 6);
    expect(result.ciHigh).toBeCloseTo(0.2054832, 6);
    expect(mean(group1)).toBeCloseTo(0.75, 12);
    expect(mean(group2)).toBeCloseTo(2.33, 12);
    expect(result.difference).toBeCloseTo(0.75 - 2.33, 12);
  });

  it('t.test(mpg ~ am, data = mtcars)', () => {
    const automatic = [
      21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4, 14.7, 21.5, 15.5, 15.2, 13.3, 19.2,
    ];
    const manual = [21.0, 21.0, 22.8, 32.4, 30.4, 33.9, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4];
    // t = -3.7671, df = 18.332, p-value = 0.001374; 95 percent CI: -11.280194 -3.209684; means 17.14737 24.39231
    const result = welchTTest(automatic, manual)!;
    expect(result.t).toBeCloseTo(-3.7671, 4);
    expect(result.df).toBeCloseTo(18.332, 3);
    expect(result.pValue).toBeCloseTo(0.001374, 6);
    expect(result.ciLow).toBeCloseTo(-11.280194, 6);
    expect(result.ciHigh).toBeCloseTo(-3.209684, 6);
    expect(mean(automatic)).toBeCloseTo(17.14737, 5);
    expect(mean(manual)).toBeCloseTo(24.39231, 5);
  });

  it('t.test(ts1, ts2), two samples of ten small integers', () => {
    const ts1 = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
    const ts2 = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
    // t = -1.8325, df = 17.9, p-value = 0.08356; 95 percent CI: -2.1469104 0.1469104; means 10.4 11.4
    const result = welchTTest(ts1, ts2)!;
    expect(result.t).toBeCloseTo(-1.8325, 4);
    expect(result.df).toBeCloseTo(17.9, 1);
    expect(result.pValue).toBeCloseTo(0.08356, 5);
    expect(result.ciLow).toBeCloseTo(-2.1469104, 6);
    expect(result.ciHigh).toBeCloseTo(0.1469104, 6);
    expect(mean(ts1)).toBeCloseTo(10.4, 12);
    expect(mean(ts2)).toBeCloseTo(11.4, 12);
  });

  it('t.test(data_x, data_y), samples of unequal size', () => {
    const x = [5.1, 2.0, 4.1, 6.2, 7.1, 8.3];
    const y = [1.5, 6.4, 3.3, 5.8, 4.8, 7.2, 5.6, 4.5];
    // t = 0.51703, df = 9.48, p-value = 0.617; 95 percent CI: -1.935420 3.093754
    const result = welchTTest(x, y)!;
    expect(result.t).toBeCloseTo(0.51703, 5);
    expect(result.df).toBeCloseTo(9.48, 2);
    expect(result.pValue).toBeCloseTo(0.617, 3);
    expect(result.ciLow).toBeCloseTo(-1.93542, 6);
    expect(result.ciHigh).toBeCloseTo(3.093754, 6);
  });

  it('follows the Welch–Satterthwaite definitions exactly', () => {
    const x = [19.1, 21.3, 22.0, 20.4, 18.9];
    const y = [23.5, 24.1, 22.8, 25.0, 26.2, 23.9];
    const result = welchTTest(x, y)!;
    const vx = sampleVariance(x)! / 5;
    const vy = sampleVariance(y)! / 6;
    expect(result.difference).toBeCloseTo(20.34 - 24.25, 12);
    expect(result.t).toBeCloseTo((20.34 - 24.25) / Math.sqrt(vx + vy), 12);
    expect(result.df).toBeCloseTo((vx + vy) ** 2 / (vx ** 2 / 4 + vy ** 2 / 5), 12);
    expect(result.ciHigh - result.difference).toBeCloseTo(studentTQuantile(0.975, result.df) * Math.sqrt(vx + vy), 12);
    expect(result.pValue).toBeCloseTo(2 * studentTCdf(result.t, result.df), 12);
  });

  it('widens the interval with the confidence asked for', () => {
    const x = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const y = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const at95 = welchTTest(x, y)!;
    const at99 = welchTTest(x, y, 0.99)!;
    expect(at99.ciLow).toBeLessThan(at95.ciLow);
    expect(at99.ciHigh).toBeGreaterThan(at95.ciHigh);
    expect(at99.pValue).toBe(at95.pValue);
  });

  it('is null below two readings in a cohort', () => {
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([1, 2], [])).toBeNull();
  });

  it('is certain when both cohorts are constant', () => {
    expect(welchTTest([3, 3], [1, 1])).toMatchObject({ difference: 2, ciLow: 2, ciHigh: 2, pValue: 0 });
    expect(welchTTest([3, 3], [3, 3, 3])).toMatchObject({ difference: 0, t: 0, pValue: 1 });
  });
});
