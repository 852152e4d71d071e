import { Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module';
import { QueueModule } from '../queue/queue.module';
import { StaticDataModule } from '../static-data/static-data.module';
import { MatchNotices } from './match-notices';
import { MatchesRepository } from './matches.repository';
import { WaveClock } from './wave-clock';
import { WaveService } from './wave.service';

@Module({
  imports: [PlayersModule, QueueModule, StaticDataModule],
  providers: [MatchesRepository, MatchNotices, WaveService, WaveClock],
  exports: [WaveService],
})
export class MatchesModule {}
