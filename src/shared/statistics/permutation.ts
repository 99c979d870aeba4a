/**
 * The two-sided permutation test of a difference of means: every way of splitting the pooled
 * values into groups of the observed sizes is equally likely when the cohorts do not differ, so
 * the p-value is the share of splits whose difference is at least as far from zero as the one
 * observed. Exact (every split) while there are at most EXACT_SPLITS_LIMIT splits, else a seeded
 * Monte Carlo, so the same readings always give the same answer and a decision can be replayed.
 */

/** C(20, 10): two cohorts of ten people are still enumerated split by split, in a few milliseconds. */
export const EXACT_SPLITS_LIMIT = 184_756;
export const MONTE_CARLO_RESAMPLES = 20_000;
const MONTE_CARLO_SEED = 0x5eed_2026;

export type PermutationMethod = 'EXACT' | 'MONTE_CARLO';

export interface PermutationTestResult {
  /** mean(x) − mean(y), after the shift. */
  difference: number;
  pValue: number;
  method: PermutationMethod;
  /** Splits enumerated (EXACT) or random splits drawn (MONTE_CARLO). */
  permutations: number;
}

/** C(n, k), exact for the sizes a pilot has; Infinity once past 2^53. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const j = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= j; i++) {
    result = (result * (n - j + i)) / i;
    if (!Number.isFinite(result) || result > Number.MAX_SAFE_INTEGER) return Infinity;
  }
  return Math.round(result);
}

/** mulberry32: small, fast, and the same sequence on every platform for one seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two-sided permutation p-value of mean(x) − mean(y) − shift. With `shift` the test asks whether
 * the difference could be `shift` (pilot readings moved by it), which is how a minimum effect
 * is tested. Null when either sample is empty.
 */
export function permutationTest(
  x: readonly number[],
  y: readonly number[],
  shift = 0,
  resamples = MONTE_CARLO_RESAMPLES,
): PermutationTestResult | null {
  if (x.length === 0 || y.length === 0) return null;
  const shifted = x.map((v) => v - shift);
  const pooled = [...shifted, ...y];
  const total = pooled.reduce((sum, v) => sum + v, 0);
  // The sum of the smaller group decides the difference of means once the pooled total is fixed:
  // mean(A) − mean(B) = S_A (1/n_A + 1/n_B) − T / n_B, so |S_A − n_A T / N| orders the splits.
  const group = shifted.length <= y.length ? shifted : y;
  const k = group.length;
  const centre = (k * total) / pooled.length;
  const observed = Math.abs(group.reduce((sum, v) => sum + v, 0) - centre);
  // Sums reached along different paths differ in their last bits; a tie must still count as a tie.
  const tolerance =
    1e-9 *
    Math.max(
      1,
      pooled.reduce((sum, v) => sum + Math.abs(v), 0),
    );
  const atLeastAsFar = (sum: number) => Math.abs(sum - centre) >= observed - tolerance;
  const difference = mean(shifted) - mean(y);

  const splits = binomial(pooled.length, k);
  if (splits <= EXACT_SPLITS_LIMIT) {
    let extreme = 0;
    const visit = (start: number, left: number, sum: number): void => {
      if (left === 0) {
        if (atLeastAsFar(sum)) extreme++;
        return;
      }
      for (let i = start; i <= pooled.length - left; i++) visit(i + 1, left - 1, sum + pooled[i]);
    };
    visit(0, k, 0);
    return { difference, pValue: extreme / splits, method: 'EXACT', permutations: splits };
  }

  const random = seededRandom(MONTE_CARLO_SEED);
  const order = pooled.map((_, i) => i);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
      sum += pooled[order[i]];
    }
    if (atLeastAsFar(sum)) extreme++;
  }
  // The observed split is one of the possible ones: counting it keeps the estimate above zero.
  return { difference, pValue: (extreme + 1) / (resamples + 1), method: 'MONTE_CARLO', permutations: resamples };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The smallest p-value a two-sided permutation test can give with these group sizes, whatever the
 * readings: one split (and, for equal sizes, its mirror image) more extreme than every other.
 * Null when a group is empty.
 */
export function smallestPermutationPValue(
  xSize: number,
  ySize: number,
  resamples = MONTE_CARLO_RESAMPLES,
): number | null {
  if (xSize < 1 || ySize < 1) return null;
  const splits = binomial(xSize + ySize, xSize);
  const exact = (xSize === ySize ? 2 : 1) / splits;
  return splits <= EXACT_SPLITS_LIMIT ? exact : Math.max(exact, 1 / (resamples + 1));
}
