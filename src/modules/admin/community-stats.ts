import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommunityFigures } from '../../common/metrics/community-figures';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { MatchTally } from '../matches/match-tally';
import { PlayerDirectory } from '../players/player-directory';
import { QueueRoster } from '../queue/queue-roster';

/** The community's figures, gathered from what memory keeps: a scrape or a stats request never reaches the database. */
@Injectable()
export class CommunityStats implements OnModuleInit {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly roster: QueueRoster,
    private readonly matches: MatchTally,
    private readonly metrics: LadderMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.observeCommunity(() => this.figures());
  }

  figures(): CommunityFigures {
    const players = this.directory.counts();
    return {
      playersRegistered: players.registered,
      termsAccepted: players.termsAccepted,
      setupsCompleted: players.setupsCompleted,
      queuedNow: this.roster.population(),
      ...this.matches.figures(),
    };
  }
}
