import { studentTQuantile, studentTTwoSided } from './student-t';

/** One unit of an analysis of covariance: its group (1 treated, 0 not), covariate and outcome. */
export interface CovariateUnit {
  treated: boolean;
  covariate: number;
  outcome: number;
}

export interface AncovaResult {
  /** The treated-minus-untreated difference at equal covariate: the coefficient of the group. */
  difference: number;
  standardError: number;
  df: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Change of the outcome per unit of the covariate, within groups. */
  slope: number;
  residualSd: number;
}

/**
 * Analysis of covariance by ordinary least squares, as R's `lm(outcome ~ treated + covariate)`:
 * the difference of the groups adjusted for the covariate, its standard error on n − 3 degrees
 * of freedom and a confidence interval. Solved on centred sums (Frisch–Waugh–Lovell), which is
 * the normal equations without the intercept's row. Null with fewer than four units, an empty
 * group, or a covariate that cannot be told apart from the group (no variation left to fit).
 */
export function ancova(units: readonly CovariateUnit[], confidence = 0.95): AncovaResult | null {
  const n = units.length;
  const treated = units.filter((u) => u.treated).length;
  if (n < 4 || treated === 0 || treated === n) return null;
  const average = (pick: (u: CovariateUnit) => number) => units.reduce((sum, u) => sum + pick(u), 0) / n;
  const [gBar, xBar, yBar] = [
    average((u) => (u.treated ? 1 : 0)),
    average((u) => u.covariate),
    average((u) => u.outcome),
  ];
  let [sgg, sxx, sgx, sgy, sxy] = [0, 0, 0, 0, 0];
  for (const u of units) {
    const [g, x, y] = [(u.treated ? 1 : 0) - gBar, u.covariate - xBar, u.outcome - yBar];
    sgg += g * g;
    sxx += x * x;
    sgx += g * x;
    sgy += g * y;
    sxy += x * y;
  }
  const determinant = sgg * sxx - sgx * sgx;
  if (!(determinant > 1e-12 * sgg * sxx)) return null;
  const difference = (sxx * sgy - sgx * sxy) / determinant;
  const slope = (sgg * sxy - sgx * sgy) / determinant;
  let residualSquares = 0;
  for (const u of units) {
    const fitted = yBar + difference * ((u.treated ? 1 : 0) - gBar) + slope * (u.covariate - xBar);
    residualSquares += (u.outcome - fitted) ** 2;
  }
  const df = n - 3;
  const residualVariance = residualSquares / df;
  const standardError = Math.sqrt((residualVariance * sxx) / determinant);
  if (standardError === 0) {
    return {
      difference,
      standardError,
      df,
      ciLow: difference,
      ciHigh: difference,
      pValue: difference === 0 ? 1 : 0,
      slope,
      residualSd: 0,
    };
  }
  const margin = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
  return {
    difference,
    standardError,
    df,
    ciLow: difference - margin,
    ciHigh: difference + margin,
    pValue: studentTTwoSided(difference / standardError, df),
    slope,
    residualSd: Math.sqrt(residualVariance),
  };
}
