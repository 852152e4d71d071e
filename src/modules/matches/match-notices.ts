import { Injectable, Logger } from '@nestjs/common';
import { EmbedBuilder, Events } from 'discord.js';
import { Once } from 'necord';
import { Clock } from '../../common/clock/clock';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { Notifier } from '../../discord/notifier';
import { PlayerRecord } from '../players/player-record';
import { SearchingMessages } from '../queue/searching-messages';
import { renderAdminNotice, renderClosedDms, renderMatchFoundPointer } from './match-notices.render';
import { confirmedAt, MatchRecord, Side } from './match-record';
import { renderMatch } from './match.render';
import { MatchesRepository } from './matches.repository';
import { MatchView } from './match-view';
import { MatchViews } from './match-views';
import { OpenMatches } from './open-matches';

const unix = (date: Date) => Math.floor(date.getTime() / 1000);
/** How far back a restart draws ended matches' DMs again: a restart follows a crash within minutes. */
const REDRAWN_ENDED_MS = 60 * 60_000;

/**
 * The messages a match sends outside an interaction: the match DM to each player (a mention in the
 * ladder channel when it cannot be delivered), its edits as the match moves on, and the reminders.
 */
@Injectable()
export class MatchNotices {
  private readonly logger = new Logger(MatchNotices.name);
  private readonly turns = new Map<number, Promise<void>>();
  /** DMs a click drew while the restart's redraw was still going: the redraw leaves them as the click drew them. */
  private clickedDuringRestore: Set<string> | null = new Set();

  constructor(
    private readonly notifier: Notifier,
    private readonly searching: SearchingMessages,
    private readonly views: MatchViews,
    private readonly open: OpenMatches,
    private readonly repository: MatchesRepository,
    private readonly metrics: LadderMetrics,
    private readonly clock: Clock,
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

  /**
   * After a restart, every open match's DMs as they should be: the ones a crash kept from going out
   * (the match written, its DMs not yet sent or their ids not yet saved) are sent now, and the others
   * drawn again, so that no card stays on a "Processing…" its click never finished; so are those of
   * matches that ended within the last hour, whose last edit a crash may have cut short. A player
   * whose DMs are closed is told in the ladder channel again, as at creation.
   */
  @Once(Events.ClientReady)
  async restoreAfterRestart(): Promise<void> {
    const ended = await this.repository.endedSince(new Date(this.clock.now().getTime() - REDRAWN_ENDED_MS)).catch(() => []);
    for (const match of ended) {
      this.open.put(match);
      await this.redraw(match, [1, 2]).catch(() => undefined);
    }
    const open = this.open.all();
    for (const match of open) {
      const owed = ([1, 2] as const).filter((side) => (side === 1 ? match.player1DmMessageId : match.player2DmMessageId) === null);
      const sent = ([1, 2] as const).filter((side) => !owed.includes(side));
      if (sent.length > 0) await this.redraw(match, sent).catch(() => undefined);
      if (match.status === 'awaiting_confirmation' && owed.length > 0) await this.sendOwed(match, owed);
    }
    this.clickedDuringRestore = null;
    this.logger.log(`Match DMs drawn again after the restart: ${open.length} open matches, ${ended.length} ended within the last hour`);
  }

  private async sendOwed(match: MatchRecord, owed: readonly Side[]): Promise<void> {
    this.logger.log(`Match ${match.id}: sending the match DM${owed.length === 2 ? 's' : ''} a restart left unsent`);
    const delivered = new Map(await Promise.all(owed.map(async (side) => [side, await this.sendFound(match, side)] as const)));
    const dms = { player1: match.player1DmMessageId ?? delivered.get(1) ?? null, player2: match.player2DmMessageId ?? delivered.get(2) ?? null };
    await this.repository.saveDms(match.id, dms).catch((error: unknown) => this.logger.warn(`Could not save the DMs of match ${match.id}: ${String(error)}`));
    this.open.put({ ...(this.open.get(match.id) ?? match), player1DmMessageId: dms.player1, player2DmMessageId: dms.player2 });
  }

  /** Brings the DMs of `sides` up to date with the match as memory holds it when their turn comes. */
  refresh(match: MatchRecord, sides: readonly Side[]): Promise<void> {
    return this.inTurn(match.id, () => this.draw(match, sides));
  }

  /** The clicker's own DM, answered through their interaction, in turn with the match's other edits. */
  showOwn(match: MatchRecord, side: Side, show: (view: MatchView) => Promise<unknown>, options: { note?: string } = {}): Promise<void> {
    this.clickDrew(match.id, side);
    return this.inTurn(match.id, async () => {
      await show(this.views.viewFor(this.latest(match), side, options));
    });
  }

  /** A click answered the player's DM with a view of its own (a prompt): a redraw after a restart must not take it away. */
  clickDrew(matchId: number, side: Side): void {
    this.clickedDuringRestore?.add(`${matchId}:${side}`);
  }

  private redraw(match: MatchRecord, sides: readonly Side[]): Promise<void> {
    return this.inTurn(match.id, () => this.draw(match, sides.filter((side) => !this.clickedDuringRestore?.has(`${match.id}:${side}`))));
  }

  private async draw(match: MatchRecord, sides: readonly Side[]): Promise<void> {
    const latest = this.latest(match);
    await Promise.all(
      sides.map(async (side) => {
        const messageId = side === 1 ? latest.player1DmMessageId : latest.player2DmMessageId;
        const player = this.views.player(latest, side);
        if (messageId && player) await this.notifier.editDm(player.discordId, messageId, renderMatch(this.views.viewFor(latest, side)));
      }),
    );
  }

  /**
   * Edits of one match's DMs run one after another, each drawn when its turn comes: two players
   * confirming at once can never leave a DM showing the older of two states.
   */
  private inTurn(matchId: number, edit: () => Promise<void>): Promise<void> {
    const turn = (this.turns.get(matchId) ?? Promise.resolve()).then(edit);
    const settled = turn.catch((error: unknown) => this.logger.warn(`An edit of match ${matchId}'s messages failed: ${String(error)}`));
    this.turns.set(matchId, settled);
    void settled.then(() => this.turns.get(matchId) === settled && this.turns.delete(matchId));
    return turn;
  }

  /** Memory's newest copy; a finished match has left memory, and the write's copy is the newest. */
  private latest(match: MatchRecord): MatchRecord {
    const known = this.open.latest(match.id);
    return known && known.updatedAt >= match.updatedAt ? known : match;
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

  /** One player reported: the other is asked for theirs, at once and again halfway to the deadline. */
  async reportReminder(match: MatchRecord, side: Side, atOnce: boolean): Promise<void> {
    const player = this.views.player(match, side);
    const reporter = this.views.player(match, side === 1 ? 2 : 1);
    if (!player || !match.reportDeadline) return;
    const embed = new EmbedBuilder()
      .setTitle(`Match #${match.id}: ${atOnce ? 'your opponent reported' : 'please report'}`)
      .setDescription(
        `${reporter?.playerName ?? 'Your opponent'} has reported the result. Report yours on the match card before <t:${unix(match.reportDeadline)}:R>: if you do not, theirs stands.`,
      );
    await this.deliver(player, { embeds: [embed] }, 'report_reminder');
  }

  /** A match that ended after both confirmed: both DMs show how, and the admin channel (and maybe the ladder channel) is told. */
  async finished(match: MatchRecord): Promise<void> {
    await this.refresh(match, [1, 2]);
    const notice = renderAdminNotice(this.views.viewFor(match, 1), this.views.player(match, 1)?.playerName ?? 'player 1', this.views.player(match, 2)?.playerName ?? 'player 2');
    const { admin, ladder } = this.config.channels;
    if (admin) await this.notifier.post(admin, notice);
    if (ladder && this.config.ladder.resultsToLadderChannel && match.status === 'completed') await this.notifier.post(ladder, notice);
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
