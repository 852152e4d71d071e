import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { ChangeMatchedNothing } from '../../database/sql';
import { abortMonth } from '../players/domain/aborts';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerIdentity } from '../players/players.repository';
import { confirmedAt, MatchRecord, otherSide, Side } from './match-record';
import { ownMatch } from './own-match';
import { MatchView } from './match-view';
import { MatchCompletions } from './match-completions';
import { MatchNotices } from './match-notices';
import { MatchesRepository, MatchWrite } from './matches.repository';
import { MatchViews } from './match-views';
import { OpenMatches } from './open-matches';

export type ShowView = (view: MatchView) => Promise<unknown>;

/** Confirm and Abort on a match DM: each one compare-and-set statement with its log row. */
@Injectable()
export class MatchConfirmations {
  constructor(
    private readonly open: OpenMatches,
    private readonly repository: MatchesRepository,
    private readonly directory: PlayerDirectory,
    private readonly views: MatchViews,
    private readonly notices: MatchNotices,
    private readonly completions: MatchCompletions,
    private readonly metrics: LadderMetrics,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** `show` draws the clicker's own DM, in turn with every other edit of the match's DMs. */
  async confirm(who: PlayerIdentity, matchId: number, intentKey: string, show: ShowView): Promise<void> {
    const { match, side } = this.ownMatch(who, matchId);
    if (match.status !== 'awaiting_confirmation' || confirmedAt(match, side) !== null) return this.notices.showOwn(match, side, show);
    const at = this.clock.now();
    const reportDeadline = new Date(at.getTime() + this.config.ladder.reportSeconds * 1000);
    const log = { idempotencyKey: intentKey, discordId: who.discordId, action: 'match_confirmed' as const, settingName: 'match', newValue: String(matchId), changedBy: 'player', at };
    const write = await this.guarded(matchId, () => this.repository.confirm(matchId, side, at, reportDeadline, log));
    const now = write.match ?? match;
    if (write.status === 'applied') {
      if (now.status === 'confirmed') this.metrics.recordMatchOutcome('confirmed');
      await this.notices.refresh(now, [otherSide(side)]);
    }
    await this.notices.showOwn(now, side, show);
  }

  /** The first click of an abort: asks for the second, from memory. */
  askAbort(who: PlayerIdentity, matchId: number): MatchView {
    const { match, side } = this.ownMatch(who, matchId);
    this.notices.clickDrew(matchId, side);
    if (match.status !== 'awaiting_confirmation') return this.views.viewFor(match, side);
    if (this.views.abortsLeftOf(this.views.player(match, side)) === 0) return this.views.viewFor(match, side, { note: 'You have no aborts left this month.' });
    return this.views.viewFor(match, side, { confirmingAbort: true, note: 'Abort this match? It uses one of your aborts for this month; your opponent is not charged.' });
  }

  back(who: PlayerIdentity, matchId: number): MatchView {
    const { match, side } = this.ownMatch(who, matchId);
    this.notices.clickDrew(matchId, side);
    return this.views.viewFor(match, side);
  }

  async abort(who: PlayerIdentity, matchId: number, intentKey: string, show: ShowView): Promise<void> {
    const { match, side } = this.ownMatch(who, matchId);
    if (match.status !== 'awaiting_confirmation') return this.notices.showOwn(match, side, show, { note: 'Both players confirmed: the match can no longer be aborted.' });
    const player = this.views.player(match, side)!;
    if (this.views.abortsLeftOf(player) === 0) return this.notices.showOwn(match, side, show, { note: 'You have no aborts left this month.' });
    const at = this.clock.now();
    const log = { idempotencyKey: intentKey, discordId: who.discordId, action: 'match_aborted' as const, settingName: 'match', newValue: String(matchId), changedBy: 'player', at };
    const quota = { month: abortMonth(at), perMonth: this.config.ladder.abortsPerMonth };
    const write = await this.guarded(matchId, () => this.repository.abort(matchId, player.id, quota, at, log));
    const now = write.match ?? match;
    if (write.status === 'applied') {
      this.metrics.recordMatchOutcome('aborted');
      await this.notices.refresh(now, [otherSide(side)]);
    } else if (now.status === 'awaiting_confirmation') {
      // Still open, so the quota refused it: memory had the player's aborts wrong.
      this.directory.reread(who.discordId);
    }
    await this.notices.showOwn(now, side, show);
  }

  /** Memory follows every outcome; an unknown one reads the match's players again. */
  private async guarded(matchId: number, work: () => Promise<MatchWrite>): Promise<MatchWrite> {
    let write: MatchWrite;
    try {
      write = await work();
    } catch (error) {
      if (!(error instanceof ChangeMatchedNothing)) {
        const match = this.open.get(matchId);
        for (const side of [1, 2] as const) {
          const player = match && this.views.player(match, side);
          if (player) this.directory.reread(player.discordId);
        }
      }
      throw error;
    }
    await this.completions.written(write);
    return write;
  }

  private ownMatch(who: PlayerIdentity, matchId: number): { match: MatchRecord; side: Side } {
    return ownMatch(this.open, this.directory, who.discordId, matchId);
  }
}
