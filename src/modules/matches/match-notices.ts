import { Injectable } from '@nestjs/common';
import { LadderMetrics } from '../../common/metrics/ladder-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { Notifier } from '../../discord/notifier';
import { PlayerRecord } from '../players/player-record';
import { SearchingMessages } from '../queue/searching-messages';
import { StaticDataService } from '../static-data/static-data.service';
import { MatchRecord } from './match-record';
import { MatchFoundSide, renderClosedDms, renderMatchFound, renderMatchFoundPointer } from './match-found.render';

export interface CreatedMatch {
  match: MatchRecord;
  player1: PlayerRecord;
  player2: PlayerRecord;
  /** Estimated round trips to the match's server, in ms. */
  rttMs: { player1: number; player2: number };
}

/** The messages a new match sends: a DM to each player (a mention in the ladder channel when it fails). */
@Injectable()
export class MatchNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly searching: SearchingMessages,
    private readonly staticData: StaticDataService,
    private readonly metrics: LadderMetrics,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async matchFound(created: CreatedMatch): Promise<void> {
    const { match, player1, player2, rttMs } = created;
    const side1 = this.side(player1, match.player1Race, match.player1Rating, rttMs.player1);
    const side2 = this.side(player2, match.player2Race, match.player2Rating, rttMs.player2);
    await Promise.all([this.tell(player1, match, side1, side2), this.tell(player2, match, side2, side1)]);
  }

  private async tell(player: PlayerRecord, match: MatchRecord, you: MatchFoundSide, opponent: MatchFoundSide): Promise<void> {
    const server = this.staticData.catalog.server(match.serverCode);
    const view = {
      matchId: match.id,
      you,
      opponent,
      map: this.staticData.catalog.map(match.mapCode)?.name ?? match.mapCode,
      server: { code: match.serverCode, name: server?.name ?? match.serverCode },
      confirmBy: match.confirmDeadline,
    };
    const searching = this.searching.take(player.discordId);
    const pointer = searching?.(renderMatchFoundPointer(match.id)).catch(() => undefined);
    if (!(await this.notifier.dm(player.discordId, renderMatchFound(view)))) {
      this.metrics.recordDmFailure('match_found');
      const channel = this.config.channels.ladder;
      if (channel) await this.notifier.post(channel, renderClosedDms(player.discordId));
    }
    await pointer;
  }

  private side(player: PlayerRecord, race: string, rating: number, rttMs: number): MatchFoundSide {
    const catalog = this.staticData.catalog;
    const country = player.country ? `${catalog.flag(player.country)} ${catalog.country(player.country)?.name ?? player.country}` : '';
    return { name: player.playerName ?? player.discordUsername, race: catalog.race(race)?.name ?? race, rating, country, rttMs };
  }
}
