import { roundFigure, roundPValue } from './precision';

describe('the precision of derived figures', () => {
  it('rounds to 4 decimals, so float noise never reaches a reader', () => {
    expect(roundFigure(0.1 + 0.2)).toBe(0.3);
    expect(roundFigure(1.1 - 1)).toBe(0.1);
    expect(roundFigure(2 / 3)).toBe(0.6667);
    expect(roundFigure(14.000000925925926)).toBe(14);
    expect(roundFigure(-1.5799999999999996)).toBe(-1.58);
  });

  it('never answers -0', () => {
    expect(Object.is(roundFigure(-0.00004), 0)).toBe(true);
  });

  it('leaves null and non-finite values alone', () => {
    expect(roundFigure(null)).toBeNull();
    expect(roundFigure(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps 4 significant digits of a p-value, however small', () => {
    expect(roundPValue(0.0793941401873586)).toBe(0.07939);
    expect(roundPValue(0.000012345678)).toBe(0.00001235);
    expect(roundPValue(1)).toBe(1);
    expect(roundPValue(0)).toBe(0);
    expect(roundPValue(null)).toBeNull();
  });
});
