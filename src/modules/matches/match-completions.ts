import { Injectable } from '@nestjs/common';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { ActionLogEntry } from '../logging/significant-actions';
import { RankedRatings } from '../leaderboard/ranked-ratings';
import { PlayerDirectory } from '../players/player-directory';
import { ProfileViews } from '../players/profile-views';
import { ratingChanges } from './domain/rating';
import { MatchResult, scoreOf } from './domain/reports';
import { PlayedMatch } from '../players/player-record';
import { FINISHED, MatchRecord } from './match-record';
import { MatchNotices } from './match-notices';
import { Completion, MatchWrite } from './matches.repository';
import { OpenMatches } from './open-matches';

/**
 * What ending a match takes, from a report or from the deadline: the ratings computed from those at
 * the match's creation, their log rows, and memory and messages brought in line once it is written.
 */
@Injectable()
export class MatchCompletions {
  constructor(
    private readonly open: OpenMatches,
    private readonly directory: PlayerDirectory,
    private readonly profiles: ProfileViews,
    private readonly ranks: RankedRatings,
    private readonly notices: MatchNotices,
    private readonly metrics: LadderMetrics,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  completion(match: MatchRecord, result: MatchResult): Completion {
    const score = scoreOf(result);
    const changes = ratingChanges(match.player1Rating, match.player2Rating, score, this.config.ladder.rating);
    return {
      kind: 'complete',
      result,
      player1: { playerId: match.player1Id, race: match.player1Race, ratingAtCreation: match.player1Rating, change: changes.player1, score },
      player2: { playerId: match.player2Id, race: match.player2Race, ratingAtCreation: match.player2Rating, change: changes.player2, score: (1 - score) as 1 | 0 | 0.5 },
      reportRevs: match.player1ReportRev + match.player2ReportRev,
    };
  }

  /** One `rating_changed` row per rating, by the system, keyed by the match: a result applies once. */
  ratingLogs(matchId: number, completion: Completion, at: Date): ActionLogEntry[] {
    return [completion.player1, completion.player2].flatMap((side) => {
      const player = this.directory.byId(side.playerId);
      if (!player) return [];
      return [
        {
          idempotencyKey: `complete:${matchId}:${player.discordId}`,
          discordId: player.discordId,
          action: 'rating_changed' as const,
          settingName: side.race,
          oldValue: String(side.ratingAtCreation),
          newValue: String(side.ratingAtCreation + side.change),
          changedBy: 'system',
          at,
        },
      ];
    });
  }

  /**
   * Memory follows any write on a match: the match, the players it freed, the ratings it moved (with
   * the ranked pool and the profiles). A
   * write that lost to one that ended the match elsewhere (a deadline, another process) reads both
   * players again, since they were freed there. A match that ended here after both confirmed tells
   * both players and the admin channel.
   */
  async written(write: MatchWrite): Promise<void> {
    if (write.match) this.open.put(write.match);
    write.players.forEach((player) => this.directory.confirm(player));
    const match = write.match;
    if (write.status !== 'applied' && match && FINISHED.includes(match.status)) {
      for (const playerId of [match.player1Id, match.player2Id]) {
        const player = this.directory.byId(playerId);
        if (player) this.directory.reread(player.discordId);
      }
    }
    for (const rating of write.ratings ?? []) {
      this.ranks.written(rating);
      const player = this.directory.byId(rating.playerId);
      if (player && match) await this.profiles.resultRecorded(player.discordId, rating, playedBy(match, match.player1Id === rating.playerId ? 1 : 2));
    }
    if (write.status !== 'applied' || !match) return;
    if (match.status === 'completed' || match.status === 'conflict' || match.status === 'cancelled') {
      this.metrics.recordMatchOutcome(match.status);
      await this.notices.finished(match);
    }
  }
}

/** A completed match as one of its players' history holds it. */
function playedBy(match: MatchRecord, side: 1 | 2): PlayedMatch {
  const won = match.result === (side === 1 ? 'player_1' : 'player_2');
  return {
    matchId: match.id,
    completedAt: match.completedAt ?? match.updatedAt,
    race: side === 1 ? match.player1Race : match.player2Race,
    rating: side === 1 ? match.player1Rating : match.player2Rating,
    opponentId: side === 1 ? match.player2Id : match.player1Id,
    opponentRace: side === 1 ? match.player2Race : match.player1Race,
    mapCode: match.mapCode,
    outcome: match.result === 'draw' ? 'draw' : won ? 'won' : 'lost',
    change: side === 1 ? match.player1RatingChange : match.player2RatingChange,
  };
}
