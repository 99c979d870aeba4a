import { minimumDetectableEffect } from './power';

describe('minimum detectable effect', () => {
  it('is (t₀.₉₇₅ + t₀.₈) · sd · √(1/n₁ + 1/n₂) on the t table', () => {
    // 4 vs 4 people: 6 degrees of freedom, t table 2.447 and 0.906.
    expect(minimumDetectableEffect(4, 4, 2, 0.95)).toBeCloseTo((2.446912 + 0.905703) * 2 * Math.sqrt(0.5), 4);
  });

  it('tends to the normal-approximation formula for large groups', () => {
    // (1.959964 + 0.841621) · sd · √(2/n)
    expect(minimumDetectableEffect(20_000, 20_000, 1, 0.95)).toBeCloseTo(2.801585 * Math.sqrt(2 / 20_000), 5);
  });

  it('grows with the confidence asked for and shrinks with people', () => {
    expect(minimumDetectableEffect(4, 4, 1, 0.99)!).toBeGreaterThan(minimumDetectableEffect(4, 4, 1, 0.95)!);
    expect(minimumDetectableEffect(8, 8, 1, 0.95)!).toBeLessThan(minimumDetectableEffect(4, 4, 1, 0.95)!);
  });

  it('is null without enough people or a spread', () => {
    expect(minimumDetectableEffect(1, 1, 1, 0.95)).toBeNull();
    expect(minimumDetectableEffect(3, 0, 1, 0.95)).toBeNull();
    expect(minimumDetectableEffect(3, 3, Number.NaN, 0.95)).toBeNull();
  });
});
