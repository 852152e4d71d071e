import { ratingWindow, withinWindows } from './window';
import { DEFAULT_WINDOW } from './spec-support';

describe('the rating window', () => {
  it.each([
    [0, 100],
    [1, 150],
    [3, 250],
    [4, 300],
  ])('is W(%d) = %d with the defaults', (waitCount, window) => {
    expect(ratingWindow(waitCount, DEFAULT_WINDOW)).toBe(window);
  });

  it('follows the configured base and step', () => {
    expect(ratingWindow(2, { windowBase: 60, windowStep: 25 })).toBe(110);
  });

  it('allows a gap up to the larger of two windows, in either direction', () => {
    expect(withinWindows(250, 150, 250)).toBe(true);
    expect(withinWindows(-250, 250, 150)).toBe(true);
    expect(withinWindows(251, 150, 250)).toBe(false);
  });
});
