import { Module } from '@nestjs/common';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { PlayersModule } from '../players/players.module';
import { QueueModule } from '../queue/queue.module';
import { StaticDataModule } from '../static-data/static-data.module';
import { MatchComponents } from './match.components';
import { MatchCompletions } from './match-completions';
import { MatchReports } from './match-reports.service';
import { MatchConfirmations } from './match-confirmations.service';
import { MatchDeadlines } from './match-deadlines';
import { MatchParticipantGuard } from './match-participant.guard';
import { MatchNotices } from './match-notices';
import { MatchViews } from './match-views';
import { OpenMatches } from './open-matches';
import { MatchesRepository } from './matches.repository';
import { MatchTally } from './match-tally';
import { WaveClock } from './wave-clock';
import { WaveService } from './wave.service';

@Module({
  imports: [PlayersModule, QueueModule, LeaderboardModule, StaticDataModule],
  providers: [MatchesRepository, OpenMatches, MatchViews, MatchNotices, MatchConfirmations, MatchCompletions, MatchReports, MatchDeadlines, MatchTally, WaveService, WaveClock, MatchParticipantGuard, MatchComponents],
  exports: [WaveService, MatchDeadlines, OpenMatches, MatchNotices, MatchTally],
})
export class MatchesModule {}
