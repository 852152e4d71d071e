import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import type { Cache } from 'cache-manager';
import { APIEmbed } from 'discord.js';
import { Clock } from '../../common/clock/clock';
import { CacheMetrics } from '../../common/metrics/cache-metrics';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { StaticDataService } from '../static-data/static-data.service';
import { countryChoice } from './domain/choice';
import { nextPeriodChange, summarizeProfile } from './domain/profile-summary';
import { PlayedMatch, ProfileDetails, RatingRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
import { RANK_LOOKUP, RankLookup } from './rank-lookup';
import { PlayersRepository } from './players.repository';
import { renderProfile } from './profile.render';

/**
 * Profiles as shown: the rendered view from the view cache, else rendered from the player as memory
 * holds them and their details (ratings), loaded once with one statement and then kept.
 */
@Injectable()
export class ProfileViews {
  private readonly details = new Map<string, ProfileDetails>();

  constructor(
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    private readonly repository: PlayersRepository,
    private readonly directory: PlayerDirectory,
    @Inject(RANK_LOOKUP) private readonly ranks: RankLookup,
    private readonly staticData: StaticDataService,
    private readonly metrics: CacheMetrics,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The profile of `discordId`, or undefined when they have no ladder record. */
  async view(discordId: string): Promise<APIEmbed | undefined> {
    if (!this.directory.get(discordId)) return undefined;
    const key = viewKey(discordId);
    const now = this.clock.now();
    const cached = await this.cache.get<CachedProfile>(key);
    const revision = this.ranks.revision();
    const fresh = cached !== undefined && cached.ranks === revision && (cached.until === null || now.getTime() < cached.until);
    this.metrics.record('profile-view', fresh);
    if (fresh) return cached.view;
    const details = await this.detailsOf(discordId);
    const player = this.directory.get(discordId);
    if (!details || !player) return undefined;
    const summary = summarizeProfile(player, details, this.config.ladder.abortsPerMonth, now, (race) => this.ranks.rankOf(player.id, race));
    const view = renderProfile(summary, this.labels());
    // A rendered profile holds only until a match leaves one of its day windows, or any rank moves.
    await this.cache.set(key, { view, until: nextPeriodChange(details.matches, now), ranks: revision });
    return view;
  }

  /** After a write to the player's own row: the next view renders again from the kept details. */
  async rerender(discordId: string): Promise<void> {
    await this.cache.del(viewKey(discordId));
  }

  /** A result: the kept details take the rating row as written and the match, and the views render again. */
  async resultRecorded(discordId: string, rating: RatingRecord, played: PlayedMatch): Promise<void> {
    const known = this.details.get(discordId);
    if (known) {
      const ratings = [...known.ratings.filter((each) => each.race !== rating.race), rating].sort((a, b) => a.race.localeCompare(b.race));
      this.details.set(discordId, { ratings, matches: [played, ...known.matches.filter((each) => each.matchId !== played.matchId)] });
    }
    await this.rerender(discordId);
  }

  /** The ratings kept so far, per player: what an audit compares with the database. */
  keptRatings(): Array<{ discordId: string; ratings: RatingRecord[] }> {
    return [...this.details].map(([discordId, details]) => ({ discordId, ratings: details.ratings }));
  }

  /** A page of the player's completed matches, newest first, from the kept details (one statement the first time). */
  async history(discordId: string, page: number): Promise<HistoryPage | undefined> {
    const details = await this.detailsOf(discordId);
    const player = this.directory.get(discordId);
    if (!details || !player) return undefined;
    const size = this.config.historyPageSize;
    const pages = Math.max(1, Math.ceil(details.matches.length / size));
    const shown = Math.min(Math.max(page, 1), pages);
    const catalog = this.staticData.catalog;
    const rows = details.matches.slice((shown - 1) * size, shown * size).map((match) => {
      const opponent = this.directory.byId(match.opponentId);
      return {
        matchId: match.matchId,
        completedAt: match.completedAt,
        race: catalog.race(match.race)?.name ?? match.race,
        opponent: opponent?.playerName ?? opponent?.discordUsername ?? 'a former player',
        opponentRace: catalog.race(match.opponentRace)?.name ?? match.opponentRace,
        map: catalog.map(match.mapCode)?.shortName ?? match.mapCode,
        outcome: match.outcome,
        change: match.change,
      };
    });
    return { discordId, name: player.playerName ?? player.discordUsername, page: shown, pages, total: details.matches.length, rows };
  }

  /** When the player may have changed in ways memory cannot tell: every view derived from them is rebuilt, details included. */
  async forget(discordId: string): Promise<void> {
    this.details.delete(discordId);
    await this.rerender(discordId);
  }

  /** The player's ratings and completed matches: kept in memory after the first read (one statement). */
  async detailsOf(discordId: string): Promise<ProfileDetails | undefined> {
    const known = this.details.get(discordId);
    this.metrics.record('profile-details', known !== undefined);
    if (known) return known;
    const loaded = await this.repository.profile(discordId);
    if (!loaded) return undefined;
    const details = { ratings: loaded.ratings, matches: loaded.matches };
    this.details.set(discordId, details);
    return details;
  }

  private labels() {
    const catalog = this.staticData.catalog;
    return {
      raceName: (code: string) => catalog.race(code)?.name ?? code,
      country: (code: string) => countryChoice(catalog, code),
      regionName: (code: string) => catalog.region(code)?.name,
    };
  }
}

interface CachedProfile {
  view: APIEmbed;
  /** When a period count next changes (ms), or null when none will. */
  until: number | null;
  /** The ranked pool's revision its ranks were drawn at. */
  ranks: number;
}

/** One page of /history, every name already looked up. */
export interface HistoryPage {
  discordId: string;
  name: string;
  page: number;
  pages: number;
  total: number;
  rows: Array<{ matchId: number; completedAt: Date; race: string; opponent: string; opponentRace: string; map: string; outcome: PlayedMatch['outcome']; change: number }>;
}

function viewKey(discordId: string): string {
  return `profile-view:${discordId}`;
}
