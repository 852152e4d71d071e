import { Injectable, Logger } from '@nestjs/common';
import { EmbedBuilder } from 'discord.js';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { Notifier } from '../../discord/notifier';
import { PlayerRecord } from '../players/player-record';
import { SearchingMessages } from '../queue/searching-messages';
import { renderClosedDms, renderMatchFoundPointer } from './match-notices.render';
import { confirmedAt, MatchRecord, Side } from './match-record';
import { renderMatch } from './match.render';
import { MatchesRepository } from './matches.repository';
import { MatchViews } from './match-views';
import { OpenMatches } from './open-matches';

const unix = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The messages a match sends outside an interaction: the match DM to each player (a mention in the
 * ladder channel when it cannot be delivered), its edits as the match moves on, and the reminders.
 */
@Injectable()
export class MatchNotices {
  private readonly logger = new Logger(MatchNotices.name);

  constructor(
    private readonly notifier: Notifier,
    private readonly searching: SearchingMessages,
    private readonly views: MatchViews,
    private readonly open: OpenMatches,
    private readonly repository: MatchesRepository,
    private readonly metrics: LadderMetrics,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async matchFound(match: MatchRecord): Promise<void> {
    const [player1, player2] = await Promise.all(([1, 2] as const).map((side) => this.sendFound(match, side)));
    try {
      await this.repository.saveDms(match.id, { player1: player1 ?? null, player2: player2 ?? null });
      const current = this.open.get(match.id) ?? match;
      this.open.put({ ...current, player1DmMessageId: player1 ?? null, player2DmMessageId: player2 ?? null });
    } catch (error) {
      this.logger.warn(`Could not save the DMs of match ${match.id}: later edits will not reach them (${String(error)})`);
    }
  }

  /** Brings the DMs of `sides` up to date with the match. */
  async refresh(match: MatchRecord, sides: readonly Side[]): Promise<void> {
    await Promise.all(
      sides.map(async (side) => {
        const messageId = side === 1 ? match.player1DmMessageId : match.player2DmMessageId;
        const player = this.views.player(match, side);
        if (messageId && player) await this.notifier.editDm(player.discordId, messageId, renderMatch(this.views.viewFor(match, side)));
      }),
    );
  }

  /** A new DM to whoever has not confirmed yet: the first one stays where it is, with its buttons. */
  async remind(match: MatchRecord): Promise<void> {
    await Promise.all(
      ([1, 2] as const)
        .filter((side) => confirmedAt(match, side) === null)
        .map(async (side) => {
          const player = this.views.player(match, side);
          if (!player) return;
          const embed = new EmbedBuilder()
            .setTitle(`Match #${match.id}: please confirm`)
            .setDescription(`Your opponent is waiting. Confirm in the match message above before <t:${unix(match.confirmDeadline)}:R>, or the match is abandoned.`);
          await this.deliver(player, { embeds: [embed] }, 'confirm_reminder');
        }),
    );
  }

  private async sendFound(match: MatchRecord, side: Side): Promise<string | undefined> {
    const player = this.views.player(match, side);
    if (!player) return undefined;
    const pointer = this.searching.take(player.discordId)?.(renderMatchFoundPointer(match.id)).catch(() => undefined);
    const messageId = await this.deliver(player, renderMatch(this.views.viewFor(match, side)), 'match_found');
    await pointer;
    return messageId;
  }

  private async deliver(player: PlayerRecord, message: Parameters<Notifier['dm']>[1], kind: string): Promise<string | undefined> {
    const messageId = await this.notifier.dm(player.discordId, message);
    if (messageId) return messageId;
    this.metrics.recordDmFailure(kind);
    const channel = this.config.channels.ladder;
    if (channel) await this.notifier.post(channel, renderClosedDms(player.discordId));
    return undefined;
  }
}
