import { Injectable } from '@nestjs/common';
import { User } from 'discord.js';
import { Context, createCommandGroupDecorator, IntegerOption, Options, SlashCommandContext, StringOption, Subcommand, UserOption } from 'necord';
import { AdminOnly } from '../../common/decorators/admin-only.decorator';
import { REASON_LENGTH } from './domain/reason';
import { adminSubcommand } from './admin-subcommands';
import { Verdict } from './domain/resolution';
import { renderAdminPreview, renderMatchLookup, renderPlayerLookup, renderResolutionPreview } from './admin.render';
import { AdminPlayerActions, PlayerActionKind } from './admin-player-actions.service';
import { RATING_RANGE } from './domain/rating-range';
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

export class PlayerActionOptions {
  @UserOption({ name: 'user', description: 'The player', required: true })
  user!: User;

  @StringOption({ name: 'reason', description: 'Why: kept in the audit trail and sent to the player', required: true, min_length: REASON_LENGTH.min, max_length: REASON_LENGTH.max })
  reason!: string;
}

const RACES = [
  { name: 'BW Terran', value: 'bw_terran' },
  { name: 'BW Zerg', value: 'bw_zerg' },
  { name: 'BW Protoss', value: 'bw_protoss' },
  { name: 'SC2 Terran', value: 'sc2_terran' },
  { name: 'SC2 Zerg', value: 'sc2_zerg' },
  { name: 'SC2 Protoss', value: 'sc2_protoss' },
];

export class RatingOptions {
  @UserOption({ name: 'user', description: 'The player', required: true })
  user!: User;

  @StringOption({ name: 'race', description: 'Which of the player\'s ratings', required: true, choices: RACES })
  race!: string;

  @IntegerOption({ name: 'value', description: 'The new rating', required: true, min_value: RATING_RANGE.min, max_value: RATING_RANGE.max })
  value!: number;

  @StringOption({ name: 'reason', description: 'Why: kept in the audit trail and sent to the player', required: true, min_length: REASON_LENGTH.min, max_length: REASON_LENGTH.max })
  reason!: string;
}

export class ReasonOptions {
  @StringOption({ name: 'reason', description: 'Why: kept in the audit trail and sent to every queued player', required: true, min_length: REASON_LENGTH.min, max_length: REASON_LENGTH.max })
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
    private readonly actions: AdminPlayerActions,
  ) {}

  @Subcommand(adminSubcommand('player'))
  async player(@Context() [interaction]: SlashCommandContext, @Options() { user, name }: PlayerLookupOptions) {
    await interaction.editReply(renderPlayerLookup(await this.lookups.player({ discordId: user?.id, name })));
  }

  @Subcommand(adminSubcommand('match'))
  async match(@Context() [interaction]: SlashCommandContext, @Options() { id }: MatchLookupOptions) {
    await interaction.editReply(renderMatchLookup(await this.lookups.match(id)));
  }

  @Subcommand(adminSubcommand('resolve'))
  async resolve(@Context() [interaction]: SlashCommandContext, @Options() options: ResolveOptions) {
    await interaction.editReply(renderResolutionPreview(await this.resolutions.preview(options.match, options.result, options.reason)));
  }

  @Subcommand(adminSubcommand('rating'))
  async rating(@Context() [interaction]: SlashCommandContext, @Options() { user, race, value, reason }: RatingOptions) {
    await interaction.editReply(renderAdminPreview(await this.actions.preview('rating', user.id, reason, { race, value })));
  }

  @Subcommand(adminSubcommand('reset-aborts'))
  async resetAborts(@Context() [interaction]: SlashCommandContext, @Options() options: PlayerActionOptions) {
    await this.playerAction(interaction, 'aborts', options);
  }

  @Subcommand(adminSubcommand('unqueue'))
  async unqueue(@Context() [interaction]: SlashCommandContext, @Options() options: PlayerActionOptions) {
    await this.playerAction(interaction, 'unqueue', options);
  }

  @Subcommand(adminSubcommand('clear-queue'))
  async clearQueue(@Context() [interaction]: SlashCommandContext, @Options() { reason }: ReasonOptions) {
    await interaction.editReply(renderAdminPreview(await this.actions.previewClearQueue(reason)));
  }

  @Subcommand(adminSubcommand('free'))
  async free(@Context() [interaction]: SlashCommandContext, @Options() options: PlayerActionOptions) {
    await this.playerAction(interaction, 'free', options);
  }

  @Subcommand(adminSubcommand('ban'))
  async ban(@Context() [interaction]: SlashCommandContext, @Options() options: PlayerActionOptions) {
    await this.playerAction(interaction, 'ban', options);
  }

  @Subcommand(adminSubcommand('unban'))
  async unban(@Context() [interaction]: SlashCommandContext, @Options() options: PlayerActionOptions) {
    await this.playerAction(interaction, 'unban', options);
  }

  private async playerAction(interaction: SlashCommandContext[0], kind: PlayerActionKind, { user, reason }: PlayerActionOptions): Promise<void> {
    await interaction.editReply(renderAdminPreview(await this.actions.preview(kind, user.id, reason)));
  }
}
