import { DynamicModule, Module } from '@nestjs/common';
import { ExpressSettings } from './common/http/express-settings';
import { ClockModule } from './common/clock/clock.module';
import { InteractionPipelineModule } from './common/interaction-pipeline.module';
import { MetricsModule } from './common/metrics/metrics.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DiscordModule } from './discord/discord.module';
import { InteractionDatabaseAttribution } from './interaction-database-attribution';
import { AdminModule } from './modules/admin/admin.module';
import { AuditModule } from './modules/audit/audit.module';
import { HelpModule } from './modules/help/help.module';
import { LeaderboardModule } from './modules/leaderboard/leaderboard.module';
import { LoggingModule } from './modules/logging/logging.module';
import { PlayersModule } from './modules/players/players.module';
import { QueueModule } from './modules/queue/queue.module';
import { MatchesModule } from './modules/matches/matches.module';
import { HealthModule } from './modules/health/health.module';
import { StaticDataModule } from './modules/static-data/static-data.module';

@Module({})
export class AppModule {
  /**
   * The configuration is passed in, validated once by the caller, so nothing reads the environment at
   * import time. Discord needs a token: real Discord's, or a local emulator's (see main.ts).
   */
  static register(config: AppConfig): DynamicModule {
    const { token } = config.discord;
    if (!token) throw new Error('AppModule needs a Discord token: a bot token, or a local emulator\'s');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        ClockModule,
        MetricsModule,
        DatabaseModule.forRoot(config.database),
        DiscordModule.forRoot({ ...config.discord, token }),
        InteractionPipelineModule,
        StaticDataModule,
        HealthModule,
        AdminModule,
        HelpModule,
        PlayersModule,
        QueueModule,
        LeaderboardModule,
        MatchesModule,
        AuditModule,
      ],
      providers: [InteractionDatabaseAttribution, ExpressSettings],
    };
  }
}
