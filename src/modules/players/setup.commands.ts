import { Injectable } from '@nestjs/common';
import { Context, SlashCommand, SlashCommandContext } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { renderSetupModal } from './setup.render';
import { SetupService } from './setup.service';

@Injectable()
export class SetupCommands {
  constructor(private readonly setup: SetupService) {}

  /** The modal must be the first response, so it is pre-filled from memory. */
  @RequirePlayer()
  @ServedFromMemory()
  @SlashCommand({ name: 'setup', description: 'Create or edit your ladder profile' })
  async open(@Context() [interaction]: SlashCommandContext) {
    await interaction.showModal(renderSetupModal(this.setup.draftFor(interaction.user.id)));
  }
}
