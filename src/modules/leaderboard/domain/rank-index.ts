import { compareRanked, isRanked, Letter, letterCounts, LETTERS, RANKED_DAYS, RankCandidate } from './ranks';

/** One (player, race) rating as the leaderboard lists it. */
export interface RatingEntry extends RankCandidate {
  playerId: number;
  race: string;
  wins: number;
  losses: number;
}

export interface RankOf {
  position: number;
  letter: Letter;
  /** How many ratings are ranked. */
  of: number;
}

const RANKED_MS = RANKED_DAYS * 86_400_000;

/**
 * The ranked pool kept in order as ratings change, so that neither a result nor a view sorts it
 * again: a changed rating moves by binary search, and ratings leave the pool at the moment they
 * stop being ranked (checked on every read, swept only when the earliest one is due).
 */
export class RankIndex<T extends RatingEntry = RatingEntry> {
  private entries: T[] = [];
  private readonly byKey = new Map<string, T>();
  /** No entry leaves the pool before this moment (ms); it may be early, never late. */
  private nextExpiry = Infinity;
  private counts: Record<Letter, number> = letterCounts(0);
  /** Bumped by every change to the pool: whatever shows a rank was drawn at one revision. */
  revision = 0;

  /** Replaces the whole pool (at boot, or a reload). */
  load(ratings: readonly T[], now: Date): void {
    this.entries = ratings.filter((rating) => isRanked(rating, now)).sort(compareRanked);
    this.byKey.clear();
    this.entries.forEach((entry) => this.byKey.set(keyOf(entry), entry));
    this.nextExpiry = earliestExpiry(this.entries);
    this.changed();
  }

  /** A rating as written: it takes its place, replacing the same player's rating for that race. */
  put(rating: T, now: Date): void {
    const known = this.byKey.get(keyOf(rating));
    if (known) {
      this.entries.splice(this.indexOf(known), 1);
      this.byKey.delete(keyOf(known));
    }
    if (isRanked(rating, now)) {
      this.entries.splice(this.insertionPoint(rating), 0, rating);
      this.byKey.set(keyOf(rating), rating);
      this.nextExpiry = Math.min(this.nextExpiry, expiryOf(rating));
    }
    this.changed();
  }

  /** The ranked ratings at `now`, best first. */
  ranked(now: Date): readonly T[] {
    this.expire(now);
    return this.entries;
  }

  /** How many ratings get each letter at `now`. */
  letterCounts(now: Date): Record<Letter, number> {
    this.expire(now);
    return this.counts;
  }

  rankOf(playerId: number, race: string, now: Date): RankOf | undefined {
    this.expire(now);
    const entry = this.byKey.get(`${playerId}:${race}`);
    if (!entry) return undefined;
    const index = this.indexOf(entry);
    return { position: index + 1, letter: letterAt(index, this.counts), of: this.entries.length };
  }

  private expire(now: Date): void {
    if (now.getTime() <= this.nextExpiry) return;
    const expired = this.entries.filter((entry) => !isRanked(entry, now));
    expired.forEach((entry) => this.byKey.delete(keyOf(entry)));
    if (expired.length > 0) this.entries = this.entries.filter((entry) => this.byKey.get(keyOf(entry)) === entry);
    this.nextExpiry = earliestExpiry(this.entries);
    if (expired.length > 0) this.changed();
  }

  private changed(): void {
    this.revision += 1;
    this.counts = letterCounts(this.entries.length);
  }

  /** The first position whose entry ranks after `rating`. */
  private insertionPoint(rating: RankCandidate): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareRanked(this.entries[middle], rating) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private indexOf(entry: T): number {
    return this.insertionPoint(entry) - 1;
  }
}

/** The letter of the entry at `index` (0 is the best) in a pool with these counts. */
export function letterAt(index: number, counts: Record<Letter, number>): Letter {
  let end = 0;
  for (const letter of LETTERS) {
    end += counts[letter];
    if (index < end) return letter;
  }
  throw new RangeError(`No letter for position ${index + 1} of ${end}`);
}

function keyOf(entry: RatingEntry): string {
  return `${entry.playerId}:${entry.race}`;
}

function expiryOf(entry: RankCandidate): number {
  return (entry.lastPlayedAt?.getTime() ?? -Infinity) + RANKED_MS;
}

function earliestExpiry(entries: readonly RankCandidate[]): number {
  let earliest = Infinity;
  for (const entry of entries) earliest = Math.min(earliest, expiryOf(entry));
  return earliest;
}
