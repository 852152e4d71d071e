/** Elo per race (LADDER.md, Rating): expected score on a `scale` of 500, step K of 40 by default. */
export interface RatingSettings {
  k: number;
  scale: number;
}

/** 1: player 1 won, 0: player 2 won, 0.5: a draw. */
export type Score = 1 | 0 | 0.5;

/** The nearest integer, halves to the even one: symmetric, so two opposite changes cancel exactly. */
export function roundHalfToEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function expectedScore(rating: number, opponent: number, scale: number): number {
  return 1 / (1 + 10 ** ((opponent - rating) / scale));
}

/**
 * The change to each rating for a result, `score` being player 1's. Player 2's change is exactly the
 * opposite of player 1's: R' = R + round(K (S - E)) for each, and the rounding is symmetric.
 */
export function ratingChanges(rating1: number, rating2: number, score: Score, settings: RatingSettings): { player1: number; player2: number } {
  const change = roundHalfToEven(settings.k * (score - expectedScore(rating1, rating2, settings.scale)));
  return { player1: change, player2: change === 0 ? 0 : -change };
}
