import { studentTQuantile, studentTTwoSided } from './student-t';

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample variance (n − 1 in the denominator); null below two values. */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values)!;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

export function sampleSd(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

export interface WelchResult {
  difference: number;
  t: number;
  df: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
}

/**
 * Welch's unequal-variances t-test of mean(x) − mean(y), as R's `t.test(x, y)`: the
 * Welch–Satterthwaite degrees of freedom, a two-sided p-value and a confidence interval.
 * Null when either sample has fewer than two values.
 */
export function welchTTest(x: readonly number[], y: readonly number[], confidence = 0.95): WelchResult | null {
  if (x.length < 2 || y.length < 2) return null;
  const difference = mean(x)! - mean(y)!;
  const vx = sampleVariance(x)! / x.length;
  const vy = sampleVariance(y)! / y.length;
  const se = Math.sqrt(vx + vy);
  if (se === 0) {
    // Both samples constant: the difference is certain.
    return {
      difference,
      t: difference === 0 ? 0 : Math.sign(difference) * Infinity,
      df: x.length + y.length - 2,
      ciLow: difference,
      ciHigh: difference,
      pValue: difference === 0 ? 1 : 0,
    };
  }
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  const t = difference / se;
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * se;
  return {
    difference,
    t,
    df,
    ciLow: difference - margin,
    ciHigh: difference + margin,
    pValue: studentTTwoSided(t, df),
  };
}
