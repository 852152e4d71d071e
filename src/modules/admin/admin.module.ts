import { Module } from '@nestjs/common';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { MatchesModule } from '../matches/matches.module';
import { PlayersModule } from '../players/players.module';
import { StaticDataModule } from '../static-data/static-data.module';
import { AdminController } from './admin.controller';
import { AdminRecords } from './admin-records';
import { AdminRecordsController } from './admin-records.controller';
import { CommunityStats } from './community-stats';
import { AdminCommands } from './admin.commands';
import { AdminComponents } from './admin.components';
import { AdminLookups } from './admin-lookups.service';
import { AdminMatches } from './admin-matches';
import { AdminNotices } from './admin-notices';
import { AdminRepository } from './admin.repository';
import { AdminResolutions } from './admin-resolutions.service';
import { AdminPlayerActions } from './admin-player-actions.service';
import { AdminPlayersRepository } from './admin-players.repository';

@Module({
  imports: [StaticDataModule, PlayersModule, MatchesModule, LeaderboardModule],
  controllers: [AdminController, AdminRecordsController],
  providers: [CommunityStats, AdminRecords, AdminNotices, AdminRepository, AdminPlayersRepository, AdminMatches, AdminLookups, AdminResolutions, AdminPlayerActions, AdminCommands, AdminComponents],
})
export class AdminModule {}
