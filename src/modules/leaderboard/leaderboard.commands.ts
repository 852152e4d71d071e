import { Injectable } from '@nestjs/common';
import { MessageFlags } from 'discord.js';
import { Context, SlashCommand, SlashCommandContext } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { renderLeaderboard } from './leaderboard.render';
import { LeaderboardService } from './leaderboard.service';

@Injectable()
export class LeaderboardCommands {
  constructor(private readonly leaderboard: LeaderboardService) {}

  /** Answered at once from memory, for the asker alone: each person pages and filters their own view. */
  @RequirePlayer()
  @ServedFromMemory()
  @SlashCommand({ name: 'leaderboard', description: 'The ranked ladder across all races: filter by race, rank and country' })
  async show(@Context() [interaction]: SlashCommandContext) {
    await interaction.reply({ ...renderLeaderboard(this.leaderboard.open()), flags: MessageFlags.Ephemeral });
  }
}
