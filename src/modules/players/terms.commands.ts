import { Injectable } from '@nestjs/common';
import { MessageFlags } from 'discord.js';
import { Context, SlashCommand, SlashCommandContext } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { renderTerms } from './terms.render';
import { TermsService } from './terms.service';

@Injectable()
export class TermsCommands {
  constructor(private readonly terms: TermsService) {}

  @RequirePlayer({ terms: false })
  @ServedFromMemory()
  @SlashCommand({ name: 'termsofservice', description: 'Read and accept the ladder terms of service' })
  async show(@Context() [interaction]: SlashCommandContext) {
    await interaction.reply({ ...renderTerms(this.terms.viewFor(interaction.user.id)), flags: MessageFlags.Ephemeral });
  }
}
