import { Global, Module } from '@nestjs/common';
import { QUEUE_DEPARTURE } from '../players/queue-departure';
import { PlayersModule } from '../players/players.module';
import { StaticDataModule } from '../static-data/static-data.module';
import { QueueCommands } from './queue.commands';
import { QueueComponents } from './queue.components';
import { QueuePreferences } from './queue-preferences';
import { QueueRepository } from './queue.repository';
import { QueueRoster } from './queue-roster';
import { QueueService } from './queue.service';
import { SearchingMessages } from './searching-messages';

/**
 * Global for one reason: the players module takes a player out of the queue (terms declined) through
 * QUEUE_DEPARTURE without importing this module, which depends on it.
 */
@Global()
@Module({
  imports: [PlayersModule, StaticDataModule],
  providers: [
    QueueRepository,
    QueueRoster,
    QueuePreferences,
    SearchingMessages,
    QueueService,
    { provide: QUEUE_DEPARTURE, useExisting: QueueService },
    QueueCommands,
    QueueComponents,
  ],
  exports: [QUEUE_DEPARTURE, QueueRoster, SearchingMessages],
})
export class QueueModule {}
