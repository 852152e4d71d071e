/** Letter ranks, best first (LADDER.md, Leaderboard and ranks). */
export const LETTERS = ['S', 'A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Letter = (typeof LETTERS)[number];

/** Each letter's share of the ranked pool, in per cent (they sum to 100). */
const SHARE_PERCENT: Record<Letter, number> = { S: 1, A: 7, B: 21, C: 21, D: 21, E: 21, F: 8 };
/** Where the places the floors leave go, one each, in this order. */
const FIRST_REMAINDER: readonly Letter[] = ['D', 'C', 'E', 'B'];

/** A rating ranked within this many days of its last game. */
export const RANKED_DAYS = 14;

export interface RankCandidate {
  /** The rating row's id: of two otherwise equal ratings, the newer one ranks first. */
  id: number;
  rating: number;
  gamesPlayed: number;
  lastPlayedAt: Date | null;
}

export type Ranked<T> = T & { position: number; letter: Letter };

/**
 * How many ranked ratings get each letter: the floor of each share, then the places left one each to
 * D, C, E, B, then to A, F, S when F already outnumbers S and A together, else to F, A, S.
 */
export function letterCounts(ranked: number): Record<Letter, number> {
  const counts = Object.fromEntries(LETTERS.map((letter) => [letter, Math.floor((ranked * SHARE_PERCENT[letter]) / 100)])) as Record<Letter, number>;
  let left = ranked - LETTERS.reduce((sum, letter) => sum + counts[letter], 0);
  for (const letter of FIRST_REMAINDER) {
    if (left === 0) break;
    counts[letter] += 1;
    left -= 1;
  }
  const last: Letter[] = counts.F > counts.S + counts.A ? ['A', 'F', 'S'] : ['F', 'A', 'S'];
  for (let index = 0; left > 0; index += 1, left -= 1) counts[last[index % last.length]] += 1;
  return counts;
}

/** Ranked: has games and was played within the last RANKED_DAYS days of `now`. */
export function isRanked(candidate: RankCandidate, now: Date): boolean {
  if (candidate.gamesPlayed <= 0 || candidate.lastPlayedAt === null) return false;
  return now.getTime() - candidate.lastPlayedAt.getTime() <= RANKED_DAYS * 86_400_000;
}

/** Best first: rating, then the most recent game, then the newest rating row. */
export function compareRanked(a: RankCandidate, b: RankCandidate): number {
  return b.rating - a.rating || (b.lastPlayedAt?.getTime() ?? 0) - (a.lastPlayedAt?.getTime() ?? 0) || b.id - a.id;
}

/** One pool across every race: the ranked ratings in order, each with its global position and letter. */
export function rankPool<T extends RankCandidate>(ratings: readonly T[], now: Date): Ranked<T>[] {
  const pool = ratings.filter((rating) => isRanked(rating, now)).sort(compareRanked);
  const counts = letterCounts(pool.length);
  const letters = LETTERS.flatMap((letter) => Array.from({ length: counts[letter] }, () => letter));
  return pool.map((rating, index) => ({ ...rating, position: index + 1, letter: letters[index] }));
}
