import { Module } from '@nestjs/common';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { MatchesModule } from '../matches/matches.module';
import { PlayersModule } from '../players/players.module';
import { QueueModule } from '../queue/queue.module';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { LadderAudit } from './ladder-audit.service';

@Module({
  imports: [PlayersModule, QueueModule, MatchesModule, LeaderboardModule],
  controllers: [AuditController],
  providers: [AuditRepository, LadderAudit],
  exports: [LadderAudit],
})
export class AuditModule {}
