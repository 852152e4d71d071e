import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { RankedRatings } from '../leaderboard/ranked-ratings';
import { ActionLogEntry } from '../logging/significant-actions';
import { MatchRecord, playerIdOf } from '../matches/match-record';
import { MatchNotices } from '../matches/match-notices';
import { OpenMatches } from '../matches/open-matches';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerIdentity } from '../players/players.repository';
import { ProfileViews } from '../players/profile-views';
import { validateReason } from './domain/reason';
import { movesAnything, RESOLVABLE, Resolution, ResolvableStatus, resolve, Verdict } from './domain/resolution';
import { renderResolutionNotice, renderResolutionLine } from './admin.render';
import { AdminRepository, PreviewedState } from './admin.repository';
import { AdminMatches } from './admin-matches';
import { AdminNotices } from './admin-notices';
import { AdminMatchView, ResolutionOutcome, ResolutionPreview } from './admin-view';

/**
 * An admin's verdict on a match (LADDER.md, Admin): previewed with what it moves, then confirmed as
 * one statement with its audit row and the players' log rows; the players and the admin channel told.
 */
@Injectable()
export class AdminResolutions {
  constructor(
    private readonly matches: AdminMatches,
    private readonly repository: AdminRepository,
    private readonly open: OpenMatches,
    private readonly directory: PlayerDirectory,
    private readonly ranks: RankedRatings,
    private readonly profiles: ProfileViews,
    private readonly notices: MatchNotices,
    private readonly adminNotices: AdminNotices,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async preview(matchId: number, verdict: Verdict, typedReason: string): Promise<ResolutionPreview> {
    const reason = validateReason(typedReason);
    if (!reason.ok) throw new InteractionRefusal('Reason', reason.error);
    const match = await this.resolvable(matchId);
    return { ...this.matches.viewOf(match), verdict, resolution: this.resolutionOf(match, verdict), previewed: stateOf(match), reason: reason.reason };
  }

  /**
   * The verdict on the match as the preview showed it (`previewed`); a match that moved on since is
   * left alone and said so. One statement, after the acknowledgement.
   */
  async confirm(admin: PlayerIdentity, matchId: number, verdict: Verdict, previewed: PreviewedState, typedReason: string, intentKey: string): Promise<ResolutionOutcome> {
    const reason = validateReason(typedReason);
    if (!reason.ok) throw new InteractionRefusal('Reason', reason.error);
    const match = await this.resolvable(matchId);
    if (!sameState(stateOf(match), previewed)) return { kind: 'stale', view: this.matches.viewOf(match) };
    const resolution = this.resolutionOf(match, verdict);
    const at = this.clock.now();
    const write = await this.repository.resolve({
      match,
      previewed,
      resolution,
      audit: {
        idempotencyKey: intentKey,
        adminDiscordId: admin.discordId,
        action: 'resolve_match',
        targetMatchId: match.id,
        oldValue: describeState(previewed),
        newValue: describeState({ status: resolution.status, result: resolution.result }),
        reason: reason.reason,
        at,
      },
      logs: this.logs(match, resolution, admin, intentKey, at),
      playedAt: playedAt(match, at),
    });
    const now = write.match ?? match;
    this.open.put(now);
    if (write.status !== 'applied') return { kind: write.status, view: this.matches.viewOf(now) };

    write.players.forEach((player) => this.directory.confirm(player));
    write.ratings.forEach((rating) => this.ranks.written(rating));
    const view = this.matches.viewOf(now);
    for (const playerId of [now.player1Id, now.player2Id]) {
      const player = this.directory.byId(playerId);
      if (player) await this.profiles.forget(player.discordId);
    }
    await this.notices.refresh(now, [1, 2]);
    await this.tell(view, verdict, reason.reason, admin);
    const ratings = write.ratings.map((rating) => ({
      name: rating.playerId === now.player1Id ? view.player1.name : view.player2.name,
      race: rating.playerId === now.player1Id ? view.player1.race : view.player2.race,
      mmr: rating.mmr,
    }));
    return { kind: 'applied', view, verdict, ratings };
  }

  private async resolvable(matchId: number): Promise<MatchRecord & { status: ResolvableStatus }> {
    const match = await this.matches.find(matchId);
    if (!match) throw new InteractionRefusal('No such match', `There is no match #${matchId}.`);
    if (!isResolvable(match)) {
      throw new InteractionRefusal(
        'Not resolvable',
        `Match #${matchId} is ${match.status.replace('_', ' ')}: only a match awaiting reports, in conflict, completed or cancelled can be resolved.`,
      );
    }
    return match;
  }

  private resolutionOf(match: MatchRecord & { status: ResolvableStatus }, verdict: Verdict): Resolution {
    return resolve(match, verdict, this.config.ladder.rating);
  }

  /** Each player's `admin_action` row, and a `rating_changed` row where the rating moves: by the admin. */
  private logs(match: MatchRecord & { status: ResolvableStatus }, resolution: Resolution, admin: PlayerIdentity, intentKey: string, at: Date): ActionLogEntry[] {
    return ([1, 2] as const).flatMap((side) => {
      const player = this.directory.byId(playerIdOf(match, side));
      if (!player) return [];
      const resolved = side === 1 ? resolution.player1 : resolution.player2;
      const race = side === 1 ? match.player1Race : match.player2Race;
      const atCreation = side === 1 ? match.player1Rating : match.player2Rating;
      const common = { discordId: player.discordId, changedBy: `admin:${admin.discordId}`, at };
      const entries: ActionLogEntry[] = [
        {
          ...common,
          idempotencyKey: `${intentKey}:${player.discordId}`,
          action: 'admin_action',
          settingName: `match:${match.id}`,
          oldValue: describeState(stateOf(match)),
          newValue: describeState({ status: resolution.status, result: resolution.result }),
        },
      ];
      if (movesAnything(resolved.delta)) {
        entries.push({
          ...common,
          idempotencyKey: `${intentKey}:${player.discordId}:rating`,
          action: 'rating_changed',
          settingName: race,
          oldValue: String(atCreation + resolved.target.change - resolved.delta.change),
          newValue: String(atCreation + resolved.target.change),
        });
      }
      return entries;
    });
  }

  /** Each player by DM (the admin channel when a DM fails, never the public one), and a line in the admin channel. */
  private async tell(view: AdminMatchView, verdict: Verdict, reason: string, admin: PlayerIdentity): Promise<void> {
    for (const side of [view.player1, view.player2]) {
      if (side.discordId) await this.adminNotices.deliver(side.discordId, renderResolutionNotice(view, verdict, reason), `match #${view.match.id}`);
    }
    await this.adminNotices.post(renderResolutionLine(view, verdict, reason, admin));
  }
}

function isResolvable(match: MatchRecord): match is MatchRecord & { status: ResolvableStatus } {
  return (RESOLVABLE as readonly string[]).includes(match.status);
}

function stateOf(match: MatchRecord & { status: ResolvableStatus }): PreviewedState {
  return { status: match.status, result: match.result, reportRevs: match.player1ReportRev + match.player2ReportRev };
}

function sameState(a: PreviewedState, b: PreviewedState): boolean {
  return a.status === b.status && a.result === b.result && a.reportRevs === b.reportRevs;
}

function describeState(state: { status: string; result: string | null }): string {
  return state.result ? `${state.status}: ${state.result}` : state.status;
}

/** When the game was played, as near as the match knows: its last report, else now. */
function playedAt(match: MatchRecord, at: Date): Date {
  const reports = [match.player1ReportedAt, match.player2ReportedAt].filter((date): date is Date => date !== null);
  return reports.length > 0 ? new Date(Math.max(...reports.map((date) => date.getTime()))) : at;
}
