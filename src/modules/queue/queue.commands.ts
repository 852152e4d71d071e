import { Injectable } from '@nestjs/common';
import { Context, SlashCommand, SlashCommandContext } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { renderQueue } from './queue.render';
import { QueueService } from './queue.service';

@Injectable()
export class QueueCommands {
  constructor(private readonly queue: QueueService) {}

  /** Served from memory: the preferences loaded with the players at boot. */
  @RequirePlayer({ setup: true })
  @SlashCommand({ name: 'queue', description: 'Queue for a 1v1 match: choose your races and map vetoes' })
  async open(@Context() [interaction]: SlashCommandContext) {
    await interaction.editReply(renderQueue(this.queue.open(interaction.user.id)));
  }
}
