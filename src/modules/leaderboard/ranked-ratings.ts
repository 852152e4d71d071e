import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { PlayerRank, RankLookup } from '../players/rank-lookup';
import { RatingRow } from '../players/rating-row';
import { RankIndex, RatingEntry } from './domain/rank-index';
import { Letter, RANKED_DAYS } from './domain/ranks';
import { LeaderboardRepository } from './leaderboard.repository';

/**
 * The ranked pool in memory: the ratings played within the ranked window, loaded at boot with one
 * statement and kept in order by each write that moves a rating, so views and ranks cost no round trip.
 */
@Injectable()
export class RankedRatings implements RankLookup, OnModuleInit {
  private readonly logger = new Logger(RankedRatings.name);
  private readonly index = new RankIndex();

  constructor(
    private readonly repository: LeaderboardRepository,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const now = this.clock.now();
    const ratings = await this.repository.playedSince(new Date(now.getTime() - RANKED_DAYS * 86_400_000));
    this.index.load(ratings.map(entryOf), now);
    this.logger.log(`${this.index.ranked(now).length} ranked ratings loaded`);
  }

  /** A rating row as a write returned it. */
  written(rating: RatingRow): void {
    this.index.put(entryOf(rating), this.clock.now());
  }

  rankOf(playerId: number, race: string): PlayerRank | undefined {
    return this.index.rankOf(playerId, race, this.clock.now());
  }

  revision(): number {
    this.index.ranked(this.clock.now());
    return this.index.revision;
  }

  /** The ranked ratings now, best first, and how many get each letter. */
  pool(): { ratings: readonly RatingEntry[]; counts: Record<Letter, number> } {
    const now = this.clock.now();
    return { ratings: this.index.ranked(now), counts: this.index.letterCounts(now) };
  }
}

function entryOf(rating: RatingRow): RatingEntry {
  return {
    id: rating.id,
    playerId: rating.playerId,
    race: rating.race,
    rating: rating.mmr,
    gamesPlayed: rating.gamesPlayed,
    lastPlayedAt: rating.lastPlayedAt,
    wins: rating.gamesWon,
    losses: rating.gamesLost,
  };
}
