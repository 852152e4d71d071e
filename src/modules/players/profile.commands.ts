import { Injectable } from '@nestjs/common';
import { User } from 'discord.js';
import { Context, Options, SlashCommand, SlashCommandContext, UserOption } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { ProfileViews } from './profile-views';

export class ProfileOptions {
  @UserOption({ name: 'player', description: 'Whose profile (yours if empty)', required: false })
  player?: User;
}

@Injectable()
export class ProfileCommands {
  constructor(private readonly profiles: ProfileViews) {}

  @RequirePlayer()
  @SlashCommand({ name: 'profile', description: 'Show a ladder profile' })
  async show(@Context() [interaction]: SlashCommandContext, @Options() { player }: ProfileOptions) {
    const target = player ?? interaction.user;
    const view = await this.profiles.view(target.id);
    if (!view) throw new InteractionRefusal('No profile', `${target.username} has no ladder profile yet.`);
    await interaction.editReply({ embeds: [view] });
  }
}
