import { permutationTest as referencePermutationTest } from 'simple-statistics';
import {
  binomial,
  EXACT_SPLITS_LIMIT,
  MONTE_CARLO_RESAMPLES,
  permutationTest,
  smallestPermutationPValue,
} from './permutation';

/** A seeded source for the reference implementation, apart from the one the code under test uses. */
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

describe('binomial coefficients', () => {
  it('count the ways to split a pooled sample', () => {
    expect(binomial(6, 3)).toBe(20);
    expect(binomial(8, 4)).toBe(70);
    expect(binomial(20, 10)).toBe(EXACT_SPLITS_LIMIT);
    expect(binomial(5, 0)).toBe(1);
    expect(binomial(3, 4)).toBe(0);
    expect(binomial(200, 100)).toBe(Infinity);
  });
});

describe('the exact two-sided permutation test, on cases counted by hand', () => {
  it('given 1 2 3 against 4 5 6, only the observed split and its mirror are as extreme: p = 2/20', () => {
    expect(permutationTest([1, 2, 3], [4, 5, 6])).toEqual({
      difference: -3,
      pValue: 0.1,
      method: 'EXACT',
      permutations: 20,
    });
  });

  it('given 1 2 against 3 4 5, the pairs summing to 3 or 9 are as far from the centre 6: p = 2/10', () => {
    // Pair sums of {1..5}: 3 4 5 6 5 6 7 7 8 9; |sum − 6| ≥ 3 for 3 and 9 only.
    expect(permutationTest([1, 2], [3, 4, 5])).toMatchObject({ pValue: 0.2, permutations: 10 });
  });

  it('given one reading of 10 against 1 2 3, only the 10 alone is as extreme: p = 1/4', () => {
    expect(permutationTest([10], [1, 2, 3])).toMatchObject({ pValue: 0.25, permutations: 4 });
  });

  it('counts every split when the cohorts do not differ at all', () => {
    expect(permutationTest([1, 1], [1, 1])!.pValue).toBe(1);
    expect(permutationTest([4, 9], [9, 4])!.pValue).toBe(1);
  });

  it('treats sums equal in decimals as ties, whatever their last bits', () => {
    // 0.1 + 0.7 is 0.7999999999999999 in binary floating point, 0.3 + 0.5 is 0.8.
    expect(permutationTest([0.1, 0.7], [0.3, 0.5])!.pValue).toBe(1);
  });

  it('tests a shifted difference: 5 6 7 is 1 2 3 moved by 4', () => {
    expect(permutationTest([5, 6, 7], [1, 2, 3], 4)).toMatchObject({ difference: 0, pValue: 1 });
    expect(permutationTest([5, 6, 7], [1, 2, 3], 0)).toMatchObject({ difference: 4, pValue: 0.1 });
  });

  it('is symmetric in the cohorts', () => {
    const x = [3.1, 4.7, 2.2, 5.9];
    const y = [6.3, 7.1, 5.5, 8.0, 6.6];
    expect(permutationTest(y, x)!.pValue).toBe(permutationTest(x, y)!.pValue);
    expect(permutationTest(y, x)!.difference).toBeCloseTo(-permutationTest(x, y)!.difference, 12);
  });

  it('is null when a cohort has no reading', () => {
    expect(permutationTest([], [1, 2])).toBeNull();
    expect(permutationTest([1], [])).toBeNull();
  });

  it('enumerates two cohorts of ten, and no more', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i * 1.5);
    expect(
      permutationTest(
        ten,
        ten.map((v) => v + 0.25),
      ),
    ).toMatchObject({
      method: 'EXACT',
      permutations: EXACT_SPLITS_LIMIT,
    });
    expect(permutationTest(ten, [...ten, 20])).toMatchObject({
      method: 'MONTE_CARLO',
      permutations: MONTE_CARLO_RESAMPLES,
    });
  });
});

describe('the permutation test against an independent implementation (simple-statistics, 200,000 random splits)', () => {
  const cases: Array<[string, number[], number[]]> = [
    ['its documented example', [2, 5, 3, 6, 7, 2, 5], [20, 5, 13, 12, 7, 2, 2]],
    ['a clear effect, 4 vs 4', [15.2, 16.1, 14.3, 17.4], [10.1, 11.6, 9.2, 10.7]],
    ['unequal cohorts, 6 vs 9', [5.1, 2.05, 4.1, 6.2, 7.1, 8.3], [1.5, 6.4, 3.3, 5.8, 4.8, 7.2, 5.6, 4.5, 3.95]],
    ['no effect, 7 vs 8', [9.8, 10.4, 11.1, 9.1, 10.9, 10.2, 9.6], [10.3, 9.7, 10.8, 9.9, 11.3, 9.4, 10.6, 10.05]],
  ];

  it.each(cases)('%s', (_name, x, y) => {
    const exact = permutationTest(x, y)!;
    expect(exact.method).toBe('EXACT');
    const reference = referencePermutationTest(x, y, 'two_side', 200_000, xorshift(2026));
    // Its standard error is at most √(0.25 / 200,000) ≈ 0.0011.
    expect(Math.abs(exact.pValue - reference)).toBeLessThan(0.006);
  });

  it('agrees with it where the Monte Carlo is used, 12 vs 12', () => {
    const x = [12.1, 13.4, 11.8, 14.2, 12.9, 13.7, 12.2, 14.8, 13.1, 12.6, 13.9, 12.4];
    const y = [11.9, 12.3, 11.2, 12.8, 11.5, 12.7, 11.1, 12.0, 12.5, 11.7, 13.0, 11.4];
    const ours = permutationTest(x, y)!;
    expect(ours.method).toBe('MONTE_CARLO');
    const reference = referencePermutationTest(x, y, 'two_side', 200_000, xorshift(7));
    expect(Math.abs(ours.pValue - reference)).toBeLessThan(0.01);
    expect(permutationTest(x, y)).toEqual(ours);
  });
});

describe('the smallest p-value a design allows', () => {
  it.each([
    [3, 3, 0.1],
    [4, 4, 2 / 70],
    [2, 2, 1 / 3],
    [1, 3, 0.25],
    [5, 5, 2 / 252],
    [3, 4, 1 / 35],
  ])('%s vs %s people: %s', (pilot, control, floor) => {
    expect(smallestPermutationPValue(pilot, control)).toBeCloseTo(floor, 14);
  });

  it('is reached by readings that set one split apart', () => {
    expect(permutationTest([1, 2, 3, 4], [100, 200, 300, 400])!.pValue).toBeCloseTo(
      smallestPermutationPValue(4, 4)!,
      14,
    );
    expect(permutationTest([1000], [1, 2, 3])!.pValue).toBe(smallestPermutationPValue(1, 3));
  });

  it('is bounded by the Monte Carlo count past the exact limit, and null without people', () => {
    expect(smallestPermutationPValue(15, 15)).toBeCloseTo(1 / (MONTE_CARLO_RESAMPLES + 1), 14);
    expect(smallestPermutationPValue(0, 4)).toBeNull();
  });
});
