import { Injectable } from '@nestjs/common';
import { User } from 'discord.js';
import { Context, createCommandGroupDecorator, IntegerOption, Options, SlashCommandContext, StringOption, Subcommand, UserOption } from 'necord';
import { AdminOnly } from '../../common/decorators/admin-only.decorator';
import { REASON_LENGTH } from './domain/reason';
import { Verdict } from './domain/resolution';
import { renderMatchLookup, renderPlayerLookup, renderResolutionPreview } from './admin.render';
import { AdminLookups } from './admin-lookups.service';
import { AdminResolutions } from './admin-resolutions.service';

export const AdminCommand = createCommandGroupDecorator({ name: 'admin', description: 'Ladder admin tools (ladder admins only)' });

export class PlayerLookupOptions {
  @UserOption({ name: 'user', description: 'The player, by mention', required: false })
  user?: User;

  @StringOption({ name: 'name', description: 'The player, by ladder name or Discord username', required: false, max_length: 32 })
  name?: string;
}

export class MatchLookupOptions {
  @IntegerOption({ name: 'id', description: 'The match id (#n in its messages)', required: true, min_value: 1 })
  id!: number;
}

export class ResolveOptions {
  @IntegerOption({ name: 'match', description: 'The match id (#n in its messages)', required: true, min_value: 1 })
  match!: number;

  @StringOption({
    name: 'result',
    description: 'The verdict: player 1 is the Brood War side, player 2 the StarCraft II side',
    required: true,
    choices: [
      { name: 'Player 1 (Brood War) wins', value: 'player_1' },
      { name: 'Player 2 (StarCraft II) wins', value: 'player_2' },
      { name: 'Draw', value: 'draw' },
      { name: 'Cancel: no game for anyone', value: 'cancel' },
    ],
  })
  result!: Verdict;

  @StringOption({ name: 'reason', description: 'Why: kept in the audit trail and sent to both players', required: true, min_length: REASON_LENGTH.min, max_length: REASON_LENGTH.max })
  reason!: string;
}

/** Thin handlers: the guard refuses anyone not in ADMIN_DISCORD_IDS before anything runs. */
@Injectable()
@AdminCommand()
@AdminOnly()
export class AdminCommands {
  constructor(
    private readonly lookups: AdminLookups,
    private readonly resolutions: AdminResolutions,
  ) {}

  @Subcommand({ name: 'player', description: 'Look up a player: profile, state, aborts and recent matches' })
  async player(@Context() [interaction]: SlashCommandContext, @Options() { user, name }: PlayerLookupOptions) {
    await interaction.editReply(renderPlayerLookup(await this.lookups.player({ discordId: user?.id, name })));
  }

  @Subcommand({ name: 'match', description: 'Look up a match: players, ratings at creation, state, reports, changes, deadlines' })
  async match(@Context() [interaction]: SlashCommandContext, @Options() { id }: MatchLookupOptions) {
    await interaction.editReply(renderMatchLookup(await this.lookups.match(id)));
  }

  @Subcommand({ name: 'resolve', description: 'Decide a match awaiting reports, in conflict, completed or cancelled (a preview first)' })
  async resolve(@Context() [interaction]: SlashCommandContext, @Options() options: ResolveOptions) {
    await interaction.editReply(renderResolutionPreview(await this.resolutions.preview(options.match, options.result, options.reason)));
  }
}
