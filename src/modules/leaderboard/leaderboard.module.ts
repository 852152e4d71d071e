import { Global, Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module';
import { RANK_LOOKUP } from '../players/rank-lookup';
import { StaticDataModule } from '../static-data/static-data.module';
import { LeaderboardCommands } from './leaderboard.commands';
import { LeaderboardComponents } from './leaderboard.components';
import { LeaderboardRepository } from './leaderboard.repository';
import { LeaderboardService } from './leaderboard.service';
import { RankedRatings } from './ranked-ratings';

/**
 * Global for one reason: the players module shows ranks on /profile through RANK_LOOKUP without
 * importing this module, which depends on it.
 */
@Global()
@Module({
  imports: [PlayersModule, StaticDataModule],
  providers: [LeaderboardRepository, RankedRatings, { provide: RANK_LOOKUP, useExisting: RankedRatings }, LeaderboardService, LeaderboardCommands, LeaderboardComponents],
  exports: [RANK_LOOKUP, RankedRatings],
})
export class LeaderboardModule {}
