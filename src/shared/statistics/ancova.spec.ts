import { ancova, CovariateUnit } from './ancova';
import { studentTQuantile } from './student-t';

/**
 * R's ToothGrowth data set (datasets package; C. I. Bliss, The Statistics of Bioassay, 1952):
 * odontoblast length of 60 guinea pigs by vitamin C dose (mg/day) and supplement (VC ascorbic
 * acid, OJ orange juice), in R's row order.
 */
const VC: Array<[number, number]> = [
  [4.2, 0.5], [11.5, 0.5], [7.3, 0.5], [5.8, 0.5], [6.4, 0.5], [10, 0.5], [11.2, 0.5], [11.2, 0.5], [5.2, 0.5], [7, 0.5],
  [16.5, 1], [16.5, 1], [15.2, 1], [17.3, 1], [22.5, 1], [17.3, 1], [13.6, 1], [14.5, 1], [18.8, 1], [15.5, 1],
  [23.6, 2], [18.5, 2], [33.9, 2], [25.5, 2], [26.4, 2], [32.5, 2], [26.7, 2], [21.5, 2], [23.3, 2], [29.5, 2],
]; // prettier-ignore
const OJ: Array<[number, number]> = [
  [15.2, 0.5], [21.5, 0.5], [17.6, 0.5], [9.7, 0.5], [14.5, 0.5], [10, 0.5], [8.2, 0.5], [9.4, 0.5], [16.5, 0.5], [9.7, 0.5],
  [19.7, 1], [23.3, 1], [23.6, 1], [26.4, 1], [20, 1], [25.2, 1], [25.8, 1], [21.2, 1], [14.5, 1], [27.3, 1],
  [25.5, 2], [26.4, 2], [22.4, 2], [24.5, 2], [24.8, 2], [30.9, 2], [26.4, 2], [27.3, 2], [29.4, 2], [23, 2],
]; // prettier-ignore

const toothGrowth: CovariateUnit[] = [
  ...VC.map(([len, dose]) => ({ treated: true, covariate: dose, outcome: len })),
  ...OJ.map(([len, dose]) => ({ treated: false, covariate: dose, outcome: len })),
];

/** The same model solved another way: the 3 × 3 normal equations (X'X) b = X'y by Gauss–Jordan elimination. */
function normalEquations(units: readonly CovariateUnit[]) {
  const rows = units.map((u) => [1, u.treated ? 1 : 0, u.covariate]);
  const xtx = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((sum, r) => sum + r[i] * r[j], 0)));
  const xty = [0, 1, 2].map((i) => rows.reduce((sum, r, k) => sum + r[i] * units[k].outcome, 0));
  const augmented = xtx.map((row, i) => [...row, ...[0, 1, 2].map((j) => (i === j ? 1 : 0)), xty[i]]);
  for (let col = 0; col < 3; col++) {
    const pivot = augmented[col][col];
    for (let c = 0; c < 7; c++) augmented[col][c] /= pivot;
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const factor = augmented[r][col];
      for (let c = 0; c < 7; c++) augmented[r][c] -= factor * augmented[col][c];
    }
  }
  const inverse = augmented.map((row) => row.slice(3, 6));
  const coefficients = augmented.map((row) => row[6]);
  const residuals = units.map((u, k) => u.outcome - rows[k].reduce((sum, v, i) => sum + v * coefficients[i], 0));
  const variance = residuals.reduce((sum, e) => sum + e * e, 0) / (units.length - 3);
  return { coefficients, standardError: Math.sqrt(variance * inverse[1][1]), residualSd: Math.sqrt(variance) };
}

describe('analysis of covariance', () => {
  it("matches R's lm(len ~ dose + supp, data = ToothGrowth) on the published ToothGrowth data", () => {
    // R's summary, as printed in the RPubs report "Analysis of the ToothGrowth data"
    // (rpubs.com, 2014; rstudio-pubs-static 36933): suppVC −3.700 (Std. Error 1.094, t −3.38,
    // p 0.0013), dose 9.764 (0.877), residual standard error 4.24 on 57 degrees of freedom.
    const result = ancova(toothGrowth)!;
    expect(result.difference).toBeCloseTo(-3.7, 3);
    expect(result.standardError).toBeCloseTo(1.094, 2);
    expect(result.difference / result.standardError).toBeCloseTo(-3.38, 2);
    expect(result.pValue).toBeCloseTo(0.0013, 4);
    expect(result.slope).toBeCloseTo(9.764, 3);
    expect(result.residualSd).toBeCloseTo(4.24, 2);
    expect(result.df).toBe(57);
  });

  it('agrees with the normal equations solved by elimination, to the last digits', () => {
    const independent = normalEquations(toothGrowth);
    const result = ancova(toothGrowth)!;
    expect(result.difference).toBeCloseTo(independent.coefficients[1], 10);
    expect(result.slope).toBeCloseTo(independent.coefficients[2], 10);
    expect(result.standardError).toBeCloseTo(independent.standardError, 10);
    expect(result.residualSd).toBeCloseTo(independent.residualSd, 10);
    const margin = studentTQuantile(0.975, 57) * independent.standardError;
    expect(result.ciLow).toBeCloseTo(independent.coefficients[1] - margin, 10);
    expect(result.ciHigh).toBeCloseTo(independent.coefficients[1] + margin, 10);
  });

  it('removes what the covariate explains: a pilot ahead before it started is not credited for it', () => {
    // Outcome = covariate + 2 for the pilot, covariate for the control, plus small noise.
    const units: CovariateUnit[] = [
      { treated: true, covariate: 12, outcome: 14.1 },
      { treated: true, covariate: 16, outcome: 17.9 },
      { treated: true, covariate: 14, outcome: 16.0 },
      { treated: false, covariate: 11, outcome: 11.2 },
      { treated: false, covariate: 13, outcome: 12.8 },
      { treated: false, covariate: 15, outcome: 15.0 },
    ];
    const meanOf = (treated: boolean) =>
      units.filter((u) => u.treated === treated).reduce((sum, u) => sum + u.outcome, 0) / 3;
    expect(meanOf(true) - meanOf(false)).toBeCloseTo(3, 1);
    const result = ancova(units)!;
    expect(result.difference).toBeCloseTo(2, 1);
    expect(result.ciLow).toBeLessThan(2);
    expect(result.ciHigh).toBeGreaterThan(2);
  });

  it('is null when it cannot be fitted', () => {
    const unit = (treated: boolean, covariate: number, outcome: number) => ({ treated, covariate, outcome });
    expect(ancova([unit(true, 1, 2), unit(false, 2, 3), unit(false, 3, 3)])).toBeNull();
    expect(ancova([unit(true, 1, 2), unit(true, 2, 3), unit(true, 3, 3), unit(true, 4, 5)])).toBeNull();
    // The covariate is the group itself: no variation left to tell them apart.
    expect(ancova([unit(true, 1, 2), unit(true, 1, 3), unit(false, 0, 3), unit(false, 0, 5)])).toBeNull();
  });
});
