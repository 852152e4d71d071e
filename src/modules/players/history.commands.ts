import { Injectable } from '@nestjs/common';
import { User } from 'discord.js';
import { Context, Options, SlashCommand, SlashCommandContext, UserOption } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { renderHistory } from './history.render';
import { ProfileViews } from './profile-views';

export class HistoryOptions {
  @UserOption({ name: 'player', description: 'Whose matches (yours if empty)', required: false })
  player?: User;
}

@Injectable()
export class HistoryCommands {
  constructor(private readonly profiles: ProfileViews) {}

  @RequirePlayer()
  @SlashCommand({ name: 'history', description: 'Recent matches, newest first' })
  async show(@Context() [interaction]: SlashCommandContext, @Options() { player }: HistoryOptions) {
    const target = player ?? interaction.user;
    const history = await this.profiles.history(target.id, 1);
    if (!history) throw new InteractionRefusal('No profile', `${target.username} has no ladder profile yet.`);
    await interaction.editReply(renderHistory(history));
  }
}
