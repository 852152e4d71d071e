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
import { summarizeProfile } from './domain/profile-summary';
import { ProfileDetails, RatingRecord } from './player-record';
import { PlayerDirectory } from './player-directory';
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
    private readonly staticData: StaticDataService,
    private readonly metrics: CacheMetrics,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The profile of `discordId`, or undefined when they have no ladder record. */
  async view(discordId: string): Promise<APIEmbed | undefined> {
    if (!this.directory.get(discordId)) return undefined;
    const key = viewKey(discordId);
    const cached = await this.cache.get<APIEmbed>(key);
    this.metrics.record('profile-view', cached !== undefined);
    if (cached) return cached;
    const details = await this.detailsOf(discordId);
    const player = this.directory.get(discordId);
    if (!details || !player) return undefined;
    const view = renderProfile(summarizeProfile(player, details, this.config.ladder.abortsPerMonth, this.clock.now()), this.labels());
    await this.cache.set(key, view);
    return view;
  }

  /** After a write to the player's own row: the next view renders again from the kept details. */
  async rerender(discordId: string): Promise<void> {
    await this.cache.del(viewKey(discordId));
  }

  /** A result moved one of the player's ratings: the kept details take the row as written, and the view renders again. */
  async ratingChanged(discordId: string, rating: RatingRecord): Promise<void> {
    const known = this.details.get(discordId);
    if (known) this.details.set(discordId, { ratings: [...known.ratings.filter((each) => each.race !== rating.race), rating].sort((a, b) => a.race.localeCompare(b.race)) });
    await this.rerender(discordId);
  }

  /** When the player may have changed in ways memory cannot tell: every view derived from them is rebuilt, details included. */
  async forget(discordId: string): Promise<void> {
    this.details.delete(discordId);
    await this.rerender(discordId);
  }

  private async detailsOf(discordId: string): Promise<ProfileDetails | undefined> {
    const known = this.details.get(discordId);
    this.metrics.record('profile-details', known !== undefined);
    if (known) return known;
    const loaded = await this.repository.profile(discordId);
    if (!loaded) return undefined;
    const details = { ratings: loaded.ratings };
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

function viewKey(discordId: string): string {
  return `profile-view:${discordId}`;
}
