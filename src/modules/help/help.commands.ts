import { Injectable } from '@nestjs/common';
import { MessageFlags } from 'discord.js';
import { Context, SlashCommand, SlashCommandContext } from 'necord';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { renderHelp } from './help.render';

@Injectable()
export class HelpCommands {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @ServedFromMemory()
  @SlashCommand({ name: 'help', description: 'What the ladder is and how to start' })
  async help(@Context() [interaction]: SlashCommandContext) {
    await interaction.reply({ embeds: [renderHelp(this.config.terms.url, this.config.admin.discordIds.includes(interaction.user.id))], flags: MessageFlags.Ephemeral });
  }
}
