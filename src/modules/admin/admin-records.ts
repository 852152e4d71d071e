import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { nextWaveId, waitCount } from '../matches/domain/wave-schedule';
import { abortsLeft } from '../players/domain/aborts';
import { PlayerDirectory } from '../players/player-directory';
import { ProfileViews } from '../players/profile-views';
import { RANK_LOOKUP, RankLookup } from '../players/rank-lookup';
import { QueueRoster } from '../queue/queue-roster';
import { StaticDataService } from '../static-data/static-data.service';
import { actionJson, ApiLabels, matchJson, playerJson, queueEntryJson } from './admin-api.render';
import { AdminMatches } from './admin-matches';
import { AdminRepository } from './admin.repository';

/** The ladder's state as the admin HTTP API reads it: from memory where it is kept, else one statement. */
@Injectable()
export class AdminRecords {
  constructor(
    private readonly directory: PlayerDirectory,
    private readonly profiles: ProfileViews,
    @Inject(RANK_LOOKUP) private readonly ranks: RankLookup,
    private readonly roster: QueueRoster,
    private readonly matches: AdminMatches,
    private readonly repository: AdminRepository,
    private readonly staticData: StaticDataService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async player(discordId: string) {
    const player = this.directory.get(discordId);
    const details = player && (await this.profiles.detailsOf(discordId));
    if (!player || !details) throw notFound(`No player has the Discord id ${discordId}`);
    const perMonth = this.config.ladder.abortsPerMonth;
    return playerJson(
      player,
      details,
      {
        rankOf: (race) => this.ranks.rankOf(player.id, race),
        abortsLeft: abortsLeft(player, perMonth, this.clock.now()),
        abortsPerMonth: perMonth,
        queued: this.roster.get(discordId),
        recent: this.config.historyPageSize,
        waitCount: this.waitCount(),
      },
      this.labels(),
    );
  }

  async match(matchId: number) {
    const match = await this.matches.find(matchId);
    if (!match) throw notFound(`There is no match #${matchId}`);
    return matchJson(match, this.labels());
  }

  queue() {
    const waitCountOf = this.waitCount();
    const labels = this.labels();
    const entries = this.roster.all().sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.playerId - b.playerId);
    return {
      size: entries.length,
      population: this.roster.population(),
      wave_seconds: this.config.matchmaking.waveSeconds,
      entries: entries.map((entry) => queueEntryJson(entry, waitCountOf(entry.joinedAt), labels)),
    };
  }

  /** Newest first; `next_before` pages on to the older ones, null on the last page. */
  async actions(limit: number, before?: number) {
    const actions = await this.repository.actions(limit, before);
    return { actions: actions.map(actionJson), next_before: actions.length === limit ? actions[actions.length - 1].id : null };
  }

  /** Waves a player who joined then will have waited by the next wave (the one that counts for the window). */
  private waitCount(): (joinedAt: Date) => number {
    const interval = this.config.matchmaking.waveSeconds;
    const next = nextWaveId(this.clock.now(), interval);
    return (joinedAt) => waitCount(next, joinedAt, interval);
  }

  private labels(): ApiLabels {
    const catalog = this.staticData.catalog;
    return {
      race: (code) => catalog.race(code)?.name ?? code,
      map: (code) => catalog.map(code)?.name ?? code,
      server: (code) => catalog.server(code)?.name ?? code,
      playerById: (playerId) => this.directory.byId(playerId),
    };
  }
}

function notFound(message: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message });
}
