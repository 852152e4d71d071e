import { Injectable } from '@nestjs/common';
import { MatchRecord, playerIdOf, Side } from '../matches/match-record';
import { OpenMatches } from '../matches/open-matches';
import { PlayerDirectory } from '../players/player-directory';
import { StaticDataService } from '../static-data/static-data.service';
import { AdminRepository } from './admin.repository';
import { AdminMatchView, AdminSide } from './admin-view';

/** Matches as the admin tools find them: from memory when it holds them (open or lately ended), else one read. */
@Injectable()
export class AdminMatches {
  constructor(
    private readonly repository: AdminRepository,
    private readonly open: OpenMatches,
    private readonly directory: PlayerDirectory,
    private readonly staticData: StaticDataService,
  ) {}

  async find(matchId: number): Promise<MatchRecord | undefined> {
    const known = this.open.latest(matchId);
    if (known) return known;
    const match = await this.repository.match(matchId);
    if (match) this.open.put(match);
    return match;
  }

  viewOf(match: MatchRecord): AdminMatchView {
    const catalog = this.staticData.catalog;
    return {
      match,
      player1: this.side(match, 1),
      player2: this.side(match, 2),
      map: catalog.map(match.mapCode)?.name ?? match.mapCode,
      server: catalog.server(match.serverCode)?.name ?? match.serverCode,
    };
  }

  private side(match: MatchRecord, side: Side): AdminSide {
    const player = this.directory.byId(playerIdOf(match, side));
    const race = side === 1 ? match.player1Race : match.player2Race;
    return {
      name: player?.playerName ?? player?.discordUsername ?? `player #${playerIdOf(match, side)}`,
      discordId: player?.discordId,
      race: this.staticData.catalog.race(race)?.name ?? race,
      ratingAtCreation: side === 1 ? match.player1Rating : match.player2Rating,
    };
  }
}
