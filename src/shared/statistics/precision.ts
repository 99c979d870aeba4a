/**
 * Every figure the API derives (ratios, means, days, intervals) is rounded where it is derived, so a
 * reader sees 0.1 rather than 0.10000000000000009, and a figure frozen into a decision's evidence
 * equals the one recomputed from the same events, digit for digit.
 */
export const FIGURE_DECIMALS = 4;

/** p-values keep significant digits instead, so a very small one is not rounded to 0. */
export const P_VALUE_SIGNIFICANT_DIGITS = 4;

const SCALE = 10 ** FIGURE_DECIMALS;

export function roundFigure(value: number): number;
export function roundFigure(value: number | null): number | null;
export function roundFigure(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  const rounded = Math.round(value * SCALE) / SCALE;
  // -0 would read as "-0" in some clients.
  return rounded === 0 ? 0 : rounded;
}

export function roundPValue(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(P_VALUE_SIGNIFICANT_DIGITS));
}
