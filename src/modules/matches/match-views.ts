import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { abortsLeft } from '../players/domain/aborts';
import { RankedRatings } from '../leaderboard/ranked-ratings';
import { PlayerDirectory } from '../players/player-directory';
import { PlayerRecord } from '../players/player-record';
import { StaticDataService } from '../static-data/static-data.service';
import { Report } from './domain/reports';
import { confirmedAt, MatchRecord, otherSide, playerIdOf, reportOf, reportRevOf, Side } from './match-record';
import { MatchSideView, MatchView } from './match-view';

/** Draws each player's view of a match from memory: the match, both players and the static data. */
@Injectable()
export class MatchViews {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly ranks: RankedRatings,
    private readonly staticData: StaticDataService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The match as `side` sees it now. */
  viewFor(match: MatchRecord, side: Side, options: { confirmingAbort?: boolean; note?: string; choosing?: Report } = {}): MatchView {
    const catalog = this.staticData.catalog;
    const server = catalog.server(match.serverCode);
    const map = catalog.map(match.mapCode);
    const basics = {
      matchId: match.id,
      map: { name: map?.name ?? match.mapCode, link: server ? catalog.mapLink(match.mapCode, server.gameRegion) : undefined },
      server: { code: match.serverCode, name: server?.name ?? match.serverCode },
    };
    const you = this.player(match, side);
    const opponent = this.player(match, otherSide(side));
    const nameOf = (player: PlayerRecord | undefined) => player?.playerName ?? player?.discordUsername ?? 'a player';
    if (match.status === 'confirmed') {
      return {
        ...basics,
        kind: 'card',
        bw: this.sideView(match, 1),
        sc2: this.sideView(match, 2),
        lobbyChannel: this.config.ladder.lobbyChannel,
        reportBy: match.reportDeadline,
        yourReport: reportOf(match, side),
        reportRev: reportRevOf(match, side),
        opponent: nameOf(opponent),
        opponentReported: reportOf(match, otherSide(side)) !== null,
        choosing: options.choosing,
        note: options.note,
      };
    }
    if (match.status === 'completed') {
      const bw = this.player(match, 1);
      const sc2 = this.player(match, 2);
      const outcome = match.result === 'draw' ? 'A draw.' : `${nameOf(match.result === 'player_1' ? bw : sc2)} won.`;
      const rating = (player: PlayerRecord | undefined, race: string, before: number, change: number) => ({
        name: nameOf(player),
        race: this.staticData.catalog.race(race)?.name ?? race,
        before,
        after: before + change,
      });
      return {
        ...basics,
        kind: 'completed',
        outcome,
        ratings: [
          rating(bw, match.player1Race, match.player1Rating, match.player1RatingChange),
          rating(sc2, match.player2Race, match.player2Rating, match.player2RatingChange),
        ],
        decidedBy: match.resolvedBy ? 'admin' : match.player1Report === null || match.player2Report === null ? 'deadline' : 'reports',
      };
    }
    if (match.status === 'conflict') {
      return { ...basics, kind: 'conflict', yourReport: reportOf(match, side), theirReport: reportOf(match, otherSide(side)), opponent: nameOf(opponent) };
    }
    if (match.status === 'cancelled') return { ...basics, kind: 'cancelled', byAdmin: match.resolvedBy !== null };
    if (match.status === 'aborted') {
      const byYou = match.abortedByPlayerId === you?.id;
      const by = byYou ? you : opponent;
      return { ...basics, kind: 'aborted', byYou, abortedBy: by?.playerName ?? 'a player', abortsLeft: this.abortsLeftOf(you) };
    }
    if (match.status === 'timed_out') {
      const missing = ([1, 2] as const).filter((each) => confirmedAt(match, each) === null).map((each) => this.player(match, each)?.playerName ?? 'a player');
      return { ...basics, kind: 'timed_out', missing };
    }
    return {
      ...basics,
      kind: 'found',
      you: this.sideView(match, side),
      opponent: this.sideView(match, otherSide(side)),
      confirmBy: match.confirmDeadline,
      youConfirmed: confirmedAt(match, side) !== null,
      opponentConfirmed: confirmedAt(match, otherSide(side)) !== null,
      abortsLeft: this.abortsLeftOf(you),
      abortsPerMonth: this.config.ladder.abortsPerMonth,
      confirmingAbort: options.confirmingAbort ?? false,
      note: options.note,
    };
  }

  abortsLeftOf(player: PlayerRecord | undefined): number {
    return player ? abortsLeft(player, this.config.ladder.abortsPerMonth, this.clock.now()) : 0;
  }

  player(match: MatchRecord, side: Side): PlayerRecord | undefined {
    return this.directory.byId(playerIdOf(match, side));
  }

  private sideView(match: MatchRecord, side: Side): MatchSideView {
    const catalog = this.staticData.catalog;
    const player = this.player(match, side);
    const race = side === 1 ? match.player1Race : match.player2Race;
    const country = player?.country ? `${catalog.flag(player.country)} ${catalog.country(player.country)?.name ?? player.country}` : '';
    const rank = this.ranks.rankOf(playerIdOf(match, side), race);
    return {
      name: player?.playerName ?? player?.discordUsername ?? 'unknown',
      battletag: player?.battletag ?? null,
      alts: [player?.altPlayerName1, player?.altPlayerName2].filter((alt): alt is string => Boolean(alt)),
      country,
      race: catalog.race(race)?.name ?? race,
      rating: side === 1 ? match.player1Rating : match.player2Rating,
      rank: rank ? `rank ${rank.letter} (#${rank.position})` : 'unranked',
      rttMs: player?.region ? catalog.estimatedRttMs(player.region, match.serverCode) : 0,
    };
  }
}
