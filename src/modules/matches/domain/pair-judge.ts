import { Contender } from './contender';
import { withinWindows } from './window';

/** What one wave waited, by either player, is worth against the squared rating gap. */
export const WAIT_WEIGHT = 20;

export const squaredGap = (a: Contender, b: Contender): number => (a.rating - b.rating) ** 2;

/** gap² - 20 (c1 + c2): lower is better. */
export const pairScore = (a: Contender, b: Contender): number => squaredGap(a, b) - WAIT_WEIGHT * (a.waitCount + b.waitCount);

/** Judges whether two contenders may meet, and counts every pair the wave looks at. */
export class PairJudge {
  evaluations = 0;

  allowed(a: Contender, b: Contender): boolean {
    this.evaluations += 1;
    return withinWindows(a.rating - b.rating, a.window, b.window);
  }

  /** The squared gap of an allowed pair; Infinity when the windows forbid it. */
  allowedSquaredGap(a: Contender, b: Contender): number {
    return this.allowed(a, b) ? squaredGap(a, b) : Infinity;
  }

  /** For an index lookup that settles one pair's question without asking `allowed`. */
  countLookup(): void {
    this.evaluations += 1;
  }
}
