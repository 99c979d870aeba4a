import { studentTQuantile } from './student-t';

export const DEFAULT_POWER = 0.8;

/**
 * The smallest true difference of means a two-sided test at `confidence` finds with probability
 * `power`, for groups of these sizes and this spread (standard deviation of one unit):
 * (t₁₋α/₂ + t_power) · sd · √(1/n₁ + 1/n₂) on n₁ + n₂ − 2 degrees of freedom. Null when there are
 * not enough units for a spread to be estimated, or no spread.
 */
export function minimumDetectableEffect(
  xSize: number,
  ySize: number,
  spread: number,
  confidence: number,
  power = DEFAULT_POWER,
): number | null {
  const df = xSize + ySize - 2;
  if (xSize < 1 || ySize < 1 || df < 1 || !(spread >= 0) || !Number.isFinite(spread)) return null;
  const quantiles = studentTQuantile(1 - (1 - confidence) / 2, df) + studentTQuantile(power, df);
  return quantiles * spread * Math.sqrt(1 / xSize + 1 / ySize);
}
